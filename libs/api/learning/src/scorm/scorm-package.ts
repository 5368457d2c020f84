/**
 * Unpacks and checks an uploaded SCORM package (a zip with `imsmanifest.xml` at its root).
 *
 * Pure: no Nest, no database. The caller stores `assets` and keeps `version` / `launchPath` /
 * `title` on the lesson's `ScormContent`. Every refusal is a `ScormPackageError` whose `reason`
 * completes the sentence "the file …" (the API answers 400 `{ field: 'file', reason }`).
 *
 * Defences: size of the zip, number of entries, real inflated bytes (a zip bomb lies in its
 * headers, so bytes are counted as they come out of the inflater), zip-slip paths (absolute,
 * `..`, backslashes, drive letters, NUL/control characters), symbolic links, encrypted entries,
 * and manifests with a DOCTYPE or entity declarations (XXE, billion laughs) refused before parsing.
 */
import { UPLOAD_LIMITS } from '@pratique/contracts';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lookup as lookupMime } from 'mime-types';
import type { Readable } from 'stream';
import * as yauzl from 'yauzl';

export interface ScormAsset {
  /** Normalised path inside the package, `/`-separated, never starting with `/`. */
  path: string;
  contentType: string;
  data: Buffer;
}

export interface UnpackedScorm {
  version: '1.2' | '2004';
  title: string | null;
  /** Path of the launch file, relative to the package root, with the href's query string if any. */
  launchPath: string;
  assets: ScormAsset[];
}

export class ScormPackageError extends Error {
  readonly field = 'file' as const;
  constructor(readonly reason: string) {
    super(`SCORM package: ${reason}`);
    this.name = 'ScormPackageError';
  }
}

export interface ScormLimits {
  zipBytes: number;
  entries: number;
  unpackedBytes: number;
}

const DEFAULT_LIMITS: ScormLimits = {
  zipBytes: UPLOAD_LIMITS.scormZipBytes,
  entries: UPLOAD_LIMITS.scormEntries,
  unpackedBytes: UPLOAD_LIMITS.scormUnpackedBytes,
};

const MANIFEST = 'imsmanifest.xml';
/** A manifest is a few kilobytes; anything near this is not a manifest. */
const MANIFEST_MAX_BYTES = 5 * 1024 * 1024;

export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** True when the bytes start like a zip archive (a local file header, or an empty archive). */
export function looksLikeZip(data: Buffer): boolean {
  return (
    data.length >= 4 &&
    data[0] === 0x50 &&
    data[1] === 0x4b &&
    ((data[2] === 0x03 && data[3] === 0x04) || (data[2] === 0x05 && data[3] === 0x06))
  );
}

/**
 * Checks and normalises one entry name. Returns the normalised path, or null when unsafe.
 * A trailing `/` (directory) must be removed by the caller first.
 */
export function normaliseEntryPath(name: string): string | null {
  if (name.length === 0) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(name)) return null; // NUL, control characters, backslashes
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return null; // absolute, drive letter
  const segments: string[] = [];
  for (const segment of name.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') return null;
    if (/^[a-zA-Z]:$/.test(segment)) return null;
    segments.push(segment);
  }
  return segments.length ? segments.join('/') : null;
}

function unsafe(name: string): ScormPackageError {
  const shown = name.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 200); // eslint-disable-line no-control-regex
  return new ScormPackageError(`contains an unsafe path: ${shown}`);
}

interface RawEntry {
  name: string;
  entry: yauzl.Entry;
}

