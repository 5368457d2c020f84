import type { ApiFieldError } from '@pratique/contracts';

/** A message to show: a translation key (with params), or a text as is with its language. */
export type UiMessage = { key: string; params?: Record<string, unknown> } | { text: string; lang?: string };

/**
 * The message of each field of an API failure: the form's own word for the status when it has
 * one (e.g. 409 "this code is taken"), else the API's code in the reader's language
 * (`errors.field.<code>` with its params), else — a reason the API sends without a code — its
 * English words, marked `lang: 'en'` for screen readers. `fieldMap` renames server fields.
 */
export function fieldMessages(
  items: readonly ApiFieldError[],
  reasons: Readonly<Record<string, string>>,
  known: string | undefined,
  fieldMap: Readonly<Record<string, string>> = {},
): Record<string, UiMessage> {
  const coded = new Map<string, UiMessage>();
  for (const e of items) {
    if (e?.code && !coded.has(e.field))
      coded.set(e.field, { key: `errors.field.${e.code}`, params: e.params ?? {} });
  }
  const out: Record<string, UiMessage> = {};
  for (const [field, reason] of Object.entries(reasons)) {
    out[fieldMap[field] ?? field] = known
      ? { key: known }
      : (coded.get(field) ?? { text: reason, lang: 'en' });
  }
  return out;
}
