/**
 * Checks an uploaded file before it is stored: its size, its real type (sniffed from the bytes
 * with magic-bytes.js, not the browser's declared type nor the extension), and its name.
 *
 * OOXML (.docx/.pptx/.xlsx) and OpenDocument (.odt/.odp/.ods) files are zip archives: a zip
 * signature is accepted as one of those types when the declared type or the extension names it,
 * the extension agrees, and the archive holds that format's marker ([Content_Types].xml and the
 * word/ ppt/ xl/ part folder; the ODF `mimetype` entry).
 *
 * Pure and synchronous; throws `UploadError` (`field`, `reason`) for the API's 400 answer.
 */
import { filetypeinfo } from 'magic-bytes.js';
import { extension as extensionForType, lookup as lookupType } from 'mime-types';

export class UploadError extends Error {
  constructor(
    readonly reason: string,
    readonly field = 'file',
  ) {
    super(`${field} ${reason}`);
    this.name = 'UploadError';
  }
}

export interface UploadInput {
  filename: string;
  declaredType: string;
  data: Buffer;
}

export interface CheckedUpload {
  contentType: string;
  filename: string;
}

const OOXML: Record<string, { ext: string; part: string }> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { ext: 'docx', part: 'word/' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { ext: 'pptx', part: 'ppt/' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { ext: 'xlsx', part: 'xl/' },
};
const ODF: Record<string, { ext: string }> = {
  'application/vnd.oasis.opendocument.text': { ext: 'odt' },
  'application/vnd.oasis.opendocument.presentation': { ext: 'odp' },
  'application/vnd.oasis.opendocument.spreadsheet': { ext: 'ods' },
};

/** How types are named to people in error messages. */
const TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
  'application/vnd.oasis.opendocument.presentation': 'OpenDocument presentation',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument spreadsheet',
  'video/mp4': 'MP4 video',
  'video/webm': 'WebM video',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
};

export function describeAllowedTypes(allowed: readonly string[]): string {
  return allowed.map((t) => TYPE_LABELS[t] ?? t).join(', ');
}

function baseType(type: string): string {
  return (type ?? '').split(';')[0].trim().toLowerCase();
}

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
}

/** The types the bytes may be, most likely first. Empty when nothing matches. */
export function sniffTypes(data: Buffer): string[] {
  const head = data.subarray(0, 4096);
  const types: string[] = [];
  for (const info of filetypeinfo(head)) {
    let mime =
      info.mime || (info.extension && lookupType(info.extension)) || lookupType(info.typename) || null;
    if (!mime) continue;
    // magic-bytes lists WebM as audio/webm; an EBML file whose DocType is webm is a WebM video here.
    if (info.extension === 'webm') mime = 'video/webm';
    if (!types.includes(mime)) types.push(mime);
  }
  // EBML: webm only when the DocType says so (otherwise it is Matroska).
  if (types.includes('video/webm') && !head.subarray(0, 64).includes('webm')) {
    types.splice(types.indexOf('video/webm'), 1);
  }
  if (types.length === 0) {
    const text = sniffText(head);
    if (text) types.push(text);
  }
  return types;
}

/** For messages only: what a non-binary file looks like. */
function sniffText(head: Buffer): string | null {
  if (head.includes(0)) return null;
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/^<(!doctype html|html|head|body|script|iframe|div|p|a|img|meta|title|style)\b/.test(text))
    return 'text/html';
  if (/^(<\?xml[^>]*>\s*)?<svg\b/.test(text)) return 'image/svg+xml';
  if (text.startsWith('<?xml')) return 'application/xml';
  if (/^[{[]/.test(text)) return 'application/json';
  if (text.startsWith('#!')) return 'text/x-shellscript';
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u0008\u000e-\u001f]/.test(text) && !text.includes('\uFFFD')) return 'text/plain';
  return null;
}

function isZip(data: Buffer): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

/** Does the zip hold this OOXML / ODF format's marker? */
function zipHoldsFormat(data: Buffer, type: string): boolean {
  const ooxml = OOXML[type];
  if (ooxml) return data.includes('[Content_Types].xml') && data.includes(ooxml.part);
  if (ODF[type]) {
    // The ODF spec: the first entry is an uncompressed "mimetype" file holding the type.
    return (
      data.subarray(30, 38).toString('latin1') === 'mimetype' && data.subarray(38, 38 + 100).includes(type)
    );
  }
  return false;
}

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

