/**
 * The attestation of volunteer contribution, as an A4 portrait PDF in French, Arabic or English:
 * who, over which period, the skills-donation sessions given (a table that runs over pages when
 * it must), the total hours, and the other contributions of the period.
 *
 * Text is drawn the way the module certificate draws it (libs/api/learning certificate-pdf.ts):
 * DejaVu fonts embedded from the `dejavu-fonts-ttf` package, each line cut into bidirectional
 * runs in visual order (`visualRuns`, UAX #9) and each run drawn at a measured x, so Arabic is
 * shaped and right to left, and names or titles in another script keep their own direction.
 * In Arabic the page is mirrored: text aligned right, the table's first column on the right.
 */
import {
  certificateFontPath,
  documentLanguage,
  fillWording,
  formatCertificateDate,
  visualRuns,
} from '@pratique/api/learning';
import { FORMAT_LOCALES, Language } from '@pratique/contracts';
import PDFDocument from 'pdfkit';

export type AttestationLanguage = Language;

export interface AttestationInput {
  language: AttestationLanguage;
  memberName: string;
  /** The period, both days included (calendar dates, UTC). */
  from: Date;
  to: Date;
  sessions: { date: Date; organisation: string; request: string; hours: number }[];
  /** Hours of all the sessions, rounded to the half hour. */
  totalHours: number;
  resourcesPublished: number;
  acceptedAnswers: number;
  /** Titles of the modules published in the period, in the member's language when given. */
  modules: string[];
  issuedAt: Date;
}

/** The attestation's fixed texts; `{parameters}` are filled in when drawing. */
export interface AttestationWording {
  title: string;
  certify: string;
  contributed: string;
  /** `{from}`, `{to}`: the period's first and last days, long dates. */
  period: string;
  sessions: string;
  columns: { date: string; organisation: string; request: string; hours: string };
  noSession: string;
  /** `{hours}`: the total, in the language's notation. */
  totalHours: string;
  /** `{count}` in each: a number in the language's notation. */
  resources: string;
  answers: string;
  modules: string;
  /** `{date}`: the issue date, a long date. */
  issuedOn: string;
  platform: string;
}

/**
 * Per language: a language or a key missing is a compile error; `tools/lint/i18n-server.spec.ts`
 * checks none is empty and each has the same `{parameters}`. Numbers and dates are written with
 * `FORMAT_LOCALES` (ar-TN: Latin digits, a decimal comma, the Maghreb's month names).
 */
export const ATTESTATION_WORDING = {
  fr: {
    title: 'Attestation de contribution bénévole',
    certify: 'La plateforme Pratique atteste que',
    contributed: 'a contribué bénévolement à la communauté de pratique',
    period: 'du {from} au {to}',
    sessions: 'Sessions de don de compétences',
    columns: { date: 'Date', organisation: 'Organisation', request: 'Besoin', hours: 'Heures' },
    noSession: 'Aucune session sur la période.',
    totalHours: 'Total des heures données : {hours} h',
    resources: 'Ressources publiées : {count}',
    answers: 'Réponses acceptées : {count}',
    modules: 'Modules publiés : {count}',
    issuedOn: 'Délivrée le {date}',
    platform: 'Pratique · Communauté de pratique des organisations de la société civile',
  },
  ar: {
    title: 'شهادة مساهمة تطوعية',
    certify: 'تشهد منصة Pratique بأن',
    contributed: 'ساهم تطوعيًا في مجتمع الممارسة',
    period: 'من {from} إلى {to}',
    sessions: 'جلسات التبرع بالمهارات',
    columns: { date: 'التاريخ', organisation: 'المنظمة', request: 'الحاجة', hours: 'الساعات' },
    noSession: 'لا توجد جلسات خلال هذه الفترة.',
    totalHours: 'مجموع الساعات المقدمة: {hours} س',
    resources: 'الموارد المنشورة: {count}',
    answers: 'الإجابات المقبولة: {count}',
    modules: 'الوحدات المنشورة: {count}',
    issuedOn: 'صدرت بتاريخ {date}',
    platform: 'Pratique · مجتمع الممارسة لمنظمات المجتمع المدني',
  },
  en: {
    title: 'Attestation of volunteer contribution',
    certify: 'The Pratique platform certifies that',
    contributed: 'contributed as a volunteer to the community of practice',
    period: 'from {from} to {to}',
    sessions: 'Skills donation sessions',
    columns: { date: 'Date', organisation: 'Organisation', request: 'Need', hours: 'Hours' },
    noSession: 'No session in this period.',
    totalHours: 'Total hours given: {hours} h',
    resources: 'Resources published: {count}',
    answers: 'Accepted answers: {count}',
    modules: 'Modules published: {count}',
    issuedOn: 'Issued on {date}',
    platform: 'Pratique · Community of practice of civil-society organisations',
  },
} as const satisfies Record<Language, AttestationWording>;