/** Unpacks `zip` into memory after checking it; throws `ScormPackageError` on any refusal. */
export async function unpackScormZip(
  zip: Buffer,
  limits: ScormLimits = DEFAULT_LIMITS,
): Promise<UnpackedScorm> {
  if (!Buffer.isBuffer(zip) || zip.length === 0) throw new ScormPackageError('is empty');
  if (zip.length > limits.zipBytes)
    throw new ScormPackageError(`is larger than ${formatMegabytes(limits.zipBytes)}`);
  if (!looksLikeZip(zip)) throw new ScormPackageError('is not a zip archive');

  let zipfile: yauzl.ZipFile;
  try {
    zipfile = await yauzl.fromBufferPromise(zip, {
      decodeStrings: false,
      validateEntrySizes: true,
      strictFileNames: true,
    });
  } catch (err) {
    throw new ScormPackageError(`is not a readable zip archive (${(err as Error).message})`);
  }
  try {
    if (zipfile.entryCount > limits.entries) {
      throw new ScormPackageError(`has more than ${limits.entries} files`);
    }
    const entries = await listEntries(zipfile, limits);
    const assets = await readEntries(zipfile, entries, limits);
    return describePackage(assets);
  } finally {
    zipfile.close();
  }
}

async function listEntries(zipfile: yauzl.ZipFile, limits: ScormLimits): Promise<RawEntry[]> {
  const entries: RawEntry[] = [];
  const seen = new Set<string>();
  let declared = 0;
  let count = 0;
  const iterator = zipfile.eachEntry();
  for (;;) {
    let next: IteratorResult<yauzl.Entry>;
    try {
      next = await iterator.next();
    } catch (err) {
      throw new ScormPackageError(`is a damaged zip archive (${(err as Error).message})`);
    }
    if (next.done) break;
    const entry = next.value;
    if (++count > limits.entries) throw new ScormPackageError(`has more than ${limits.entries} files`);

    const name = yauzl.getFileNameLowLevel(
      entry.generalPurposeBitFlag,
      entry.fileNameRaw,
      entry.extraFields,
      true,
    );
    const isDirectory = name.endsWith('/');
    const path = normaliseEntryPath(isDirectory ? name.slice(0, -1) : name);
    if (path === null) {
      // A bare "/" or "./" directory is harmless; anything else that fails is unsafe.
      if (isDirectory && /^(\.?\/)+$/.test(name)) continue;
      throw unsafe(name);
    }
    if (isDirectory) continue;

    const unixMode = (entry.externalFileAttributes >>> 16) & 0o170000;
    if (unixMode === 0o120000) throw new ScormPackageError(`contains a symbolic link: ${path}`);
    if (unixMode === 0o040000) continue; // a directory without the trailing slash
    if (entry.isEncrypted()) throw new ScormPackageError(`contains an encrypted file: ${path}`);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw new ScormPackageError(
        `uses an unsupported compression method for ${path} (only stored and deflate)`,
      );
    }
    const key = path.toLowerCase();
    if (seen.has(key)) throw new ScormPackageError(`contains the same file twice: ${path}`);
    seen.add(key);

    // Headers can lie (zip bombs): this early check is only a shortcut, bytes are counted again when inflated.
    declared += entry.uncompressedSize;
    if (declared > limits.unpackedBytes) {
      throw new ScormPackageError(`is larger than ${formatMegabytes(limits.unpackedBytes)} once unpacked`);
    }
    entries.push({ name: path, entry });
  }
  return entries;
}

async function readEntries(
  zipfile: yauzl.ZipFile,
  entries: RawEntry[],
  limits: ScormLimits,
): Promise<ScormAsset[]> {
  const assets: ScormAsset[] = [];
  const budget = { left: limits.unpackedBytes };
  for (const { name, entry } of entries) {
    let stream: Readable;
    try {
      stream = await zipfile.openReadStreamPromise(entry);
    } catch (err) {
      throw new ScormPackageError(`has a file that cannot be read: ${name} (${(err as Error).message})`);
    }
    const data = await drain(stream, name, budget, limits);
    assets.push({ path: name, contentType: contentTypeFor(name), data });
  }
  return assets;
}

function drain(
  stream: Readable,
  name: string,
  budget: { left: number },
  limits: ScormLimits,
): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let failed = false;
    stream.on('data', (chunk: Buffer) => {
      if (failed) return;
      budget.left -= chunk.length;
      if (budget.left < 0) {
        failed = true;
        stream.destroy();
        reject(
          new ScormPackageError(`is larger than ${formatMegabytes(limits.unpackedBytes)} once unpacked`),
        );
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', (err: Error) => {
      if (failed) return;
      failed = true;
      reject(new ScormPackageError(`has a damaged file: ${name} (${err.message})`));
    });
    stream.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
  });
}

