import { ModuleProgressSummary } from '@pratique/contracts';
import { SERIES_STYLES, eligibilitySpec, progressSpec, specRows, wrapLabel } from './chart-spec';

/** WCAG relative luminance contrast against white. */
function contrastOnWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (l + 0.05);
}

describe('chart specs', () => {
  it('eligibility over time: one line per seminar in the reader’s language, weeks as dates, a table row per week', () => {
    const spec = eligibilitySpec(
      {
        weeks: ['2026-11-30', '2026-12-07'],
        series: [
          {
            seminarId: 's1',
            title: { fr: 'Plaidoyer', en: 'Advocacy' },
            originalLanguage: 'fr',
            eligible: [3, 5],
          },
          { seminarId: 's2', title: { fr: 'Budget' }, originalLanguage: 'fr', eligible: [0, 2] },
        ],
      },
      'en',
      { caption: 'Eligible members', week: 'Week ending' },
    );
    expect(spec.kind).toBe('line');
    expect(spec.labels).toEqual(['30 Nov', '7 Dec']);
    expect(spec.series.map((s) => s.label)).toEqual(['Advocacy', 'Budget']);
    expect(specRows(spec)).toEqual([
      { label: '30 Nov', values: [3, 0] },
      { label: '7 Dec', values: [5, 2] },
    ]);
  });

  it('module progress: three stacked series per module, a table row per module', () => {
    const m = (id: string, below50: number, from50: number, completed: number): ModuleProgressSummary => ({
      moduleId: id,
      spaceSlug: 'x',
      title: { fr: `Module ${id}` },
      originalLanguage: 'fr',
      status: 'published',
      learners: below50 + from50 + completed,
      below50,
      from50,
      completed,
      averagePercent: 0,
    });
    const spec = progressSpec([m('A', 4, 2, 1), m('B', 0, 0, 3)], 'ar', {
      caption: 'c',
      module: 'm',
      below50: '<50',
      from50: '50-99',
      completed: '100',
    });
    expect(spec.series.map((s) => s.values)).toEqual([
      [4, 0],
      [2, 0],
      [1, 3],
    ]);
    expect(specRows(spec)).toEqual([
      { label: 'Module A', values: [4, 2, 1] },
      { label: 'Module B', values: [0, 0, 3] },
    ]);
  });

  it('every series colour has at least 3:1 contrast on white, and each series a distinct shape', () => {
    for (const s of SERIES_STYLES) expect(contrastOnWhite(s.color)).toBeGreaterThanOrEqual(3);
    expect(new Set(SERIES_STYLES.map((s) => s.point)).size).toBe(SERIES_STYLES.length);
  });

  it('wraps a long label between words, never cutting one', () => {
    expect(wrapLabel('Budgétisation sensible au genre : les bases', 20)).toEqual([
      'Budgétisation',
      'sensible au genre :',
      'les bases',
    ]);
    expect(wrapLabel('Court', 20)).toEqual(['Court']);
    expect(wrapLabel('', 20)).toEqual(['']);
  });
});
