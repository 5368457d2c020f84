import { FIELD_ERROR_CODES } from '@pratique/contracts';
import { readFileSync } from 'fs';
import { join } from 'path';
import { fieldMessages } from './field-messages';

describe('fieldMessages', () => {
  const items = [
    {
      field: 'title',
      reason: 'must be shorter than or equal to 160 characters',
      code: 'maxLength' as const,
      params: { max: 160 },
    },
    { field: 'regionId', reason: 'is not a known region' },
  ];
  const reasons = { title: items[0].reason, regionId: items[1].reason };

  it('says a coded reason in the reader’s language, with its values', () => {
    expect(fieldMessages(items, reasons, undefined)['title']).toEqual({
      key: 'errors.field.maxLength',
      params: { max: 160 },
    });
  });
  it('keeps an uncoded reason in English, marked as English', () => {
    expect(fieldMessages(items, reasons, undefined)['regionId']).toEqual({
      text: 'is not a known region',
      lang: 'en',
    });
  });
  it('prefers the form’s own word for the status, and renames fields', () => {
    expect(fieldMessages(items, reasons, 'spaces.slugTaken', { title: 'name' })).toEqual({
      name: { key: 'spaces.slugTaken' },
      regionId: { key: 'spaces.slugTaken' },
    });
  });
  it('every code the API may send has a sentence in fr, ar and en, with the values it is given', () => {
    for (const lang of ['fr', 'ar', 'en']) {
      const file = JSON.parse(
        readFileSync(join(__dirname, `../../../../../../apps/web/public/i18n/${lang}.json`), 'utf8'),
      );
      const missing = FIELD_ERROR_CODES.filter((code) => !file.errors?.field?.[code]);
      expect([lang, missing]).toEqual([lang, []]);
    }
  });
});
