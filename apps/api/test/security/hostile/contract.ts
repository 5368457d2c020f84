/**
 * The declared contract of a DTO class, read from its class-validator and class-transformer
 * metadata: per property, the checks it declares (isString, maxLength 200, isUuid, isIn […]),
 * whether it may be left out or be null, and the nested DTO it holds. The hostile suite reads it
 * to build values that break the contract for sure (a number where text is declared, 201
 * characters where 200 are allowed), independently of how the API then enforces it.
 */
import { Type } from '@nestjs/common';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

export type FieldKind = 'string' | 'int' | 'number' | 'boolean' | 'object' | 'array' | 'free';

export interface FieldContract {
  name: string;
  kind: FieldKind;
  /** `IsOptional` / `ValidateIf`: the field is validated only when every condition holds. */
  conditions: ((object: Record<string, unknown>, value: unknown) => boolean)[];
  optional: boolean;
  /** Checks on the value itself (name → constraints). */
  checks: Map<string, unknown[]>;
  /** Checks on each item of an array value. */
  eachChecks: Map<string, unknown[]>;
  /** The DTO of a nested object (or of each item when `nestedEach`). */
  nested?: Type<unknown>;
  nestedEach: boolean;
  /** A class-transformer `@Transform` or `@Type(() => Number|Boolean|String)` changes the raw value. */
  converted: boolean;
}

const STRING_CHECKS = ['isString', 'isUuid', 'isIso8601', 'isUrl', 'isEmail', 'matches', 'maxLength', 'minLength', 'isNotEmpty', 'length'];

function kindOf(checks: Map<string, unknown[]>, nested: boolean, each: boolean): FieldKind {
  if (checks.has('isArray') || (nested && each)) return 'array';
  if (checks.has('isObject') || nested) return 'object';
  if (checks.has('isInt')) return 'int';
  if (checks.has('isNumber')) return 'number';
  if (checks.has('isBoolean')) return 'boolean';
  if (STRING_CHECKS.some((c) => checks.has(c))) return 'string';
  const values = (checks.get('isIn')?.[0] ?? (checks.get('isEnum')?.[1] as unknown[] | undefined)) as unknown[] | undefined;
  if (values && values.every((v) => typeof v === 'string')) return 'string';
  return 'free';
}

const cache = new Map<Type<unknown>, FieldContract[]>();

/** The fields a DTO class declares, in declaration order. */
export function contractOf(dto: Type<unknown>): FieldContract[] {
  const known = cache.get(dto);
  if (known) return known;
  const metas: ValidationMetadata[] = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const byName = new Map<string, ValidationMetadata[]>();
  for (const m of metas) byName.set(m.propertyName, [...(byName.get(m.propertyName) ?? []), m]);
  const fields: FieldContract[] = [];
  for (const [name, list] of byName) {
    const checks = new Map<string, unknown[]>();
    const eachChecks = new Map<string, unknown[]>();
    const conditions: FieldContract['conditions'] = [];
    let optional = false;
    let nestedEach = false;
    let hasNested = false;
    for (const m of list) {
      if (m.type === 'conditionalValidation') {
        conditions.push(m.constraints[0] as FieldContract['conditions'][number]);
        if (m.name === 'isOptional') optional = true;
      } else if (m.type === 'nestedValidation') {
        hasNested = true;
        nestedEach = !!m.each;
      } else if (m.type === 'customValidation' && m.name) {
        (m.each ? eachChecks : checks).set(m.name, m.constraints ?? []);
      }
    }
    const typeMeta = defaultMetadataStorage.findTypeMetadata(dto, name);
    const target = typeMeta?.typeFunction() as Type<unknown> | undefined;
    const primitive = target === Number || target === Boolean || target === String;
    const nested = hasNested && target && !primitive ? target : undefined;
    const converted = primitive || defaultMetadataStorage.findTransformMetadatas(dto, name, 0 /* PLAIN_TO_CLASS */).length > 0;
    fields.push({ name, kind: kindOf(checks, !!nested, nestedEach || eachChecks.size > 0), conditions, optional, checks, eachChecks, nested, nestedEach, converted });
  }
  cache.set(dto, fields);
  return fields;
}

/** Is the field validated when it holds `value` inside `object`? (IsOptional and ValidateIf say.) */
export function isValidatedWith(field: FieldContract, object: Record<string, unknown>, value: unknown): boolean {
  const next = { ...object, [field.name]: value };
  return field.conditions.every((c) => c(next, value));
}

/** Can the field be left out of `object`? */
export function mayBeMissing(field: FieldContract, object: Record<string, unknown>): boolean {
  const rest = { ...object };
  delete rest[field.name];
  return !field.conditions.every((c) => c(rest, undefined));
}

export const maxLengthOf = (f: FieldContract): number | undefined =>
  (f.checks.get('maxLength')?.[0] ?? f.checks.get('length')?.[1]) as number | undefined;
export const minLengthOf = (f: FieldContract): number | undefined =>
  (f.checks.get('minLength')?.[0] ?? f.checks.get('length')?.[0]) as number | undefined;
export const minOf = (f: FieldContract): number | undefined => f.checks.get('min')?.[0] as number | undefined;
export const maxOf = (f: FieldContract): number | undefined => f.checks.get('max')?.[0] as number | undefined;
export function allowedValuesOf(f: FieldContract): unknown[] | undefined {
  return (f.checks.get('isIn')?.[0] as unknown[] | undefined) ?? (f.checks.get('isEnum')?.[1] as unknown[] | undefined);
}
/** A field holding declared text with no format: any characters within its length are fair. */
export function isFreeText(f: FieldContract): boolean {
  if (f.kind !== 'string') return false;
  if (['isUuid', 'isIso8601', 'isUrl', 'isEmail', 'isIn', 'isEnum'].some((c) => f.checks.has(c))) return false;
  const pattern = f.checks.get('matches')?.[0] as RegExp | undefined;
  return !pattern || pattern.source === '\\S';
}
