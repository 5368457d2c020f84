/**
 * Pure helpers of the learning pages (no Angular, unit-tested in node): dates and percents in
 * the reader's language, lesson statuses, and which frame URLs the player may load.
 */
import {
  FORMAT_LOCALES,
  Language,
  LocalizedText,
  ProgressStatus,
  directionOf,
  pickLocalized,
} from '@pratique/contracts';
import { safeScormLaunchUrl, safeVideoEmbedUrl } from './frame-url';

const LOCALES = FORMAT_LOCALES;

/** Dates in the reader's language (Intl, so no Angular locale data to register). */
export function formatDate(iso: string | null | undefined, lang: Language): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium' }).format(date);
}

/** 0–100 → "45 %" (fr), "45%" (en), Arabic digits as the locale writes them. */
export function formatPercent(percent: number | null | undefined, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 0 }).format(
    clampPercent(percent) / 100,
  );
}

export function clampPercent(percent: number | null | undefined): number {
  if (typeof percent !== 'number' || Number.isNaN(percent)) return 0;
  return Math.min(100, Math.max(0, Math.round(percent)));
}

/** Byte sizes for file lessons: "1,2 Mo" / "1.2 MB" / Arabic. */
export function formatSize(bytes: number, lang: Language): string {
  const units =
    lang === 'fr'
      ? ['o', 'ko', 'Mo', 'Go']
      : lang === 'ar'
        ? ['بايت', 'ك.ب', 'م.ب', 'غ.ب']
        : ['B', 'KB', 'MB', 'GB'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(
    value,
  );
  return `${number} ${units[unit]}`;
}

/** A glyph per lesson status, always shown with its text (the glyph itself is aria-hidden). */
export const STATUS_ICON: Record<ProgressStatus, string> = {
  [ProgressStatus.NotStarted]: '○',
  [ProgressStatus.InProgress]: '◐',
  [ProgressStatus.Completed]: '✓',
};

/** A localized text to show: the reader's language, else the original one; with lang and dir. */
export function localized(
  text: LocalizedText | null | undefined,
  lang: Language,
  original: Language,
): { text: string; lang: Language; dir: 'rtl' | 'ltr' } {
  return pickLocalized(text, lang, original);
}

/** Keeps the non-empty, trimmed languages of a per-language form value. */
export function compactLocalized(value: Partial<Record<Language, string>>): LocalizedText {
  const out: LocalizedText = {};
  for (const [lang, text] of Object.entries(value) as [Language, string | undefined][]) {
    const trimmed = (text ?? '').trim();
    if (trimmed) out[lang] = trimmed;
  }
  return out;
}

export function dirOf(lang: Language): 'rtl' | 'ltr' {
  return directionOf(lang);
}

/**
 * An embed URL the player may put in a frame: https on one of the allow-listed video hosts.
 * The API checks the same when the lesson is saved; checking again here means a frame never
 * gets a URL that did not come through that rule (see frame-url.ts).
 */
export function isAllowedEmbedUrl(url: string | null | undefined): boolean {
  return safeVideoEmbedUrl(url) !== null;
}

/** A SCORM launch URL: same-origin, under the API's package files (`/api/scorm/...`). */
export function isScormLaunchUrl(url: string | null | undefined): boolean {
  return safeScormLaunchUrl(url) !== null;
}

/**
 * Turns a watch page URL people paste into the embed URL the player needs, for the allowed
 * hosts (`youtube.com/watch?v=ID` and `youtu.be/ID` → youtube-nocookie embed, `vimeo.com/ID`
 * → player.vimeo.com). Anything else is returned as typed, for the API to judge.
 */
export function toEmbedUrl(input: string): string {
  const raw = input.trim();
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return raw;
  }
  const host = u.hostname.replace(/^www\./, '');
  const id = /^[A-Za-z0-9_-]{6,20}$/;
  if ((host === 'youtube.com' || host === 'm.youtube.com') && u.pathname === '/watch') {
    const v = u.searchParams.get('v');
    if (v && id.test(v)) return `https://www.youtube-nocookie.com/embed/${v}`;
  }
  if (host === 'youtu.be') {
    const v = u.pathname.slice(1);
    if (id.test(v)) return `https://www.youtube-nocookie.com/embed/${v}`;
  }
  if (host === 'vimeo.com') {
    const v = u.pathname.slice(1);
    if (/^\d+$/.test(v)) return `https://player.vimeo.com/video/${v}`;
  }
  return raw;
}

/**
 * When to send video progress: the first time past each step of `step` percent, and at the end.
 * Returns the percent to send, or null to wait (throttles `timeupdate`, which fires ~4×/s).
 */
export function videoProgressToSend(lastSent: number, watched: number, step = 10): number | null {
  const w = clampPercent(watched);
  if (w <= lastSent) return null;
  if (w >= 100 && lastSent < 100) return 100;
  return Math.floor(w / step) > Math.floor(lastSent / step) ? w : null;
}

/**
 * A lesson page's HTML under the lesson's title, the page's only h1: when the author used
 * "# Title" (h1), every heading goes one level down (h1 → h2 … h5 → h6, h6 stays); content
 * whose top headings are already h2 is left as written.
 */
export function demoteHeadings(html: string): string {
  if (!/<h1(?=[\s>/])/i.test(html)) return html;
  return html.replace(/<(\/?)h([1-6])(?=[\s>/])/gi, (_, slash: string, level: string) => {
    return `<${slash}h${Math.min(6, Number(level) + 1)}`;
  });
}
