import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '@pratique/contracts';
import { slugify } from './slugify';

describe('slugify', () => {
  it('turns a French title into a valid slug', () => {
    expect(slugify('Égalité & genre — Sfax')).toBe('egalite-genre-sfax');
    expect(slugify('  Gouvernance locale 2025 ')).toBe('gouvernance-locale-2025');
    expect(SLUG_PATTERN.test(slugify('Droits humains : les bases !'))).toBe(true);
  });

  it('drops non-Latin scripts and keeps within the maximum length', () => {
    expect(slugify('الحوكمة المحلية')).toBe('');
    const long = slugify('a '.repeat(200));
    expect(long.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(long.endsWith('-')).toBe(false);
  });
});
