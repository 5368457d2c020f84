import { ApiProperty, PartialType } from '@nestjs/swagger';
import { CreateRegionRequest } from '@pratique/contracts';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateRegionDto implements CreateRegionRequest {
  @ApiProperty({ example: 'sfax' })
  @Transform(trim)
  @IsString()
  @Matches(/^[a-z0-9-]+$/, { message: 'must use lowercase letters, digits and hyphens' })
  @MaxLength(40)
  code!: string;

  @ApiProperty({ example: 'Sfax' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(120)
  name!: string;
}

export class UpdateRegionDto extends PartialType(CreateRegionDto) {}