export function contentTypeFor(path: string): string {
  const type = lookupMime(path);
  if (!type) return 'application/octet-stream';
  return /^text\/|javascript|json|xml/.test(type) && !type.includes('charset')
    ? `${type}; charset=utf-8`
    : type;
}

// ---------- the manifest ----------

type XmlNode = Record<string, unknown>;

const ARRAY_TAGS = new Set(['organization', 'item', 'resource', 'file', 'dependency']);

function parseManifest(xml: string): XmlNode {
  // No manifest needs a document type: entity declarations are how XXE and "billion laughs" get in.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new ScormPackageError('has an imsmanifest.xml with a <!DOCTYPE> or <!ENTITY> declaration, which packages do not need: remove it and upload again');
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ScormPackageError(
      `has an imsmanifest.xml that is not valid XML (line ${valid.err.line}: ${valid.err.msg})`,
    );
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (tagName) => ARRAY_TAGS.has(tagName),
  });
  let doc: XmlNode;
  try {
    doc = parser.parse(xml) as XmlNode;
  } catch (err) {
    throw new ScormPackageError(`has an imsmanifest.xml that cannot be read (${(err as Error).message})`);
  }
  const manifest = asNode(doc['manifest']);
  if (!manifest) throw new ScormPackageError('has an imsmanifest.xml without a <manifest> element');
  return manifest;
}

function asNode(value: unknown): XmlNode | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as XmlNode) : null;
}

function asNodes(value: unknown): XmlNode[] {
  if (Array.isArray(value)) return value.map(asNode).filter((n): n is XmlNode => n !== null);
  const node = asNode(value);
  return node ? [node] : [];
}

/** The text of an element that may be a string, or an object with `#text` (when it has attributes). */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  const node = asNode(value);
  if (node) return textOf(node['#text']);
  if (Array.isArray(value)) return textOf(value[0]);
  return null;
}

function attr(node: XmlNode, name: string): string | null {
  // Attribute names are matched case-insensitively: SCORM 1.2 says scormtype, 2004 says scormType.
  const wanted = `@_${name}`.toLowerCase();
  for (const [key, value] of Object.entries(node)) {
    if (key.toLowerCase() === wanted && (typeof value === 'string' || typeof value === 'number')) {
      const text = String(value).trim();
      return text || null;
    }
  }
  return null;
}

export function detectVersion(manifest: XmlNode, rawXml: string): '1.2' | '2004' {
  const metadata = asNode(manifest['metadata']);
  const schemaVersion = metadata ? textOf(metadata['schemaversion']) : null;
  if (schemaVersion) {
    const v = schemaVersion.toLowerCase();
    if (/2004|cam\s*1\.3|^1\.3/.test(v)) return '2004';
    if (/^1\.2\b/.test(v)) return '1.2';
  }
  // No (or an odd) <schemaversion>: the namespaces tell.
  if (/adlcp_v1p3|adlseq_v1p3|adlnav_v1p3|imsss/i.test(rawXml)) return '2004';
  if (/adlcp_rootv1p2/i.test(rawXml)) return '1.2';
  if (/adlcp:scormType\s*=/.test(rawXml)) return '2004';
  return '1.2';
}

interface LaunchTarget {
  resource: XmlNode;
  organizationTitle: string | null;
}

