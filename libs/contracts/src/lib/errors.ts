/** Shape of every 4xx/5xx body the API returns. `errors` lists each bad field and why. */
export interface ApiFieldError {
  field: string;
  /** Why, in English, for developers and logs. */
  reason: string;
  /**
   * Why, as a stable code the web app translates (`errors.field.<code>` in its i18n files),
   * with the values the sentence needs (`{{max}}`, `{{min}}`…). Absent when no code fits yet:
   * then only the general message of the status is translated.
   */
  code?: FieldErrorCode;
  params?: Record<string, string | number>;
}
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: ApiFieldError[];
}

/**
 * The codes of field errors, each with the parameters its sentence uses. A validation failure
 * (class-validator), a database constraint, an unreadable body and the common reasons of the
 * services map to one of them (libs/api/platform/src/http/field-error-codes.ts).
 */
export const FIELD_ERROR_PARAMS = {
  required: [],
  unknownField: [],
  invalid: [],
  string: [],
  boolean: [],
  integer: [],
  number: [],
  object: [],
  array: [],
  uuid: [],
  email: [],
  url: [],
  dateTime: [],
  calendarDate: [],
  oneOf: [],
  pattern: [],
  minLength: ['min'],
  maxLength: ['max'],
  length: ['min', 'max'],
  min: ['min'],
  max: ['max'],
  arrayMinSize: ['min'],
  arrayMaxSize: ['max'],
  taken: [],
  doesNotExist: [],
  inUse: [],
  notJson: [],
  tooLarge: [],
  unreadable: [],
  notAnObject: [],
  unsafeCharacter: [],
  tooDeep: [],
} as const satisfies Record<string, readonly string[]>;
export type FieldErrorCode = keyof typeof FIELD_ERROR_PARAMS;
export const FIELD_ERROR_CODES = Object.keys(FIELD_ERROR_PARAMS) as FieldErrorCode[];
