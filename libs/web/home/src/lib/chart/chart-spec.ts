import type {
  EligibilityOverTime,
  Language,
  LocalizedText,
  ModuleProgressSummary,
} from '@pratique/contracts';
import { pickLocalized } from '@pratique/contracts';
import { formatWeek } from '../home-format';

/**
 * What a chart shows, independent of the drawing library: the same spec draws the canvas and
 * writes the table screen readers (and anyone who prefers numbers) read.
 */
export interface ChartSpec {
  kind: 'line' | 'stacked-bars';
  /** The table's caption and the chart's name. */
  caption: string;
  /** Header of the first column (what the labels are: weeks, modules). */
  labelHeader: string;
  /** One per point on the x axis (line) or per bar (stacked bars), already in the reader's words. */
  labels: string[];
  series: { label: string; values: number[] }[];
}

/** Eligible members per seminar, week by week: one line per seminar. */
export function eligibilitySpec(
  data: EligibilityOverTime,
  lang: Language,
  words: { caption: string; week: string },
): ChartSpec {
  return {
    kind: 'line',
    caption: words.caption,
    labelHeader: words.week,
    labels: data.weeks.map((w) => formatWeek(w, lang)),
    series: data.series.map((s) => ({
      label: titleIn(s.title, s.originalLanguage, lang),
      values: s.eligible,
    })),
  };
}

/** Learners of each module by how far they are: below 50 %, 50–99 %, completed. */
export function progressSpec(
  modules: ModuleProgressSummary[],
  lang: Language,
  words: { caption: string; module: string; below50: string; from50: string; completed: string },
): ChartSpec {
  return {
    kind: 'stacked-bars',
    caption: words.caption,
    labelHeader: words.module,
    labels: modules.map((m) => titleIn(m.title, m.originalLanguage, lang)),
    series: [
      { label: words.below50, values: modules.map((m) => m.below50) },
      { label: words.from50, values: modules.map((m) => m.from50) },
      { label: words.completed, values: modules.map((m) => m.completed) },
    ],
  };
}

/** Rows of the table: one per label, one cell per series. */
export function specRows(spec: ChartSpec): { label: string; values: number[] }[] {
  return spec.labels.map((label, i) => ({ label, values: spec.series.map((s) => s.values[i] ?? 0) }));
}

function titleIn(text: LocalizedText, original: Language, lang: Language): string {
  return pickLocalized(text, lang, original).text;
}

/**
 * Series colours: each at least 3:1 against white (WCAG 1.4.11 for graphics) and told apart by
 * more than colour — lines get their own point shape and dash, bars their own pattern order.
 */
export const SERIES_STYLES = [
  { color: '#0b5c7a', point: 'circle', dash: [] as number[] },
  { color: '#b54708', point: 'rect', dash: [6, 3] },
  { color: '#6941c6', point: 'triangle', dash: [2, 2] },
  { color: '#067647', point: 'rectRot', dash: [10, 4] },
  { color: '#c01048', point: 'star', dash: [4, 4, 1, 4] },
] as const;

/**
 * A long label as lines of at most `width` characters, cut between words (Chart.js draws an
 * array as several lines): a module's title stays readable beside its bar on a phone.
 */
export function wrapLabel(label: string, width = 20): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}
