import { arrowStep, documentAttributesFor, initialLanguage, parseLanguage } from './language';

describe('language rules', () => {
  it('parses supported languages and region variants', () => {
    expect(parseLanguage('ar')).toBe('ar');
    expect(parseLanguage('AR-tn')).toBe('ar');
    expect(parseLanguage('fr_FR')).toBe('fr');
    expect(parseLanguage(' en ')).toBe('en');
  });

  it('rejects unsupported or malformed values', () => {
    expect(parseLanguage('de')).toBeNull();
    expect(parseLanguage('')).toBeNull();
    expect(parseLanguage(null)).toBeNull();
    expect(parseLanguage(42)).toBeNull();
  });

  it('starts in the stored language, else French', () => {
    expect(initialLanguage('en')).toBe('en');
    expect(initialLanguage('ar')).toBe('ar');
    expect(initialLanguage(null)).toBe('fr');
    expect(initialLanguage('klingon')).toBe('fr');
  });

  it('sets dir=rtl for Arabic only', () => {
    expect(documentAttributesFor('ar')).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(documentAttributesFor('fr')).toEqual({ lang: 'fr', dir: 'ltr' });
    expect(documentAttributesFor('en')).toEqual({ lang: 'en', dir: 'ltr' });
  });

  it('mirrors arrow keys in right-to-left', () => {
    expect(arrowStep('ArrowRight', 'ltr')).toBe(1);
    expect(arrowStep('ArrowRight', 'rtl')).toBe(-1);
    expect(arrowStep('ArrowLeft', 'rtl')).toBe(1);
    expect(arrowStep('Enter', 'rtl')).toBe(0);
  });
});
