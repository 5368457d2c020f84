/**
 * The certificate of completion of a module, as an A4 landscape PDF, in French, Arabic or English.
 *
 * pdfkit draws; its font engine (fontkit) shapes Arabic (joining forms, ligatures) and lays an
 * Arabic run out right to left, but it does not run the Unicode bidirectional algorithm, so a
 * line mixing scripts ("الوحدة 3 : Budget 2025") would come out scrambled. Each line is
 * therefore cut into directional runs with bidi-js (UAX #9), the runs are put in visual order
 * here, and each run is drawn on its own at a measured x. Fonts are DejaVu (from the
 * `dejavu-fonts-ttf` npm package, so CI and production have them): DejaVu Sans carries
 * Arabic, DejaVu Serif is used for Latin display text.
 */
import bidiFactory from 'bidi-js';
import { createRequire } from 'module';
import { join } from 'path';
import { FORMAT_LOCALES, Language, LANGUAGES } from '@pratique/contracts';
import PDFDocument from 'pdfkit';

export type CertificateLanguage = Language;

export interface CertificateInput {
  holderName: string;
  moduleTitle: string;
  spaceTitle: string;
  completedAt: Date;
  code: string;
  verifyUrl: string;
  language: CertificateLanguage;
}

/** The certificate's fixed texts; `{space}` and `{date}` are filled in when drawing. */
export interface CertificateWording {
  title: string;
  awardedTo: string;
  forCompleting: string;
  /** `{space}`: the space's title. */
  inSpace: string;
  /** `{date}`: the completion date, in the language's own format. */
  issuedOn: string;
  codeLabel: string;
  verifyLabel: string;
  platform: string;
}

/**
 * Per language: a language or a key missing is a compile error; `tools/lint/i18n-server.spec.ts`
 * checks none is empty and each has the same `{parameters}`. Dates and numbers are written with
 * `FORMAT_LOCALES` (ar-TN: Latin digits and the Maghreb's month names, as written in Tunisia).
 */
export const CERTIFICATE_WORDING = {
  fr: {
    title: 'Attestation de réussite',
    awardedTo: 'Cette attestation est décernée à',
    forCompleting: 'pour avoir suivi avec succès le module',
    inSpace: 'de l’espace « {space} »',
    issuedOn: 'Délivrée le {date}',
    codeLabel: 'Code de vérification',
    verifyLabel: 'Vérifier l’authenticité de cette attestation :',
    platform: 'Pratique · Communauté de pratique des organisations de la société civile',
  },
  ar: {
    title: 'شهادة إتمام',
    awardedTo: 'تُمنح هذه الشهادة إلى',
    forCompleting: 'لإتمام الوحدة التعليمية بنجاح',
    inSpace: 'ضمن فضاء «{space}»',
    issuedOn: 'صدرت بتاريخ {date}',
    codeLabel: 'رمز التحقق',
    verifyLabel: 'للتحقق من صحة هذه الشهادة:',
    platform: 'Pratique · مجتمع الممارسة لمنظمات المجتمع المدني',
  },
  en: {
    title: 'Certificate of completion',
    awardedTo: 'This certificate is awarded to',
    forCompleting: 'for successfully completing the module',
    inSpace: 'in the space “{space}”',
    issuedOn: 'Issued on {date}',
    codeLabel: 'Verification code',
    verifyLabel: 'Check this certificate at:',
    platform: 'Pratique · Community of practice of civil-society organisations',
  },
} as const satisfies Record<Language, CertificateWording>;

/** `{name}` → `values.name` in a wording (a replacement function: a `$&` in a value stays as is). */
export function fillWording(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? values[key] : whole));
}