function findLaunch(manifest: XmlNode): LaunchTarget {
  const organizationsNode = asNode(manifest['organizations']);
  const organizations = organizationsNode ? asNodes(organizationsNode['organization']) : [];
  if (organizations.length === 0)
    throw new ScormPackageError('has an imsmanifest.xml without an <organization>');
  const defaultId = organizationsNode ? attr(organizationsNode, 'default') : null;
  const organization =
    organizations.find((o) => defaultId !== null && attr(o, 'identifier') === defaultId) ?? organizations[0];

  const resourcesNode = asNode(manifest['resources']);
  const resources = resourcesNode ? asNodes(resourcesNode['resource']) : [];
  const byId = new Map<string, XmlNode>();
  for (const r of resources) {
    const id = attr(r, 'identifier');
    if (id !== null && !byId.has(id)) byId.set(id, r);
  }

  // Items in document order (depth first); the first one pointing at a SCO is the launch.
  const referenced: XmlNode[] = [];
  const walk = (items: XmlNode[]): void => {
    for (const item of items) {
      const ref = attr(item, 'identifierref');
      const resource = ref !== null ? byId.get(ref) : undefined;
      if (resource) referenced.push(resource);
      walk(asNodes(item['item']));
    }
  };
  walk(asNodes(organization['item']));

  const isSco = (r: XmlNode) => (attr(r, 'scormtype') ?? '').toLowerCase() === 'sco';
  const resource =
    referenced.find((r) => isSco(r) && attr(r, 'href') !== null) ??
    referenced.find((r) => attr(r, 'href') !== null);
  if (!resource)
    throw new ScormPackageError(
      'has an imsmanifest.xml that names no launchable resource (no <item identifierref> pointing to a SCO with an href)',
    );
  return { resource, organizationTitle: textOf(organization['title']) };
}

/** Joins xml:base values and the href, splitting off the query string and fragment. */
function launchHref(manifest: XmlNode, resource: XmlNode): { path: string; suffix: string } {
  const resourcesNode = asNode(manifest['resources']);
  const href = attr(resource, 'href') ?? '';
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) {
    throw new ScormPackageError(`has an imsmanifest.xml whose launch file is outside the package: ${href}`);
  }
  const bases = [
    attr(manifest, 'base'),
    resourcesNode ? attr(resourcesNode, 'base') : null,
    attr(resource, 'base'),
  ];
  let joined = '';
  for (const base of bases) {
    if (!base) continue;
    if (/^[a-z][a-z0-9+.-]*:/i.test(base) || base.startsWith('//')) {
      throw new ScormPackageError(`has an imsmanifest.xml whose launch file is outside the package: ${base}`);
    }
    joined = base.startsWith('/') ? base : joined + base;
    if (!joined.endsWith('/')) joined += '/';
  }
  const full = href.startsWith('/') ? href : joined + href;
  const cut = full.search(/[?#]/);
  const rawPath = cut === -1 ? full : full.slice(0, cut);
  const suffix = cut === -1 ? '' : full.slice(cut);
  let decoded: string;
  try {
    decoded = decodeURI(rawPath);
  } catch {
    decoded = rawPath;
  }
  const path = normaliseEntryPath(decoded.replace(/^\/+/, ''));
  if (path === null)
    throw new ScormPackageError(`has an imsmanifest.xml with an unsafe launch path: ${full}`);
  return { path, suffix };
}

function describePackage(assets: ScormAsset[]): UnpackedScorm {
  const manifestAsset = assets.find((a) => a.path.toLowerCase() === MANIFEST);
  if (!manifestAsset) {
    const nested = assets.find((a) => a.path.toLowerCase().endsWith(`/${MANIFEST}`));
    const hint = nested
      ? ` (there is one in ${nested.path.slice(0, -MANIFEST.length - 1)}/: zip the contents of that folder, not the folder itself)`
      : '';
    throw new ScormPackageError(`has no imsmanifest.xml at its root${hint}`);
  }
  if (manifestAsset.data.length > MANIFEST_MAX_BYTES)
    throw new ScormPackageError('has an imsmanifest.xml that is too large');
  const xml = manifestAsset.data.toString('utf8').replace(/^\uFEFF/, '');
  const manifest = parseManifest(xml);
  const version = detectVersion(manifest, xml);
  const { resource, organizationTitle } = findLaunch(manifest);
  const { path, suffix } = launchHref(manifest, resource);
  const byPath = new Map(assets.map((a) => [a.path, a]));
  if (!byPath.has(path)) {
    throw new ScormPackageError(`imsmanifest.xml names a launch file that is not in the package: ${path}`);
  }
  return { version, title: organizationTitle, launchPath: path + suffix, assets };
}
