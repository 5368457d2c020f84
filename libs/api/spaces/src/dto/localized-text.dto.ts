import { ApiPropertyOptional } from '@nestjs/swagger';
import { LocalizedText } from '@pratique/contracts';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A text given per language; each language is optional, lengths are checked per language. */
export function localizedTextDto(maxLength: number) {
  class LocalizedTextDto implements LocalizedText {
    @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(maxLength) fr?: string;
    @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(maxLength) ar?: string;
    @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(maxLength) en?: string;
  }
  return LocalizedTextDto;
}

export const SpaceTitleDto = localizedTextDto(120);
export const SpaceDescriptionDto = localizedTextDto(4000);
