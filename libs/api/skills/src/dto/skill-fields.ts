/** Validation decorators shared by the skills DTOs (offers, requests), with the field's reason. */
import { applyDecorators } from '@nestjs/common';
import { LANGUAGES, SKILL_FORMATS, SKILL_LIMITS as L } from '@pratique/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';

export const NOT_BLANK = /\S/;

export const Text = (max: number) =>
  applyDecorators(
    IsString({ message: 'must be text' }),
    MaxLength(max, { message: `must be at most ${max} characters` }),
  );

export const Title = () =>
  applyDecorators(Text(L.titleChars), Matches(NOT_BLANK, { message: 'must not be empty' }));

export const Skills = () =>
  applyDecorators(
    IsArray({ message: 'must be a list of skills' }),
    ArrayMinSize(1, { message: 'must hold at least one skill' }),
    ArrayMaxSize(L.skills, { message: `must hold at most ${L.skills} skills` }),
    IsString({ each: true, message: 'must be a list of skills' }),
    Matches(NOT_BLANK, { each: true, message: 'must not hold an empty skill' }),
    MaxLength(L.skillChars, {
      each: true,
      message: `must hold skills of at most ${L.skillChars} characters`,
    }),
  );

export const Formats = () =>
  applyDecorators(
    IsArray({ message: `must be a list of ${SKILL_FORMATS.join(', ')}` }),
    ArrayMinSize(1, { message: 'must hold at least one format' }),
    ArrayMaxSize(SKILL_FORMATS.length * 2, { message: 'must hold each format at most once' }),
    IsIn(SKILL_FORMATS, { each: true, message: `must hold only ${SKILL_FORMATS.join(', ')}` }),
  );

export const Languages = () =>
  applyDecorators(
    IsArray({ message: `must be a list of ${LANGUAGES.join(', ')}` }),
    ArrayMinSize(1, { message: 'must hold at least one language' }),
    ArrayMaxSize(LANGUAGES.length * 2, { message: 'must hold each language at most once' }),
    IsIn(LANGUAGES, { each: true, message: `must hold only ${LANGUAGES.join(', ')}` }),
  );

/** A region's id, or null (national / anywhere). */
export const NullableRegion = () =>
  applyDecorators(
    ValidateIf((_, v) => v !== null),
    IsUUID('all', { message: 'must be a region id or null' }),
  );
