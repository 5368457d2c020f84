import {
  CERTIFICATE_WORDING,
  certificateFontPath,
  formatCertificateDate,
  renderCertificatePdf,
  visualRuns,
} from './certificate-pdf';
import { LANGUAGES } from '@pratique/contracts';
import { extractPdfText } from '@pratique/testing/pdf-text';

const base = {
  holderName: 'Amina El Idrissi',
  moduleTitle: 'La redevabilité des associations',
  spaceTitle: 'Gouvernance associative',
  completedAt: new Date('2025-03-12T10:00:00Z'),
  code: 'PRQ-7K4M-2X9D',
  verifyUrl: 'https://pratique.example.org/certificats/PRQ-7K4M-2X9D',
};

describe('renderCertificatePdf', () => {
  it('renders a French PDF holding the name, the module, the date, the code and the URL', async () => {
    const pdf = await renderCertificatePdf({ ...base, language: 'fr' }, { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    const text = extractPdfText(pdf);
    expect(text).toEqual(
      expect.arrayContaining([
        'Attestation de réussite',
        'Amina El Idrissi',
        'La redevabilité des associations',
        'de l’espace « Gouvernance associative »',
        'Délivrée le 12 mars 2025',
        'PRQ-7K4M-2X9D',
        'https://pratique.example.org/certificats/PRQ-7K4M-2X9D',
      ]),
    );
  });

  it('renders English wording', async () => {
    const text = extractPdfText(await renderCertificatePdf({ ...base, language: 'en' }, { compress: false }));
    expect(text).toEqual(
      expect.arrayContaining(['Certificate of completion', 'Issued on 12 March 2025', 'PRQ-7K4M-2X9D']),
    );
  });

  it('renders Arabic: shaped glyphs (presentation forms), the code and URL left to right', async () => {
    const pdf = await renderCertificatePdf(
      { ...base, language: 'ar', holderName: 'أمينة الإدريسي', moduleTitle: 'مساءلة الجمعيات' },
      { compress: false },
    );
    const text = extractPdfText(pdf);
    expect(text).toEqual(
      expect.arrayContaining(['PRQ-7K4M-2X9D', 'https://pratique.example.org/certificats/PRQ-7K4M-2X9D']),
    );
    // The title "شهادة إتمام", drawn as one right-to-left run: glyphs in visual order, i.e. reversed.
    const reversedTitle = Array.from('شهادة إتمام').reverse().join('');
    expect(text).toContain(reversedTitle);
    expect(pdf.toString('latin1')).toContain('/Lang (ar)');
  });

  it('keeps Latin names readable on an Arabic certificate and long titles within the page', async () => {
    const longTitle = 'Budget participatif : '.repeat(12).trim();
    const pdf = await renderCertificatePdf(
      { ...base, language: 'ar', holderName: 'Jean Dupont', moduleTitle: longTitle },
      { compress: false },
    );
    const text = extractPdfText(pdf);
    expect(text).toContain('Jean Dupont');
    // Wrapped on at most 3 lines, the last one cut with an ellipsis.
    expect(text.some((t) => t.includes('Budget'))).toBe(true);
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
  });

  it('is compressed by default and stays small (fonts are subset)', async () => {
    const pdf = await renderCertificatePdf({ ...base, language: 'fr' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdf.length).toBeLessThan(120_000);
  });

  it('falls back to French for an unknown language', async () => {
    const text = extractPdfText(
      await renderCertificatePdf({ ...base, language: 'de' as never }, { compress: false }),
    );
    expect(text).toContain('Attestation de réussite');
  });
});

describe('visualRuns (bidi)', () => {
  it('keeps a pure left-to-right line as one run', () => {
    expect(visualRuns('Amina El Idrissi', 'ltr')).toEqual([
      { text: 'Amina El Idrissi', rtl: false, arabic: false },
    ]);
  });

  it('keeps a pure Arabic line as one right-to-left run in logical order (fontkit reverses it)', () => {
    expect(visualRuns('شهادة إتمام', 'rtl')).toEqual([{ text: 'شهادة إتمام', rtl: true, arabic: true }]);
  });

  it('orders runs visually: numbers stay left to right inside Arabic', () => {
    const runs = visualRuns('صدرت بتاريخ 12 مارس 2025', 'rtl');
    expect(runs.map((r) => r.text)).toEqual(['2025', ' مارس ', '12', 'صدرت بتاريخ ']);
    expect(runs.map((r) => r.rtl)).toEqual([false, true, false, true]);
  });

  it('mirrors brackets and quotes in right-to-left runs', () => {
    const runs = visualRuns('ضمن فضاء «الحكامة»', 'rtl');
    expect(runs).toHaveLength(1);
    expect(runs[0].text).toBe('ضمن فضاء »الحكامة«');
  });

  it('puts a Latin name inside an Arabic sentence in its own run, in visual order', () => {
    const runs = visualRuns('تُمنح إلى Jean Dupont اليوم', 'rtl');
    expect(runs.map((r) => r.text)).toEqual(['اليوم', ' ', 'Jean Dupont', 'تُمنح إلى ']);
    expect(runs.find((r) => r.text === 'Jean Dupont')?.arabic).toBe(false);
  });

  it('puts an Arabic name inside a French sentence in its own run', () => {
    const runs = visualRuns('Décernée à محمد بن علي.', 'ltr');
    expect(runs.map((r) => r.text)).toEqual(['Décernée à ', 'محمد بن علي', '.']);
    expect(runs[1]).toMatchObject({ rtl: true, arabic: true });
  });

  it('pre-reverses Arabic-Indic digits, which fontkit would otherwise reverse', () => {
    const runs = visualRuns('عام ٢٠٢٥', 'rtl');
    expect(runs.map((r) => r.text)).toEqual(['٥٢٠٢', 'عام ']);
    expect(runs[0].rtl).toBe(false);
  });

  it('returns nothing for an empty line', () => {
    expect(visualRuns('', 'rtl')).toEqual([]);
  });
});

describe('wording and helpers', () => {
  it('has the three languages', () => {
    expect(CERTIFICATE_WORDING.fr.title).toBe('Attestation de réussite');
    expect(CERTIFICATE_WORDING.ar.title).toBe('شهادة إتمام');
    expect(CERTIFICATE_WORDING.en.title).toBe('Certificate of completion');
  });

  it('draws an Arabic certificate in Arabic, the date in the ar-TN format, and no text of another language', async () => {
    const texts = await Promise.all(
      LANGUAGES.map(async (language) =>
        extractPdfText(await renderCertificatePdf({ ...base, language }, { compress: false })).join('\n'),
      ),
    );
    const [fr, ar, en] = texts;
    expect(ar).toMatch(/[\u0600-\u06FF]/);
    // "صدرت بتاريخ 12 مارس 2025": runs in visual order, the Arabic ones reversed glyph by glyph.
    expect(ar).toContain(Array.from(' مارس ').reverse().join(''));
    expect(ar).toContain(Array.from('صدرت بتاريخ ').reverse().join(''));
    expect(ar).toContain('2025');
    expect(fr).toContain('Délivrée le 12 mars 2025');
    expect(en).toContain('Issued on 12 March 2025');
    LANGUAGES.forEach((language, i) => {
      for (const other of LANGUAGES.filter((l) => l !== language)) {
        const w = CERTIFICATE_WORDING[other];
        for (const fixed of [w.title, w.awardedTo, w.forCompleting, w.codeLabel, w.platform])
          expect(texts[i]).not.toContain(fixed);
      }
    });
  });

  it('formats dates per language, in UTC, with Latin digits in Arabic', () => {
    const d = new Date('2025-03-12T23:30:00Z');
    expect(formatCertificateDate(d, 'fr')).toBe('12 mars 2025');
    expect(formatCertificateDate(d, 'en')).toBe('12 March 2025');
    expect(formatCertificateDate(d, 'ar')).toBe('12 مارس 2025');
    expect(formatCertificateDate(new Date('2025-05-02T00:00:00Z'), 'ar')).toBe('2 ماي 2025');
  });

  it('finds the fonts from the npm package', () => {
    expect(certificateFontPath('DejaVuSans.ttf')).toMatch(/dejavu-fonts-ttf[/\\]ttf[/\\]DejaVuSans\.ttf$/);
  });
});
