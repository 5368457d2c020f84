import { signal } from '@angular/core';
import { AbstractControl, FormGroup } from '@angular/forms';
import { ApiError, messageKeyForStatus } from '../http/api-error';
import { UiMessage, fieldMessages } from './field-messages';

export type { UiMessage };

/**
 * Errors of one form: per field (client validation or the API's `errors[]`) and a summary
 * announced by the form's polite live region. Templates bind `aria-invalid` and
 * `aria-describedby` with `invalid(field)` / `describedBy(field)`.
 */
export class FormFeedback {
  readonly fields = signal<Record<string, UiMessage>>({});
  readonly summary = signal<UiMessage | null>(null);
  readonly success = signal<UiMessage | null>(null);
  readonly busy = signal(false);

  constructor(private readonly idPrefix: string) {}

  id(field: string): string {
    return `${this.idPrefix}-${field.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  }
  errorId(field: string): string {
    return `${this.id(field)}-error`;
  }
  error(field: string): UiMessage | null {
    return this.fields()[field] ?? null;
  }
  invalid(field: string): 'true' | null {
    return this.fields()[field] ? 'true' : null;
  }
  /** `aria-describedby` value: the field's error (when any) and optional hint ids. */
  describedBy(field: string, ...hints: string[]): string | null {
    const ids = [...hints, ...(this.fields()[field] ? [this.errorId(field)] : [])];
    return ids.length ? ids.join(' ') : null;
  }

  clear(): void {
    this.fields.set({});
    this.summary.set(null);
    this.success.set(null);
  }

  /** Client-side check before sending; returns true when the form may be sent. */
  validate(form: FormGroup): boolean {
    this.clear();
    form.markAllAsTouched();
    const fields: Record<string, UiMessage> = {};
    for (const [name, control] of Object.entries(form.controls)) {
      const message = messageForControl(control);
      if (message) fields[name] = message;
    }
    const count = Object.keys(fields).length;
    this.fields.set(fields);
    if (count > 0) this.summary.set({ key: 'errors.formInvalid', params: { count } });
    return count === 0;
  }

  /**
   * Shows an API failure. `statusKeys` overrides the general message per status
   * (e.g. 401 on sign-in → "wrong e-mail or password"); `fieldMap` renames server fields.
   */
  fromError(
    err: unknown,
    statusKeys: Partial<Record<number, string>> = {},
    fieldMap: Record<string, string> = {},
  ): void {
    this.success.set(null);
    if (!(err instanceof ApiError)) {
      this.summary.set({ key: 'errors.generic' });
      return;
    }
    const known = statusKeys[err.status];
    const fields = fieldMessages(err.body?.errors ?? [], err.fieldErrors, known, fieldMap);
    this.fields.set(fields);
    this.summary.set({ key: known ?? messageKeyForStatus(err.status) });
  }

  succeed(key: string, params?: Record<string, unknown>): void {
    this.fields.set({});
    this.summary.set(null);
    this.success.set({ key, params });
  }
}

function messageForControl(control: AbstractControl): UiMessage | null {
  const e = control.errors;
  if (!e) return null;
  if (e['required']) return { key: 'errors.required' };
  if (e['email']) return { key: 'errors.email' };
  if (e['minlength']) return { key: 'errors.minLength', params: { min: e['minlength'].requiredLength } };
  if (e['maxlength']) return { key: 'errors.maxLength', params: { max: e['maxlength'].requiredLength } };
  if (e['pattern']) return { key: 'errors.pattern' };
  return { key: 'errors.invalidValue' };
}

/** Moves focus to the first invalid field after a failed submit (keyboard and screen-reader users). */
export function focusFirstInvalid(root: ParentNode = document): void {
  setTimeout(() => {
    const el = root.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  });
}
