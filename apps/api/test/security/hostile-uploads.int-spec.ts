/**
 * Hostile uploads over HTTP, on the three upload routes (lesson files and covers, SCORM packages,
 * toolbox files): archives that climb out of their folder (zip-slip: `../`, absolute, drive
 * letters, backslashes), symbolic links, zip bombs (a tiny zip of 201 MB of zeros, and one whose
 * headers lie), 5,001 entries, XXE and billion-laughs manifests, files whose bytes are not what
 * their name and type say (an executable, HTML, SVG with script, a shell script, as PDF or PNG),
 * empty, oversized, truncated and malformed multipart bodies, two files, a file under another
 * field name, JSON instead of multipart. Each is refused with a 4xx `ApiErrorBody` naming the
 * field (413 for the oversized), never a 5xx, and the database (every table) is unchanged.
 * Hostile file names (paths, NUL, control and bidi characters, markup, 1,000 characters) on a
 * valid file are stored cleaned: no separator, no control character, at most 255 characters.
 */
import { createOwnDatabase, createTestApp, makeOrganisation, makeRegion, makeSpace, makeUser, addToSpace, OwnDatabase, signedIn, TEST_PASSWORD, TestApp, Agent } from '@pratique/api/testing';
import { ApiRoutes, SpaceRole } from '@pratique/contracts';
import JSZip from 'jszip';
import request from 'supertest';
import { crc32, deflateRawSync } from 'zlib';
import { diffSnapshots, snapshotDb } from './hostile/db-snapshot';

jest.setTimeout(180_000);

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const MANIFEST = (title = 'Cours', doctype = '') => `<?xml version="1.0" encoding="UTF-8"?>${doctype}
<manifest identifier="m" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>${title}</title>
    <item identifier="i" identifierref="r"><title>Leçon</title></item></organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/></resource></resources>
</manifest>`;

async function zipOf(files: Record<string, string | Buffer>, options: { unixPermissions?: Record<string, number> } = {}): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content, { createFolders: false, unixPermissions: options.unixPermissions?.[name] });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: options.unixPermissions ? 'UNIX' : 'DOS' });
}

/** A zip written by hand (JSZip refuses some names): stored or deflated entries, sizes as declared. */
function rawZip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = deflateRawSync(e.data, { level: 9 });
    const crc = crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const INDEX = Buffer.from('<p>ok</p>');
const withManifest = (extra: { name: string; data: Buffer; declaredSize?: number }[], manifest = MANIFEST()) =>
  rawZip([{ name: 'imsmanifest.xml', data: Buffer.from(manifest) }, { name: 'index.html', data: INDEX }, ...extra]);

interface UploadCase {
  label: string;
  route: 'files' | 'cover' | 'scorm' | 'toolbox';
  send: (req: request.Test) => request.Test;
  /** The field the error must name. */
  field?: string;
  status?: number;
}

const file = (data: Buffer, filename: string, contentType: string) => (req: request.Test) => req.attach('file', data, { filename, contentType });

