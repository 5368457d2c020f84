/**
 * Translations are complete: every key of the web app's translation files exists, non-empty,
 * in each language — the root files (`apps/web/public/i18n/{fr,ar,en}.json`) and every scope
 * folder beside them (`apps/web/public/i18n/<scope>/{fr,ar,en}.json`, loaded by transloco for a
 * lazy feature). A failure lists each key with the languages that lack it. Interpolation
 * parameters (`{{name}}`) must also be the same in every language, or a sentence loses a value.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'fs';
import { join, relative } from 'path';

const ROOT = join(__dirname, '../..');
const I18N = join(ROOT, 'apps/web/public/i18n');
const LANGUAGES = ['fr', 'ar', 'en'] as const;
type Lang = (typeof LANGUAGES)[number];

interface FileSet {
  /** `(root)` or the scope's folder name. */
  name: string;
  dir: string;
}

function fileSets(): FileSet[] {
  const scopes = readdirSync(I18N)
    .filter((name) => statSync(join(I18N, name)).isDirectory())
    .sort()
    .map((name) => ({ name, dir: join(I18N, name) }));
  return [{ name: '(root)', dir: I18N }, ...scopes];
}

/** Leaves of a translation tree, `a.b.c` → value (arrays by index). */
function flatten(node: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      flatten(value, prefix ? `${prefix}.${key}` : key, out);
    }
  } else {
    out.set(prefix, node);
  }
  return out;
}

function load(set: FileSet): { files: Partial<Record<Lang, Map<string, unknown>>>; problems: string[] } {
  const files: Partial<Record<Lang, Map<string, unknown>>> = {};
  const problems: string[] = [];
  for (const lang of LANGUAGES) {
    const path = join(set.dir, `${lang}.json`);
    const shown = relative(ROOT, path);
    if (!existsSync(path)) {
      problems.push(`${shown}: missing file`);
      continue;
    }
    try {
      files[lang] = flatten(JSON.parse(readFileSync(path, 'utf8')));
    } catch (err) {
      problems.push(`${shown}: not valid JSON (${(err as Error).message})`);
    }
  }
  return { files, problems };
}

function isFilled(value: unknown): boolean {
  return typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null;
}

/**
 * A plural form (`….plural.<family>.<category>`, CLDR categories) may spell its number out
 * instead of using `{{count}}` — Arabic says "درسان" (two lessons), not "2 درس" — so there
 * a language may use fewer parameters than French, never other ones.
 */
const PLURAL_FORM = /(^|\.)plural\.[^.]+\.(zero|one|two|few|many|other)$/;

function params(value: unknown): string {
  if (typeof value !== 'string') return '';
  return [...new Set([...value.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]))].sort().join(', ');
}

const sets = fileSets();

describe('translation files', () => {
  it('finds the root set and reads every scope folder', () => {
    expect(sets[0].name).toBe('(root)');
    for (const set of sets) {
      const { files, problems } = load(set);
      expect(problems).toEqual([]);
      expect(Object.keys(files).sort()).toEqual([...LANGUAGES].sort());
    }
  });

  it.each(sets.map((s) => [s.name, s] as const))(
    '%s: every key is present and non-empty in fr, ar and en',
    (_name, set) => {
      const { files } = load(set);
      const keys = new Set<string>();
      for (const lang of LANGUAGES) for (const key of files[lang]?.keys() ?? []) keys.add(key);
      const problems: string[] = [];
      for (const key of [...keys].sort()) {
        const missing = LANGUAGES.filter((lang) => files[lang] && !files[lang]?.has(key));
        const empty = LANGUAGES.filter((lang) => files[lang]?.has(key) && !isFilled(files[lang]?.get(key)));
        if (missing.length) problems.push(`${key}: missing in ${missing.join(', ')}`);
        if (empty.length) problems.push(`${key}: empty in ${empty.join(', ')}`);
      }
      expect(problems).toEqual([]);
    },
  );

  it.each(sets.map((s) => [s.name, s] as const))(
    '%s: each translation uses the same {{parameters}} in every language',
    (_name, set) => {
      const { files } = load(set);
      const reference = files.fr ?? new Map<string, unknown>();
      const problems: string[] = [];
      for (const [key, value] of reference) {
        const expected = params(value);
        for (const lang of LANGUAGES) {
          const other = files[lang]?.get(key);
          if (other === undefined) continue;
          const got = params(other);
          const ok = PLURAL_FORM.test(key)
            ? got.split(', ').every((p) => p === '' || expected.split(', ').includes(p))
            : got === expected;
          if (!ok) problems.push(`${key}: ${lang} has {{${got}}}, fr has {{${expected}}}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );
});