/** Hours with at most one decimal, in the language's notation (1,5 / 1.5). */
export function formatHours(hours: number, language: AttestationLanguage): string {
  return new Intl.NumberFormat(FORMAT_LOCALES[documentLanguage(language)], {
    maximumFractionDigits: 1,
  }).format(hours);
}

/** A count in the language's notation (digits, thousands separator). */
export function formatCount(n: number, language: AttestationLanguage): string {
  return new Intl.NumberFormat(FORMAT_LOCALES[documentLanguage(language)]).format(n);
}

/**
 * A table date, day/month/year in digits in UTC, in the language's locale (Latin digits in every
 * language of ours). Bidi marks the locale adds (ar) are dropped: each run is already laid out.
 */
export function formatShortDate(date: Date, language: AttestationLanguage = 'fr'): string {
  return new Intl.DateTimeFormat(FORMAT_LOCALES[documentLanguage(language)], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  })
    .format(date)
    .replace(/[\u200e\u200f\u061c]/g, '');
}

// ---------- drawing ----------

type Doc = PDFKit.PDFDocument;
type Direction = 'ltr' | 'rtl';

const FONT_FILES = {
  sans: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
  serif: 'DejaVuSerif.ttf',
  serifBold: 'DejaVuSerif-Bold.ttf',
} as const;
type FontKey = keyof typeof FONT_FILES;

/** Always shape with features: pdfkit then hands whole runs to fontkit (see certificate-pdf.ts). */
const FEATURES: PDFKit.Mixins.OpenTypeFeatures[] = ['kern'];

interface Style {
  size: number;
  family: 'serif' | 'sans';
  bold?: boolean;
  color?: string;
}

const INK = '#1f2933';
const MUTED = '#52606d';
const ACCENT = '#0b6e4f';
const RULE = '#d9d4c7';

/** Arabic text is always DejaVu Sans (DejaVu Serif has no Arabic). */
function fontFor(style: Style, arabic: boolean): FontKey {
  if (arabic || style.family === 'sans') return style.bold ? 'sansBold' : 'sans';
  return style.bold ? 'serifBold' : 'serif';
}

function widthOf(doc: Doc, text: string, style: Style, direction: Direction): number {
  return visualRuns(text, direction).reduce((sum, run) => {
    doc.font(fontFor(style, run.arabic)).fontSize(style.size);
    return sum + doc.widthOfString(run.text, { features: FEATURES });
  }, 0);
}