describe('hostile uploads', () => {
  let t: TestApp;
  let own: OwnDatabase;
  let animator: Agent;
  let member: Agent;
  let spaceId: string;
  const tally = { cases: 0, serverErrors: 0 };

  beforeAll(async () => {
    own = await createOwnDatabase('uploads');
    t = await createTestApp({ env: { DATABASE_URL: own.url, UPLOAD_RATE_LIMIT: '100000' } });
    const db = t.dataSource;
    const region = await makeRegion(db);
    const organisation = await makeOrganisation(db, region.id);
    const space = await makeSpace(db);
    spaceId = space.id;
    const a = await makeUser(db, { regionId: region.id, organisationId: organisation.id });
    const m = await makeUser(db, { regionId: region.id, organisationId: organisation.id });
    await addToSpace(db, space.id, a.id, SpaceRole.Animator);
    await addToSpace(db, space.id, m.id);
    animator = await signedIn(t, { email: a.email, password: TEST_PASSWORD });
    member = await signedIn(t, { email: m.email, password: TEST_PASSWORD });
  });
  afterAll(async () => {
    console.log(`hostile uploads: ${tally.cases} uploads refused over 4 routes, ${tally.serverErrors} × 5xx`);
    await t?.close();
    await own?.drop();
  });

  const post = (route: UploadCase['route']) => {
    switch (route) {
      case 'files':
        return animator.post(`${ApiRoutes.files}?purpose=lesson`);
      case 'cover':
        return animator.post(`${ApiRoutes.files}?purpose=cover`);
      case 'scorm':
        return animator.post(ApiRoutes.scormPackages);
      case 'toolbox':
        return member.post(ApiRoutes.spaceResourceFiles(spaceId));
    }
  };

  async function expectRefused(cases: UploadCase[]): Promise<void> {
    const failures: string[] = [];
    for (const c of cases) {
      const before = await snapshotDb(t.dataSource);
      const res = await c.send(post(c.route));
      tally.cases++;
      if (res.status >= 500) tally.serverErrors++;
      const fields = ((res.body?.errors ?? []) as { field: string; reason: string }[]).map((e) => e.field);
      const wantStatus = c.status ?? 400;
      if (res.status !== wantStatus) failures.push(`${c.route} ${c.label}: ${res.status} (want ${wantStatus}) ${res.text.slice(0, 200)}`);
      else if (!res.body?.message) failures.push(`${c.route} ${c.label}: no message`);
      else if (wantStatus === 400 && !fields.includes(c.field ?? 'file')) failures.push(`${c.route} ${c.label}: names ${JSON.stringify(fields)}, not ${c.field ?? 'file'}`);
      const changed = diffSnapshots(before, await snapshotDb(t.dataSource));
      if (changed.length) failures.push(`${c.route} ${c.label}: refused but wrote ${changed.join(', ')}`);
    }
    expect(failures).toEqual([]);
  }

  it('refuses archives that climb out, link out, explode or lie, and manifests with entities', async () => {
    const zipCase = (label: string, zip: Buffer): UploadCase => ({ label, route: 'scorm', send: file(zip, 'cours.zip', 'application/zip') });
    const manyEntries = rawZip([
      { name: 'imsmanifest.xml', data: Buffer.from(MANIFEST()) },
      { name: 'index.html', data: INDEX },
      ...Array.from({ length: 5000 }, (_, i) => ({ name: `f/${i}.txt`, data: Buffer.from('x') })),
    ]);
    const zeros = Buffer.alloc(201 * 1024 * 1024);
    const bomb = withManifest([{ name: 'zeros.bin', data: zeros }]);
    const lyingBomb = withManifest([{ name: 'zeros.bin', data: zeros, declaredSize: 10 }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const xxe = MANIFEST('&xxe;', '<!DOCTYPE manifest [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>');
    const laughs = MANIFEST(
      '&l9;',
      `<!DOCTYPE manifest [<!ENTITY l0 "ha">${Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('')}]>`,
    );
    await expectRefused([
      zipCase('zip-slip ../', withManifest([{ name: '../evil.html', data: INDEX }])),
      zipCase('zip-slip ../../ deep', withManifest([{ name: 'js/../../../etc/cron.d/evil', data: INDEX }])),
      zipCase('absolute path', withManifest([{ name: '/etc/passwd', data: INDEX }])),
      zipCase('drive letter', withManifest([{ name: 'C:/Windows/evil.dll', data: INDEX }])),
      zipCase('backslashes', withManifest([{ name: '..\\..\\evil.html', data: INDEX }])),
      zipCase('NUL in a name', withManifest([{ name: 'index.html\u0000.txt', data: INDEX }])),
      zipCase('symbolic link', await zipOf({ 'imsmanifest.xml': MANIFEST(), 'index.html': '/etc/passwd' }, { unixPermissions: { 'index.html': 0o120777 } })),
      zipCase('the same file twice', withManifest([{ name: 'INDEX.html', data: INDEX }])),
      zipCase('5,002 entries', manyEntries),
      zipCase('bomb: 201 MB of zeros in a small zip', bomb),
      zipCase('bomb with lying headers', lyingBomb),
      zipCase('launch file climbing out', rawZip([{ name: 'imsmanifest.xml', data: Buffer.from(MANIFEST().replace(/href="index.html"/g, 'href="../../index.html"')) }, { name: 'index.html', data: INDEX }])),
      zipCase('XXE manifest', rawZip([{ name: 'imsmanifest.xml', data: Buffer.from(xxe) }, { name: 'index.html', data: INDEX }])),
      zipCase('billion laughs manifest', rawZip([{ name: 'imsmanifest.xml', data: Buffer.from(laughs) }, { name: 'index.html', data: INDEX }])),
      zipCase('no manifest', rawZip([{ name: 'index.html', data: INDEX }])),
      zipCase('a PDF named .zip', PDF),
      zipCase('a truncated zip', withManifest([]).subarray(0, 60)),
      zipCase('an empty file', Buffer.alloc(0)),
    ]);
  });

  it('refuses files whose bytes are not what their name says, empty, oversized, or sent the wrong way', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const html = Buffer.from('<!doctype html><script>fetch("/api/auth/me")</script>');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
    const shell = Buffer.from('#!/bin/sh\nrm -rf /\n');
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(21 * 1024 * 1024)]);
    const cases: UploadCase[] = [];
    for (const route of ['files', 'toolbox'] as const) {
      cases.push(
        { label: 'an executable as PDF', route, send: file(exe, 'guide.pdf', 'application/pdf') },
        { label: 'HTML as PDF', route, send: file(html, 'guide.pdf', 'application/pdf') },
        { label: 'HTML as itself', route, send: file(html, 'page.html', 'text/html') },
        { label: 'SVG with script', route, send: file(svg, 'logo.svg', 'image/svg+xml') },
        { label: 'a shell script as PDF', route, send: file(shell, 'guide.pdf', 'application/pdf') },
        { label: 'an empty PDF', route, send: file(Buffer.alloc(0), 'vide.pdf', 'application/pdf') },
        { label: 'over 20 MB', route, send: file(big, 'gros.pdf', 'application/pdf'), status: 413 },
        { label: 'no file part', route, send: (r) => r.field('title', 'x') },
        { label: 'under another field name', route, send: (r) => r.attach('upload', PDF, { filename: 'a.pdf', contentType: 'application/pdf' }) },
        { label: 'two files', route, send: (r) => r.attach('file', PDF, { filename: 'a.pdf', contentType: 'application/pdf' }).attach('file', PDF, { filename: 'b.pdf', contentType: 'application/pdf' }) },
        { label: 'JSON instead of multipart', route, send: (r) => r.send({ file: PDF.toString('base64') }) },
        {
          label: 'a multipart body cut short',
          route,
          field: 'body',
          send: (r) => r.set('Content-Type', 'multipart/form-data; boundary=XyZ').send('--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4'),
        },
        { label: 'a multipart body without its boundary', route, field: 'body', send: (r) => r.set('Content-Type', 'multipart/form-data').send('--XyZ\r\n\r\n') },
      );
    }
    cases.push(
      { label: 'SVG with script as a cover', route: 'cover', send: file(svg, 'cover.png', 'image/png') },
      { label: 'a PDF as a cover', route: 'cover', send: file(PDF, 'cover.png', 'image/png') },
      { label: 'HTML as a cover', route: 'cover', send: file(html, 'cover.jpg', 'image/jpeg') },
    );
    await expectRefused(cases);
  });

  it('stores hostile file names of valid files cleaned', async () => {
    const names = [
      '../../../etc/passwd.pdf',
      '..\\..\\boot.ini.pdf',
      '/abs/olu.pdf',
      'nul\u0000byte.pdf',
      'ligne\r\nSet-Cookie: x=1.pdf',
      'bidi\u202Efdp.exe.pdf',
      '<img src=x onerror=alert(1)>.pdf',
      `${'a'.repeat(1000)}.pdf`,
      '   .pdf',
      'CON.pdf',
    ];
    const stored: string[] = [];
    for (const name of names) {
      const res = await animator.post(`${ApiRoutes.files}?purpose=lesson`).attach('file', PDF, { filename: name, contentType: 'application/pdf' });
      expect({ name, status: res.status < 500 }).toEqual({ name, status: true });
      if (res.status !== 201) continue;
      stored.push(res.body.filename);
      const dl = await animator.get(ApiRoutes.file(res.body.id)).expect(200);
      expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
      expect(dl.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(stored.length).toBeGreaterThan(0);
    // eslint-disable-next-line no-control-regex
    const unsafe = stored.filter((n) => /[/\\\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(n) || n.length > 255 || n.startsWith('.') || n.trim() !== n);
    expect(unsafe).toEqual([]);
  });
});