/** The language to write in: the one asked for when it is one of ours, else French. */
export function documentLanguage(language: string): Language {
  return (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'fr';
}

// ---------- fonts ----------

const FONT_FILES = {
  sans: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
  serif: 'DejaVuSerif.ttf',
  serifBold: 'DejaVuSerif-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;
type FontKey = keyof typeof FONT_FILES;

/**
 * Where the TTF files are. Resolved at run time (not by the bundler) from the working directory
 * first, then from this file; `CERTIFICATE_FONT_DIR` overrides both.
 */
export function certificateFontPath(file: string): string {
  const dir = process.env['CERTIFICATE_FONT_DIR'];
  if (dir) return join(dir, file);
  for (const base of [join(process.cwd(), 'index.js'), __filename]) {
    try {
      return createRequire(base).resolve(`dejavu-fonts-ttf/ttf/${file}`);
    } catch {
      // try the next base
    }
  }
  throw new Error(
    `The certificate font ${file} was not found: run \`npm ci\` (package dejavu-fonts-ttf) or set CERTIFICATE_FONT_DIR`,
  );
}

// ---------- bidirectional text ----------

const bidi = bidiFactory();

/** Scripts written right to left: fontkit reverses runs in these scripts by itself. */
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const STRONG_SCRIPT = /[^\p{Script=Common}\p{Script=Inherited}]/u;
const ARABIC = /[\p{Script=Arabic}]/u;

export interface VisualRun {
  text: string;
  rtl: boolean;
  arabic: boolean;
}

/**
 * Splits one line into runs of one direction and one font family, in visual order (left to
 * right). Each run's `text` is what to hand to pdfkit: fontkit reverses a run whose first strong
 * script is right-to-left, so the text is pre-reversed when that would not give the visual order
 * (neutrals in a right-to-left run, Arabic-Indic digits in a left-to-right one).
 */
export function visualRuns(line: string, direction: 'ltr' | 'rtl'): VisualRun[] {
  if (!line) return [];
  const embedding = bidi.getEmbeddingLevels(line, direction);
  const { levels } = embedding;
  const mirrored = bidi.getMirroredCharactersMap(line, levels);
  const chars = Array.from(line);

  // Logical runs: same level and same font family (neutral characters join the run before them).
  interface LogicalRun {
    level: number;
    arabic: boolean;
    chars: string[];
  }
  const runs: LogicalRun[] = [];
  let index = 0; // UTF-16 index, as bidi-js counts
  for (const ch of chars) {
    const level = levels[index];
    const glyph = mirrored.get(index) ?? ch;
    const strong = STRONG_SCRIPT.test(ch);
    const last = runs[runs.length - 1];
    const arabic = strong ? ARABIC.test(ch) : (last?.arabic ?? direction === 'rtl');
    if (last && last.level === level && (last.arabic === arabic || !strong)) last.chars.push(glyph);
    else runs.push({ level, arabic, chars: [glyph] });
    index += ch.length;
  }

  // UAX #9 L2, on runs: from the highest level down to the lowest odd one, reverse every
  // sequence of runs at that level or higher.
  const maxLevel = Math.max(...runs.map((r) => r.level));
  const minOdd = Math.min(...runs.map((r) => (r.level % 2 === 1 ? r.level : r.level + 1)));
  for (let level = maxLevel; level >= minOdd; level--) {
    for (let i = 0; i < runs.length;) {
      if (runs[i].level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j].level >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }

  return runs.map((run) => {
    const rtl = run.level % 2 === 1;
    const text = run.chars.join('');
    const firstStrong = text.match(STRONG_SCRIPT)?.[0];
    const fontkitReverses = firstStrong !== undefined && RTL_SCRIPT.test(firstStrong);
    return {
      text: rtl === fontkitReverses ? text : run.chars.slice().reverse().join(''),
      rtl,
      arabic: run.arabic,
    };
  });
}

// ---------- drawing ----------

type Doc = PDFKit.PDFDocument;

/**
 * Always pass features: without them pdfkit lays text out word by word (to cache words) and
 * concatenates the words in logical order, which breaks Arabic (words swapped, spaces lost).
 * With any features it hands the whole run to fontkit, which shapes it with the script's
 * default features (init/medi/fina/rlig for Arabic) plus these.
 */
const SHAPING_FEATURES: PDFKit.Mixins.OpenTypeFeatures[] = ['kern'];

interface LineStyle {
  size: number;
  /** Latin text: serif display or sans; Arabic text always uses DejaVu Sans. */
  family: 'serif' | 'sans' | 'mono';
  bold?: boolean;
  color?: string;
  /** Latin text only (Arabic letters must stay joined). */
  characterSpacing?: number;
}

function fontFor(style: LineStyle, arabic: boolean): FontKey {
  if (arabic || style.family === 'sans') return style.bold ? 'sansBold' : 'sans';
  if (style.family === 'mono') return 'mono';
  return style.bold ? 'serifBold' : 'serif';
}

function measureRuns(doc: Doc, runs: VisualRun[], style: LineStyle, size: number): number[] {
  return runs.map((run) => {
    doc.font(fontFor(style, run.arabic)).fontSize(size);
    return doc.widthOfString(run.text, {
      features: SHAPING_FEATURES,
      characterSpacing: run.arabic ? 0 : (style.characterSpacing ?? 0),
    });
  });
}

/** Greedy word wrap in logical order; each line is reordered on its own afterwards. */
function wrapLogical(
  doc: Doc,
  text: string,
  style: LineStyle,
  size: number,
  maxWidth: number,
  direction: 'ltr' | 'rtl',
): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  const width = (s: string) =>
    measureRuns(doc, visualRuns(s, direction), style, size).reduce((a, b) => a + b, 0);
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (!current || width(candidate) <= maxWidth) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines;
}

interface BlockOptions {
  x: number;
  width: number;
  align: 'center' | 'left' | 'right';
  direction: 'ltr' | 'rtl';
  /** Shrink down to this size before wrapping. */
  minSize?: number;
  maxLines?: number;
  /** Measure only: return the y after the block without drawing. */
  dry?: boolean;
}

/** Draws text at `y`, shrinking then wrapping to fit `width`; returns the y after the block. */
function drawText(doc: Doc, text: string, y: number, style: LineStyle, opts: BlockOptions): number {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return y;
  let size = style.size;
  const minSize = opts.minSize ?? style.size;
  const total = (s: number) =>
    measureRuns(doc, visualRuns(clean, opts.direction), style, s).reduce((a, b) => a + b, 0);
  while (size > minSize && total(size) > opts.width) size -= 0.5;
  let lines =
    total(size) > opts.width ? wrapLogical(doc, clean, style, size, opts.width, opts.direction) : [clean];
  if (opts.maxLines && lines.length > opts.maxLines) {
    lines = lines.slice(0, opts.maxLines);
    lines[lines.length - 1] = `${lines[lines.length - 1]}…`;
  }
  const lineHeight = size * 1.3;
  if (opts.dry) return y + lineHeight * lines.length;
  for (const line of lines) {
    const runs = visualRuns(line, opts.direction);
    const widths = measureRuns(doc, runs, style, size);
    const lineWidth = widths.reduce((a, b) => a + b, 0);
    let x =
      opts.align === 'center'
        ? opts.x + (opts.width - lineWidth) / 2
        : opts.align === 'right'
          ? opts.x + opts.width - lineWidth
          : opts.x;
    runs.forEach((run, i) => {
      doc
        .font(fontFor(style, run.arabic))
        .fontSize(size)
        .fillColor(style.color ?? INK)
        .text(run.text, x, y, {
          lineBreak: false,
          features: SHAPING_FEATURES,
          characterSpacing: run.arabic ? 0 : (style.characterSpacing ?? 0),
        });
      x += widths[i];
    });
    y += lineHeight;
  }
  return y;
}

const INK = '#1f2933';
const MUTED = '#52606d';
const ACCENT = '#0b6e4f';
const GOLD = '#b8892b';

/** A long date ("12 mars 2025", "12 ماي 2025") in the language's locale, in UTC. */
export function formatCertificateDate(date: Date, language: CertificateLanguage): string {
  return new Intl.DateTimeFormat(FORMAT_LOCALES[documentLanguage(language)], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** Renders the certificate; resolves with the PDF bytes. */
export function renderCertificatePdf(
  input: CertificateInput,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const language = documentLanguage(input.language);
  const words: CertificateWording = CERTIFICATE_WORDING[language];
  const direction = language === 'ar' ? 'rtl' : 'ltr';

  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    compress: options.compress ?? true,
    lang: language,
    displayTitle: true,
    info: {
      Title: `${words.title} — ${input.moduleTitle}`,
      Author: 'Pratique',
      Subject: input.holderName,
      Keywords: input.code,
    },
  });
  for (const [key, file] of Object.entries(FONT_FILES)) doc.registerFont(key, certificateFontPath(file));

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const W = doc.page.width; // 841.89
  const H = doc.page.height; // 595.28

  // Frame: an outer accent border, an inner hairline in gold, a light band at the top.
  doc.rect(0, 0, W, H).fill('#fbfaf6');
  doc
    .lineWidth(10)
    .strokeColor(ACCENT)
    .rect(18, 18, W - 36, H - 36)
    .stroke();
  doc
    .lineWidth(1)
    .strokeColor(GOLD)
    .rect(34, 34, W - 68, H - 68)
    .stroke();
  for (const [cx, cy] of [
    [34, 34],
    [W - 34, 34],
    [34, H - 34],
    [W - 34, H - 34],
  ]) {
    doc.save().translate(cx, cy).rotate(45).rect(-6, -6, 12, 12).fill(GOLD).restore();
  }

  const x = 90;
  const width = W - 180;
  const centred: BlockOptions = { x, width, align: 'center', direction };

  let y = 62;
  y = drawText(
    doc,
    'PRATIQUE',
    y,
    { size: 11, family: 'sans', bold: true, color: ACCENT, characterSpacing: 4 },
    centred,
  );
  y = drawText(
    doc,
    words.platform,
    y + 2,
    { size: 9, family: 'sans', color: MUTED },
    { ...centred, minSize: 7 },
  );
  const top = y + 16;
  const bottom = H - 124;

  // The body, drawn once dry to measure it, then centred between the header and the footer.
  const body = (start: number, dry: boolean): number => {
    const o = { ...centred, dry };
    let by = drawText(doc, words.title, start, { size: 34, family: 'serif', bold: true, color: ACCENT }, o);
    if (!dry) {
      doc
        .moveTo(W / 2 - 60, by + 6)
        .lineTo(W / 2 + 60, by + 6)
        .lineWidth(1.5)
        .strokeColor(GOLD)
        .stroke();
    }
    by += 26;
    by = drawText(doc, words.awardedTo, by, { size: 13, family: 'serif', color: MUTED }, o);
    by += 8;
    by = drawText(
      doc,
      input.holderName,
      by,
      { size: 30, family: 'serif', bold: true },
      { ...o, minSize: 18, maxLines: 2 },
    );
    by += 10;
    by = drawText(doc, words.forCompleting, by, { size: 13, family: 'serif', color: MUTED }, o);
    by += 6;
    by = drawText(
      doc,
      input.moduleTitle,
      by,
      { size: 21, family: 'serif', bold: true, color: ACCENT },
      { ...o, minSize: 14, maxLines: 3 },
    );
    by += 4;
    by = drawText(
      doc,
      fillWording(words.inSpace, { space: input.spaceTitle }),
      by,
      { size: 12, family: 'serif', color: MUTED },
      { ...o, minSize: 9, maxLines: 2 },
    );
    by += 10;
    by = drawText(
      doc,
      fillWording(words.issuedOn, { date: formatCertificateDate(input.completedAt, language) }),
      by,
      { size: 12, family: 'serif' },
      o,
    );
    return by;
  };
  const height = body(0, true);
  body(top + Math.max(0, (bottom - top - height) / 2), false);

  // A seal on the side opposite the verification block.
  const sealX = direction === 'rtl' ? 130 : W - 130;
  const sealY = H - 100;
  doc.circle(sealX, sealY, 38).lineWidth(2).strokeColor(GOLD).stroke();
  doc.circle(sealX, sealY, 32).lineWidth(0.75).strokeColor(GOLD).stroke();
  doc
    .moveTo(sealX - 14, sealY + 1)
    .lineTo(sealX - 4, sealY + 11)
    .lineTo(sealX + 16, sealY - 11)
    .lineWidth(4)
    .lineCap('round')
    .lineJoin('round')
    .strokeColor(ACCENT)
    .stroke();

  // Verification block at the bottom, on the reading side (left in fr/en, right in ar).
  const side: BlockOptions = {
    x: 70,
    width: W - 140,
    align: direction === 'rtl' ? 'right' : 'left',
    direction,
  };
  let by = H - 112;
  by = drawText(doc, words.codeLabel, by, { size: 9, family: 'sans', color: MUTED }, side);
  by = drawText(
    doc,
    input.code,
    by + 1,
    { size: 15, family: 'mono', color: INK, characterSpacing: 1.5 },
    side,
  );
  by = drawText(doc, words.verifyLabel, by + 3, { size: 9, family: 'sans', color: MUTED }, side);
  drawText(doc, input.verifyUrl, by + 1, { size: 9, family: 'mono', color: ACCENT }, { ...side, minSize: 6 });
  // The URL is also a link.
  const linkY = by + 1;
  doc.link(70, linkY - 2, W - 140, 14, input.verifyUrl);

  doc.end();
  return done;
}