/** Cuts a line to `width`, ending it with an ellipsis when it had to be cut. */
function fit(doc: Doc, text: string, style: Style, width: number, direction: Direction): string {
  if (widthOf(doc, text, style, direction) <= width) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (widthOf(doc, `${chars.slice(0, mid).join('').trimEnd()}…`, style, direction) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`;
}

/** Greedy word wrap in logical order; each line is reordered visually when drawn. */
function wrap(doc: Doc, text: string, style: Style, width: number, direction: Direction): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (!current || widthOf(doc, candidate, style, direction) <= width) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines.map((line) => fit(doc, line, style, width, direction));
}

/** Draws one line (no wrapping) in the box `[x, x + width]`, aligned; its runs in visual order. */
function drawLine(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  style: Style,
  align: 'left' | 'right' | 'center',
  direction: Direction,
): void {
  const runs = visualRuns(text, direction);
  const widths = runs.map((run) => {
    doc.font(fontFor(style, run.arabic)).fontSize(style.size);
    return doc.widthOfString(run.text, { features: FEATURES });
  });
  const total = widths.reduce((a, b) => a + b, 0);
  let cx = align === 'left' ? x : align === 'right' ? x + width - total : x + (width - total) / 2;
  runs.forEach((run, i) => {
    doc
      .font(fontFor(style, run.arabic))
      .fontSize(style.size)
      .fillColor(style.color ?? INK)
      .text(run.text, cx, y, { lineBreak: false, features: FEATURES });
    cx += widths[i];
  });
}

/** Renders the attestation; resolves with the PDF bytes. */
export function renderAttestationPdf(
  input: AttestationInput,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const language = documentLanguage(input.language);
  const words: AttestationWording = ATTESTATION_WORDING[language];
  const direction: Direction = language === 'ar' ? 'rtl' : 'ltr';
  const start: 'left' | 'right' = direction === 'rtl' ? 'right' : 'left';
  const end: 'left' | 'right' = direction === 'rtl' ? 'left' : 'right';
  const longDate = (d: Date) => formatCertificateDate(d, language);
  const period = fillWording(words.period, { from: longDate(input.from), to: longDate(input.to) });

  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    compress: options.compress ?? true,
    lang: language,
    displayTitle: true,
    info: { Title: `${words.title} — ${input.memberName}`, Author: 'Pratique', Subject: period },
  });
  for (const [key, file] of Object.entries(FONT_FILES)) doc.registerFont(key, certificateFontPath(file));

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const W = doc.page.width; // 595.28
  const H = doc.page.height; // 841.89
  const X = 60;
  const WIDTH = W - 2 * X;
  const BOTTOM = H - 70;

  const frame = () => {
    doc.rect(0, 0, W, 8).fill(ACCENT);
    drawLine(
      doc,
      words.platform,
      X,
      H - 40,
      WIDTH,
      { size: 8, family: 'sans', color: MUTED },
      'center',
      direction,
    );
  };
  frame();

  /** Paragraph (wrapped) aligned on the reading side or centred; returns the y after it. */
  const para = (
    text: string,
    y: number,
    style: Style,
    align: 'left' | 'right' | 'center' = start,
  ): number => {
    for (const line of wrap(doc, text, style, WIDTH, direction)) {
      drawLine(doc, line, X, y, WIDTH, style, align, direction);
      y += style.size * 1.35;
    }
    return y;
  };
  /** A new page when `needed` points do not fit any more; returns the y to continue at. */
  const room = (y: number, needed: number): number => {
    if (y + needed <= BOTTOM) return y;
    doc.addPage({ size: 'A4', margin: 0 });
    frame();
    return 50;
  };

  let y = 48;
  drawLine(
    doc,
    'PRATIQUE',
    X,
    y,
    WIDTH,
    { size: 11, family: 'sans', bold: true, color: ACCENT },
    'center',
    direction,
  );
  y += 34;
  y = para(words.title, y, { size: 22, family: 'serif', bold: true, color: ACCENT }, 'center');
  y += 18;
  y = para(words.certify, y, { size: 12, family: 'serif', color: MUTED }, 'center');
  y += 4;
  y = para(input.memberName, y, { size: 20, family: 'serif', bold: true }, 'center');
  y += 4;
  y = para(words.contributed, y, { size: 12, family: 'serif', color: MUTED }, 'center');
  y = para(period, y, { size: 12, family: 'serif', bold: true }, 'center');
  y += 22;

  // The sessions: a table whose columns follow the reading direction.
  y = para(words.sessions, y, { size: 13, family: 'sans', bold: true, color: ACCENT });
  y += 4;
  const columns = [
    { width: 72, align: start },
    { width: 150, align: start },
    { width: WIDTH - 72 - 150 - 50, align: start },
    { width: 50, align: end },
  ] as const;
  const cellX = (i: number) => {
    const before = columns.slice(0, i).reduce((sum, c) => sum + c.width, 0);
    return direction === 'rtl' ? X + WIDTH - before - columns[i].width : X + before;
  };
  const row = (cells: string[], rowY: number, style: Style) =>
    cells.forEach((cell, i) =>
      drawLine(
        doc,
        fit(doc, cell, style, columns[i].width - 6, direction),
        cellX(i) + 3,
        rowY,
        columns[i].width - 6,
        style,
        columns[i].align,
        direction,
      ),
    );
  const header = (rowY: number): number => {
    row([words.columns.date, words.columns.organisation, words.columns.request, words.columns.hours], rowY, {
      size: 9,
      family: 'sans',
      bold: true,
      color: MUTED,
    });
    doc
      .moveTo(X, rowY + 15)
      .lineTo(X + WIDTH, rowY + 15)
      .lineWidth(0.75)
      .strokeColor(RULE)
      .stroke();
    return rowY + 21;
  };
  const cell: Style = { size: 9.5, family: 'sans' };
  if (input.sessions.length === 0) {
    y = para(words.noSession, y, { size: 10, family: 'sans', color: MUTED });
  } else {
    y = header(room(y, 40));
    for (const s of input.sessions) {
      const next = room(y, 16);
      if (next !== y) y = header(next);
      row(
        [formatShortDate(s.date, language), s.organisation, s.request, formatHours(s.hours, language)],
        y,
        cell,
      );
      y += 16;
    }
    doc
      .moveTo(X, y - 2)
      .lineTo(X + WIDTH, y - 2)
      .lineWidth(0.75)
      .strokeColor(RULE)
      .stroke();
    y += 4;
  }
  y = room(y, 20);
  y = para(fillWording(words.totalHours, { hours: formatHours(input.totalHours, language) }), y, {
    size: 11,
    family: 'sans',
    bold: true,
  });
  y += 16;

  // The other contributions of the period.
  y = room(y, 60);
  y = para(fillWording(words.resources, { count: formatCount(input.resourcesPublished, language) }), y, {
    size: 11,
    family: 'sans',
  });
  y = para(fillWording(words.answers, { count: formatCount(input.acceptedAnswers, language) }), y + 2, {
    size: 11,
    family: 'sans',
  });
  y = para(fillWording(words.modules, { count: formatCount(input.modules.length, language) }), y + 2, {
    size: 11,
    family: 'sans',
  });
  for (const title of input.modules) {
    y = room(y, 16);
    y = para(`• ${title}`, y + 1, { size: 10, family: 'sans', color: MUTED });
  }

  y = room(y + 24, 20);
  para(
    fillWording(words.issuedOn, { date: longDate(input.issuedAt) }),
    y,
    { size: 11, family: 'serif' },
    end,
  );

  doc.end();
  return done;
}
