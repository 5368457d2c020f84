import { ApiPropertyOptional } from '@nestjs/swagger';
import { LocalizedText } from '@pratique/contracts';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A DTO class for a text given per language, with a length limit per language. */
export function localizedText(maxLength: number) {
  class LocalizedTextDto implements LocalizedText {
    @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(maxLength) fr?: string;
    @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(maxLength) ar?: string;
    @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(maxLength) en?: string;
  }
  return LocalizedTextDto;
}

/** Languages given in the patch replace those of the base; languages left out are kept. */
export function mergeLocalized(base: LocalizedText, patch: LocalizedText | undefined): LocalizedText {
  const merged: LocalizedText = { ...base };
  for (const [lang, text] of Object.entries(patch ?? {}) as [keyof LocalizedText, string | undefined][]) {
    if (text !== undefined) merged[lang] = text;
  }
  return merged;
}

/** Only the languages actually given (class instances carry undefined keys). */
export function compactLocalized(text: LocalizedText | undefined): LocalizedText {
  return Object.fromEntries(Object.entries(text ?? {}).filter(([, v]) => typeof v === 'string' && v !== '')) as LocalizedText;
}

export function hasText(text: LocalizedText, lang: string): boolean {
  const value = text[lang as keyof LocalizedText];
  return typeof value === 'string' && value.trim() !== '';
}
