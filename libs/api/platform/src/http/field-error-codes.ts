/**
 * Stable codes for the reasons of field errors (`ApiFieldError.code`), so the web app says them
 * in the reader's language instead of showing the API's English sentence. A class-validator
 * failure is coded by its constraint (with its limit as a parameter, read from the DTO's
 * validation metadata); the error filter and `fieldError(…, code)` give theirs explicitly.
 */
import { ApiFieldError, FieldErrorCode } from '@pratique/contracts';
import { getMetadataStorage, ValidationError } from 'class-validator';

type Params = Record<string, string | number>;
type Coded = { code: FieldErrorCode; params?: Params };

/** class-validator constraint name → code, and how its `constraints` become parameters. */
const CONSTRAINT_CODES: Record<string, { code: FieldErrorCode; params?: (c: unknown[]) => Params }> = {
  isNotEmpty: { code: 'required' },
  isDefined: { code: 'required' },
  arrayNotEmpty: { code: 'required' },
  whitelistValidation: { code: 'unknownField' },
  isString: { code: 'string' },
  isBoolean: { code: 'boolean' },
  isInt: { code: 'integer' },
  isNumber: { code: 'number' },
  isNumberString: { code: 'number' },
  isObject: { code: 'object' },
  nestedValidation: { code: 'object' },
  isArray: { code: 'array' },
  isUuid: { code: 'uuid' },
  isEmail: { code: 'email' },
  isUrl: { code: 'url' },
  isIso8601: { code: 'dateTime' },
  isDateString: { code: 'dateTime' },
  isDate: { code: 'dateTime' },
  isCalendarDate: { code: 'calendarDate' },
  isIn: { code: 'oneOf' },
  isEnum: { code: 'oneOf' },
  matches: { code: 'pattern' },
  minLength: { code: 'minLength', params: ([min]) => ({ min: Number(min) }) },
  maxLength: { code: 'maxLength', params: ([max]) => ({ max: Number(max) }) },
  isLength: { code: 'length', params: ([min, max]) => ({ min: Number(min), max: Number(max) }) },
  min: { code: 'min', params: ([min]) => ({ min: Number(min) }) },
  max: { code: 'max', params: ([max]) => ({ max: Number(max) }) },
  arrayMinSize: { code: 'arrayMinSize', params: ([min]) => ({ min: Number(min) }) },
  arrayMaxSize: { code: 'arrayMaxSize', params: ([max]) => ({ max: Number(max) }) },
};

/** The constraints (limits) of the decorator `name` on `property` of the validated object's class. */
function constraintsOf(target: object | undefined, property: string, name: string): unknown[] {
  if (!target) return [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  const found = metadata.find((m) => m.propertyName === property && (m.name ?? m.type) === name);
  return found?.constraints ?? [];
}

/** The code of a class-validator failure of `error` on the constraint `name`. */
export function constraintCode(error: ValidationError, name: string): Coded {
  const key = name.replace(/^isUUID$/, 'isUuid').replace(/^isISO8601$/, 'isIso8601');
  const known = CONSTRAINT_CODES[key];
  if (!known) return { code: 'invalid' };
  if (!known.params) return { code: known.code };
  const params = known.params(constraintsOf(error.target, error.property, name));
  return Object.values(params).every((v) => typeof v === 'string' || Number.isFinite(v))
    ? { code: known.code, params }
    : { code: 'invalid' };
}

/** `{ field, reason }` with the reason's code (and its parameters) when there is one. */
export function coded(field: string, reason: string, code?: FieldErrorCode, params?: Params): ApiFieldError {
  return { field, reason, ...(code ? { code } : {}), ...(params ? { params } : {}) };
}
