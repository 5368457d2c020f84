/**
 * Zips `demo-package/` (a small SCORM 1.2 course in French) into the bytes an animator would
 * upload, so the seed can store it like any uploaded package. Deterministic: files in sorted
 * order with a fixed date, so the same sources always give the same zip.
 */
import { promises as fs } from 'fs';
import { join, posix, relative, sep } from 'path';
import { ZipFile } from 'yazl';

export const DEMO_PACKAGE_DIR = join(__dirname, 'demo-package');
const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

export async function buildDemoScormPackage(dir: string = DEMO_PACKAGE_DIR): Promise<Buffer> {
  const files = (await listFiles(dir)).map((full) => ({
    full,
    name: relative(dir, full).split(sep).join(posix.sep),
  }));
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const zip = new ZipFile();
  for (const file of files) {
    zip.addBuffer(await fs.readFile(file.full), file.name, {
      mtime: FIXED_DATE,
      mode: 0o100644,
      compress: true,
    });
  }
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
