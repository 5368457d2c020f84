import { ApiPropertyOptional } from '@nestjs/swagger';
import { LocalizedText } from '@pratique/contracts';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export function localizedText(maxLength: number) {
  class LocalizedTextDto implements LocalizedText {
    @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(maxLength) fr?: string;
    @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(maxLength) ar?: string;
    @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(maxLength) en?: string;
  }
  return LocalizedTextDto;
}
export const SeminarTitle = localizedText(200);
export const SeminarDescription = localizedText(5000);

export function compact(text: LocalizedText | undefined): LocalizedText {
  return Object.fromEntries(Object.entries(text ?? {}).filter(([, v]) => typeof v === 'string' && v !== '')) as LocalizedText;
}
