import {
  ATTESTATION_WORDING,
  AttestationInput,
  formatCount,
  formatHours,
  formatShortDate,
  renderAttestationPdf,
} from './attestation-pdf';
import { formatCertificateDate } from '@pratique/api/learning';
import { LANGUAGES } from '@pratique/contracts';
import { extractPdfText } from '@pratique/testing/pdf-text';

const base: AttestationInput = {
  language: 'fr',
  memberName: 'Amina El Idrissi',
  from: new Date('2025-01-01T00:00:00Z'),
  to: new Date('2025-12-31T00:00:00Z'),
  sessions: [
    {
      date: new Date('2025-03-12T09:00:00Z'),
      organisation: 'Association Nour',
      request: 'Monter un budget prévisionnel',
      hours: 2,
    },
    {
      date: new Date('2025-06-02T14:00:00Z'),
      organisation: 'Jeunesse Active',
      request: 'Écrire une demande de subvention',
      hours: 1.5,
    },
  ],
  totalHours: 3.5,
  resourcesPublished: 4,
  acceptedAnswers: 7,
  modules: ['La redevabilité des associations'],
  issuedAt: new Date('2026-01-05T10:00:00Z'),
};
const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

describe('renderAttestationPdf', () => {
  it('renders a French PDF with the name, the period, each session, the totals and the issue date', async () => {
    const pdf = await renderAttestationPdf(base, { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    const text = extractPdfText(pdf);
    expect(text).toEqual(
      expect.arrayContaining([
        'Attestation de contribution bénévole',
        'Amina El Idrissi',
        'du 1 janvier 2025 au 31 décembre 2025',
        '12/03/2025',
        'Association Nour',
        'Monter un budget prévisionnel',
        '2',
        '02/06/2025',
        '1,5',
        'Total des heures données : 3,5 h',
        'Ressources publiées : 4',
        'Réponses acceptées : 7',
        'Modules publiés : 1',
        '• La redevabilité des associations',
        'Délivrée le 5 janvier 2026',
      ]),
    );
    expect(pages(pdf)).toBe(1);
    expect(pdf.toString('latin1')).toContain('/Lang (fr)');
  });

  it('renders English wording and says when there was no session', async () => {
    const text = extractPdfText(
      await renderAttestationPdf(
        { ...base, language: 'en', sessions: [], totalHours: 0, modules: [] },
        { compress: false },
      ),
    );
    expect(text).toEqual(
      expect.arrayContaining([
        'Attestation of volunteer contribution',
        'from 1 January 2025 to 31 December 2025',
        'No session in this period.',
        'Total hours given: 0 h',
        'Modules published: 0',
        'Issued on 5 January 2026',
      ]),
    );
  });

  it('renders Arabic right to left (shaped title in visual order) with Latin names and digits readable', async () => {
    const pdf = await renderAttestationPdf(
      {
        ...base,
        language: 'ar',
        memberName: 'سلمى بن علي',
        sessions: [{ ...base.sessions[0], organisation: 'Association Nour' }],
      },
      { compress: false },
    );
    const text = extractPdfText(pdf);
    // One right-to-left run: glyphs in visual order, i.e. the logical text reversed.
    expect(text).toContain(Array.from(ATTESTATION_WORDING.ar.title).reverse().join(''));
    expect(text).toContain(Array.from('سلمى بن علي').reverse().join(''));
    expect(text).toEqual(expect.arrayContaining(['Association Nour', '12/03/2025', 'Pratique']));
    expect(pdf.toString('latin1')).toContain('/Lang (ar)');
  });

  it('runs the sessions over several pages, repeating the table header, and cuts long titles', async () => {
    const sessions = Array.from({ length: 80 }, (_, i) => ({
      date: new Date(Date.UTC(2025, 0, 1 + i)),
      organisation: `Association ${i}`,
      request: 'Un besoin au titre très long '.repeat(8).trim(),
      hours: 1,
    }));
    const pdf = await renderAttestationPdf({ ...base, sessions, totalHours: 80 }, { compress: false });
    const text = extractPdfText(pdf);
    expect(pages(pdf)).toBeGreaterThan(1);
    expect(text.filter((t) => t === 'Organisation').length).toBe(pages(pdf));
    expect(text).toEqual(
      expect.arrayContaining(['Association 0', 'Association 79', 'Total des heures données : 80 h']),
    );
    expect(text.some((t) => t.startsWith('Un besoin au titre') && t.endsWith('…'))).toBe(true);
  });

  it('is compressed by default and stays small (fonts are subset)', async () => {
    const pdf = await renderAttestationPdf(base);
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdf.length).toBeLessThan(120_000);
  });

  it('falls back to French for an unknown language', async () => {
    const text = extractPdfText(
      await renderAttestationPdf({ ...base, language: 'de' as never }, { compress: false }),
    );
    expect(text).toContain('Attestation de contribution bénévole');
  });
});

describe('formatting helpers', () => {
  it("writes hours with the language's decimal mark", () => {
    expect([
      formatHours(1.5, 'fr'),
      formatHours(1.5, 'en'),
      formatHours(1.5, 'ar'),
      formatHours(2, 'fr'),
    ]).toEqual(['1,5', '1.5', '1,5', '2']);
  });
  it('writes table dates dd/mm/yyyy in UTC, in each language’s locale, Latin digits and no bidi marks', () => {
    const d = new Date('2025-03-12T23:30:00Z');
    expect(LANGUAGES.map((l) => formatShortDate(d, l))).toEqual(['12/03/2025', '12/03/2025', '12/03/2025']);
  });

  it('writes counts with the language’s separators', () => {
    expect([formatCount(1234, 'fr'), formatCount(1234, 'ar'), formatCount(1234, 'en')]).toEqual([
      '1\u202f234',
      '1.234',
      '1,234',
    ]);
  });
});

describe('every language in its own words', () => {
  const ARABIC = /[\u0600-\u06FF]/;
  const render = async (language: 'fr' | 'ar' | 'en') =>
    extractPdfText(await renderAttestationPdf({ ...base, language }, { compress: false })).join('\n');

  it('draws the Arabic attestation in Arabic, with locale-formatted dates and numbers', async () => {
    const ar = await render('ar');
    const glyphs = (s: string) => Array.from(s).reverse().join('');
    expect(ar).toMatch(ARABIC);
    // "من 1 جانفي 2025 إلى 31 ديسمبر 2025": ar-TN month names, runs in visual order.
    expect(formatCertificateDate(base.from, 'ar')).toBe('1 جانفي 2025');
    expect(ar).toContain(glyphs(' جانفي '));
    expect(ar).toContain(glyphs(ATTESTATION_WORDING.ar.columns.organisation));
    expect(ar).toContain('1,5');
    expect(ar).not.toContain('1.5');
  });

  it('uses no fixed text of another language', async () => {
    for (const language of LANGUAGES) {
      const text = await render(language);
      for (const other of LANGUAGES.filter((l) => l !== language)) {
        const w = ATTESTATION_WORDING[other];
        for (const fixed of [w.title, w.certify, w.contributed, w.sessions, w.platform])
          expect(text).not.toContain(fixed);
      }
    }
  });
});
