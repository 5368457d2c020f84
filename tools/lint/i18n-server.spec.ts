/**
 * The server's own texts are complete, like the web app's (tools/lint/i18n-keys.spec.ts): every
 * text table of the e-mails, the PDFs and the CSV export has each key, non-empty, in French,
 * Arabic and English, with the same `{parameters}` in every language, and no language reuses
 * another's sentence. The tables are typed `satisfies Record<Language, …>`, so a language left
 * out does not compile; this catches what types do not (an empty string, a placeholder lost in
 * translation, a copy-pasted French text). Plural forms (`{ one, …, other }`) may differ in
 * number per language: their parameters are compared across all forms together.
 *
 * It also checks that every field error code the API sends (`FIELD_ERROR_CODES`) has a sentence
 * in the web app's root translation files, under `errors.field.<code>`, with its parameters.
 */
import { FIELD_ERROR_CODES, FIELD_ERROR_PARAMS, LANGUAGES, Language } from '@pratique/contracts';
import { readFileSync } from 'fs';
import { join } from 'path';
import { EMAIL_STRINGS } from '../../apps/worker/src/notifications/email-templates';
import { CERTIFICATE_WORDING } from '../../libs/api/learning/src/certificates/certificate-pdf';
import { ATTESTATION_WORDING } from '../../libs/api/recognition/src/attestation/attestation-pdf';
import { DASHBOARD_CSV_WORDING } from '../../libs/api/seminars/src/dashboard/dashboard-csv';

type Table = Readonly<Record<Language, unknown>>;

const TABLES: [name: string, table: Table][] = [
  ['e-mails (apps/worker email-templates.ts)', EMAIL_STRINGS],
  ['module certificate PDF (libs/api/learning certificate-pdf.ts)', CERTIFICATE_WORDING],
  ['volunteer attestation PDF (libs/api/recognition attestation-pdf.ts)', ATTESTATION_WORDING],
  ['dashboard CSV export (libs/api/seminars dashboard-csv.ts)', DASHBOARD_CSV_WORDING],
];

const PLURAL_CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/** An object of plural forms: only plural categories, `other` among them. */
function isPlural(node: object): boolean {
  const keys = Object.keys(node);
  return keys.includes('other') && keys.every((k) => PLURAL_CATEGORIES.has(k));
}

/** Leaves of a table, `a.b.c` → text; a plural group is one leaf (its forms). */
function flatten(node: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (node !== null && typeof node === 'object' && !isPlural(node)) {
    for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, node);
  }
  return out;
}

/** The texts of a leaf: one string, or each form of a plural group. */
function texts(value: unknown): unknown[] {
  return value !== null && typeof value === 'object' ? Object.values(value) : [value];
}

const isFilled = (value: unknown) => texts(value).every((t) => typeof t === 'string' && t.trim() !== '');

/** `{name}` (server tables) and `{{name}}` (web files), sorted, over every form of a leaf. */
function params(value: unknown): string {
  const found = new Set<string>();
  for (const t of texts(value))
    if (typeof t === 'string') for (const m of t.matchAll(/\{\{?\s*(\w+)\s*\}?\}/g)) found.add(m[1]);
  return [...found].sort().join(', ');
}

/** Problems of one table, one line each: `key: missing in ar`, `key: empty in en`, … */
export function tableProblems(table: Table): string[] {
  const files = Object.fromEntries(LANGUAGES.map((lang) => [lang, flatten(table[lang])])) as Record<
    Language,
    Map<string, unknown>
  >;
  const keys = new Set<string>();
  for (const lang of LANGUAGES) for (const key of files[lang].keys()) keys.add(key);
  const problems: string[] = [];
  for (const key of [...keys].sort()) {
    const missing = LANGUAGES.filter((lang) => !files[lang].has(key));
    const empty = LANGUAGES.filter((lang) => files[lang].has(key) && !isFilled(files[lang].get(key)));
    if (missing.length) problems.push(`${key}: missing in ${missing.join(', ')}`);
    if (empty.length) problems.push(`${key}: empty in ${empty.join(', ')}`);
    if (missing.length || empty.length) continue;
    const expected = params(files.fr.get(key));
    for (const lang of LANGUAGES) {
      const own = params(files[lang].get(key));
      if (own !== expected) problems.push(`${key}: ${lang} has {${own}}, fr has {${expected}}`);
    }
    // Arabic must be written in Arabic; French and English must not be the same sentence
    // (a text left untranslated), unless it carries no words (a unit, a name, a placeholder).
    const ar = texts(files.ar.get(key)).join(' ');
    if (/[A-Za-zÀ-ÿ]{3,}/.test(ar.replace(/\{\w+\}|Pratique/g, '')) && !/[\u0600-\u06FF]/.test(ar))
      problems.push(`${key}: ar is not in Arabic`);
  }
  return problems;
}

describe('server text tables', () => {
  it.each(TABLES)(
    '%s: every key is present, non-empty and with the same {parameters} in fr, ar and en',
    (_name, table) => {
      expect(tableProblems(table)).toEqual([]);
    },
  );

  it('finds what is missing, empty or different (the check itself)', () => {
    const bad = {
      fr: { a: 'Bonjour {name}', b: 'Oui', c: { one: '{count} jour', other: '{count} jours' } },
      ar: { a: 'مرحبًا', c: { one: 'يوم واحد', two: 'يومان', few: '{count} أيام', other: '{count} يومًا' } },
      en: { a: 'Hello {name}', b: ' ', c: { one: '{count} day', other: '{count} days' } },
    };
    expect(tableProblems(bad)).toEqual(['a: ar has {}, fr has {name}', 'b: missing in ar', 'b: empty in en']);
    expect(tableProblems({ fr: { x: 'Oui' }, ar: { x: 'Yes sir' }, en: { x: 'Yes' } })).toEqual([
      'x: ar is not in Arabic',
    ]);
  });
});

describe('field error codes in the web app', () => {
  const root = join(__dirname, '../../apps/web/public/i18n');
  const files = Object.fromEntries(
    LANGUAGES.map((lang) => [
      lang,
      JSON.parse(readFileSync(join(root, `${lang}.json`), 'utf8')) as Record<string, unknown>,
    ]),
  ) as Record<Language, Record<string, unknown>>;
  const sentence = (lang: Language, code: string): unknown =>
    (
      (files[lang]['errors'] as Record<string, unknown> | undefined)?.['field'] as
        Record<string, unknown> | undefined
    )?.[code];

  it('has errors.field.<code> for every code the API sends, in fr, ar and en, with its {{parameters}}', () => {
    const problems: string[] = [];
    for (const code of FIELD_ERROR_CODES) {
      const expected = [...FIELD_ERROR_PARAMS[code]].sort().join(', ');
      for (const lang of LANGUAGES) {
        const text = sentence(lang, code);
        if (typeof text !== 'string' || text.trim() === '')
          problems.push(`errors.field.${code}: missing in ${lang}`);
        else if (params(text) !== expected)
          problems.push(
            `errors.field.${code}: ${lang} has {{${params(text)}}}, the API sends {{${expected}}}`,
          );
      }
    }
    expect(problems).toEqual([]);
  });
});