function withArticle(type: string): string {
  return /^[aeiou]/i.test(type) ? `an ${type}` : `a ${type}`;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;
const MAX_NAME = 200;

/**
 * Keeps a name people recognise (any script, Arabic included) that no file system or header
 * chokes on: no path, no control or bidi-override characters, no reserved characters, ≤ 200
 * characters with the extension kept.
 */
export function sanitizeFilename(filename: string, fallback = 'fichier'): string {
  let name = String(filename ?? '').normalize('NFC');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    .replace(/[\t\n\r\v\f]/g, ' ')
    // Control characters, and format characters (bidi overrides that disguise "gpj.exe" as "exe.jpg")
    // except the joiners Arabic and Persian writing needs.
    .replace(/[\p{Cc}\p{Cs}\p{Co}\p{Cn}]/gu, '')
    .replace(/(?![\u200c\u200d])\p{Cf}/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  const chars = Array.from(name);
  if (chars.length > MAX_NAME) {
    const ext = extensionOf(name);
    const keep = ext && ext.length <= 10 ? `.${ext}` : '';
    const base = Array.from(keep ? name.slice(0, -keep.length) : name).slice(
      0,
      MAX_NAME - Array.from(keep).length,
    );
    name = base.join('').replace(/[\s.]+$/, '') + keep;
  }
  return name || fallback;
}

/** Makes the extension agree with the stored type (a PDF named "x.html" is saved as "x.pdf"). */
function withExtensionFor(filename: string, contentType: string): string {
  const ext = extensionOf(filename);
  if (ext && lookupType(ext) === contentType) return filename;
  const wanted = extensionForType(contentType);
  if (!wanted) return filename;
  const base = ext && lookupType(ext) ? filename.slice(0, -(ext.length + 1)) : filename;
  return sanitizeFilename(`${base}.${wanted}`);
}

/**
 * Checks an upload against the allowed types and the size limit.
 * @returns the type to store and serve the file with, and a safe filename.
 */
export function checkUpload(input: UploadInput, allowed: readonly string[], maxBytes: number): CheckedUpload {
  const { data } = input;
  if (!Buffer.isBuffer(data) || data.length === 0) throw new UploadError('is empty');
  if (data.length > maxBytes) throw new UploadError(`is larger than ${formatMegabytes(maxBytes)}`);

  const filename = sanitizeFilename(input.filename);
  const ext = extensionOf(filename);
  const extType = ext ? lookupType(ext) || null : null;
  const declared = baseType(input.declaredType);
  const allowedSet = new Set(allowed.map(baseType));
  const allowedText = describeAllowedTypes(allowed);

  // Office documents: a zip whose declared type or extension names the format, and whose content agrees.
  if (isZip(data)) {
    for (const claimed of [declared, extType]) {
      if (!claimed || !allowedSet.has(claimed) || !(OOXML[claimed] || ODF[claimed])) continue;
      const expectedExt = (OOXML[claimed] ?? ODF[claimed]).ext;
      if (ext !== expectedExt) {
        throw new UploadError(
          `is named .${ext || '(no extension)'} but is declared as ${TYPE_LABELS[claimed] ?? claimed} (.${expectedExt})`,
        );
      }
      if (!zipHoldsFormat(data, claimed))
        throw new UploadError(`is a zip archive, not a ${TYPE_LABELS[claimed] ?? claimed} document`);
      return { contentType: claimed, filename };
    }
  }

  const sniffed = sniffTypes(data).filter((t) => !OOXML[t] && !ODF[t]); // those need the checks above
  const candidates = sniffed.filter((t) => allowedSet.has(t));
  if (candidates.length === 0) {
    const what = sniffed[0] ? `${withArticle(sniffed[0])} file` : 'a file of unknown type';
    throw new UploadError(`is ${what}; allowed: ${allowedText}`);
  }
  const contentType =
    candidates.find((t) => t === declared) ?? candidates.find((t) => t === extType) ?? candidates[0];
  return { contentType, filename: withExtensionFor(filename, contentType) };
}
