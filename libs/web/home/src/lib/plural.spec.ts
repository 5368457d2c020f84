import { readFileSync } from 'fs';
import { join } from 'path';
import { PLURAL_CATEGORIES, pluralKey } from './plural';

describe('pluralKey', () => {
  it('follows Arabic’s six categories', () => {
    expect([0, 1, 2, 3, 10, 11, 99, 100].map((n) => pluralKey('k', n, 'ar'))).toEqual([
      'k.zero',
      'k.one',
      'k.two',
      'k.few',
      'k.few',
      'k.many',
      'k.many',
      'k.other',
    ]);
  });
  it('French counts 0 and 1 as singular, English only 1', () => {
    expect([0, 1, 2].map((n) => pluralKey('k', n, 'fr'))).toEqual(['k.one', 'k.one', 'k.other']);
    expect([0, 1, 2].map((n) => pluralKey('k', n, 'en'))).toEqual(['k.other', 'k.one', 'k.other']);
  });
  it('every plural family of the homes has the six categories in each language', () => {
    for (const lang of ['fr', 'ar', 'en']) {
      const file = JSON.parse(
        readFileSync(join(__dirname, `../../../../../apps/web/public/i18n/homes/${lang}.json`), 'utf8'),
      ) as { plural: Record<string, Record<string, string>> };
      for (const [family, forms] of Object.entries(file.plural))
        expect([family, Object.keys(forms).sort()]).toEqual([family, [...PLURAL_CATEGORIES].sort()]);
    }
  });
});
