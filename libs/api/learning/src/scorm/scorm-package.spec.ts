import JSZip from 'jszip';
import { deflateRawSync } from 'zlib';
import { looksLikeZip, normaliseEntryPath, ScormPackageError, unpackScormZip } from './scorm-package';

const MANIFEST_12 = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="com.example.demo" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="ORG-1">
    <organization identifier="ORG-0"><title>Not the default</title>
      <item identifier="I0" identifierref="R-other"><title>Other</title></item>
    </organization>
    <organization identifier="ORG-1"><title>La redevabilité &amp; vous</title>
      <item identifier="I1"><title>Chapter</title>
        <item identifier="I1a" identifierref="R-asset"><title>Asset</title></item>
        <item identifier="I1b" identifierref="R-sco"><title>SCO</title></item>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="R-other" type="webcontent" adlcp:scormtype="sco" href="other.html"><file href="other.html"/></resource>
    <resource identifier="R-asset" type="webcontent" adlcp:scormtype="asset" href="intro.html"><file href="intro.html"/></resource>
    <resource identifier="R-sco" type="webcontent" adlcp:scormtype="sco" href="index.html?lang=fr"><file href="index.html"/></resource>
  </resources>
</manifest>`;

const manifest2004 = (schemaVersion: string, extra = '') => `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>${schemaVersion}</schemaversion></metadata>
  <organizations default="o1">
    <organization identifier="o1"><title>Course 2004</title>
      <item identifier="i1" identifierref="r1"><title>Lesson</title></item>
    </organization>
  </organizations>
  <resources xml:base="content/">
    <resource identifier="r1" type="webcontent" adlcp:scormType="sco" xml:base="sco1/" href="start%20here.html"${extra}>
      <file href="start here.html"/>
    </resource>
  </resources>
</manifest>`;

async function zipOf(
  files: Record<string, string | Buffer>,
  compression: 'STORE' | 'DEFLATE' = 'DEFLATE',
): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) {
    if (name.endsWith('/')) zip.folder(name.slice(0, -1));
    else zip.file(name, content, { createFolders: false });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression });
}

async function rejection(p: Promise<unknown>): Promise<ScormPackageError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ScormPackageError);
    expect((err as ScormPackageError).field).toBe('file');
    return err as ScormPackageError;
  }
  throw new Error('expected a ScormPackageError');
}

describe('unpackScormZip', () => {
  it('unpacks a valid SCORM 1.2 package: version, title, launch of the default organization, assets', async () => {
    const pkg = await unpackScormZip(
      await zipOf({
        'imsmanifest.xml': MANIFEST_12,
        'index.html': '<!doctype html><title>x</title>',
        'intro.html': 'intro',
        'other.html': 'other',
        'js/app.js': 'console.log(1)',
        'img/': '',
        'img/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      }),
    );
    expect(pkg.version).toBe('1.2');
    expect(pkg.title).toBe('La redevabilité & vous');
    expect(pkg.launchPath).toBe('index.html?lang=fr');
    const paths = pkg.assets.map((a) => a.path).sort();
    expect(paths).toEqual([
      'img/logo.png',
      'imsmanifest.xml',
      'index.html',
      'intro.html',
      'js/app.js',
      'other.html',
    ]);
    const byPath = Object.fromEntries(pkg.assets.map((a) => [a.path, a]));
    expect(byPath['index.html'].contentType).toBe('text/html; charset=utf-8');
    expect(byPath['js/app.js'].contentType).toMatch(/javascript/);
    expect(byPath['img/logo.png'].contentType).toBe('image/png');
    expect(byPath['js/app.js'].data.toString()).toBe('console.log(1)');
  });

  it.each(['2004 3rd Edition', '2004 4th Edition', 'CAM 1.3', '2004 2nd Edition'])(
    'unpacks a valid SCORM 2004 package (schemaversion "%s") with xml:base and an encoded href',
    async (schemaVersion) => {
      const pkg = await unpackScormZip(
        await zipOf(
          { 'imsmanifest.xml': manifest2004(schemaVersion), 'content/sco1/start here.html': 'hello' },
          'STORE',
        ),
      );
      expect(pkg.version).toBe('2004');
      expect(pkg.title).toBe('Course 2004');
      expect(pkg.launchPath).toBe('content/sco1/start here.html');
    },
  );

  it('tells the version from the namespaces when <schemaversion> is missing', async () => {
    const xml = manifest2004('').replace(/<metadata>.*<\/metadata>/, '');
    const pkg = await unpackScormZip(
      await zipOf({ 'imsmanifest.xml': xml, 'content/sco1/start here.html': 'x' }),
    );
    expect(pkg.version).toBe('2004');
    const xml12 = MANIFEST_12.replace(/<metadata>.*<\/metadata>/, '');
    const pkg12 = await unpackScormZip(await zipOf({ 'imsmanifest.xml': xml12, 'index.html': 'x' }));
    expect(pkg12.version).toBe('1.2');
  });

  it('uses the first organization when the default one is not named, and tolerates a BOM', async () => {
    const xml = '\uFEFF' + MANIFEST_12.replace('default="ORG-1"', '');
    const pkg = await unpackScormZip(
      await zipOf({ 'imsmanifest.xml': xml, 'other.html': 'x', 'index.html': 'y', 'intro.html': 'z' }),
    );
    expect(pkg.launchPath).toBe('other.html');
    expect(pkg.title).toBe('Not the default');
  });

  it('refuses bytes that are not a zip', async () => {
    const err = await rejection(unpackScormZip(Buffer.from('%PDF-1.7 this is not a zip')));
    expect(err.reason).toBe('is not a zip archive');
    expect((await rejection(unpackScormZip(Buffer.alloc(0)))).reason).toBe('is empty');
  });

  it('refuses a truncated zip', async () => {
    const zip = await zipOf({ 'imsmanifest.xml': MANIFEST_12, 'index.html': 'x' });
    const err = await rejection(unpackScormZip(zip.subarray(0, zip.length - 30)));
    expect(err.reason).toMatch(/zip archive/);
  });

  it('refuses a zip larger than the upload limit', async () => {
    const zip = await zipOf({ 'imsmanifest.xml': MANIFEST_12, 'index.html': 'x' });
    const err = await rejection(unpackScormZip(zip, { zipBytes: 100, entries: 10, unpackedBytes: 1e6 }));
    expect(err.reason).toMatch(/^is larger than/);
  });

  it('refuses a package without imsmanifest.xml at its root, with a hint when it is in a folder', async () => {
    expect((await rejection(unpackScormZip(await zipOf({ 'index.html': 'x' })))).reason).toBe(
      'has no imsmanifest.xml at its root',
    );
    const nested = await rejection(
      unpackScormZip(await zipOf({ 'course/imsmanifest.xml': MANIFEST_12, 'course/index.html': 'x' })),
    );
    expect(nested.reason).toMatch(/^has no imsmanifest.xml at its root \(there is one in course\//);
  });

  it('refuses a manifest that is not XML', async () => {
    const err = await rejection(
      unpackScormZip(
        await zipOf({ 'imsmanifest.xml': '<manifest><organizations></manifest>', 'index.html': 'x' }),
      ),
    );
    expect(err.reason).toMatch(/^has an imsmanifest.xml that is not valid XML/);
    const notManifest = await rejection(
      unpackScormZip(await zipOf({ 'imsmanifest.xml': '<html></html>', 'index.html': 'x' })),
    );
    expect(notManifest.reason).toMatch(/without a <manifest> element/);
  });

  it('refuses a manifest without organization or launchable resource', async () => {
    const noOrg = MANIFEST_12.replace(/<organizations[\s\S]*<\/organizations>/, '<organizations/>');
    expect((await rejection(unpackScormZip(await zipOf({ 'imsmanifest.xml': noOrg })))).reason).toMatch(
      /without an <organization>/,
    );
    const noRef = MANIFEST_12.replace(/identifierref="[^"]*"/g, '');
    expect((await rejection(unpackScormZip(await zipOf({ 'imsmanifest.xml': noRef })))).reason).toMatch(
      /names no launchable resource/,
    );
  });

  it('refuses a launch file that is missing from the package', async () => {
    const err = await rejection(
      unpackScormZip(await zipOf({ 'imsmanifest.xml': MANIFEST_12, 'intro.html': 'x' })),
    );
    expect(err.reason).toBe('imsmanifest.xml names a launch file that is not in the package: index.html');
  });

  it('refuses a launch href outside the package or climbing out of it', async () => {
    const external = MANIFEST_12.replace('href="index.html?lang=fr"', 'href="https://evil.example/x.html"');
    expect((await rejection(unpackScormZip(await zipOf({ 'imsmanifest.xml': external })))).reason).toMatch(
      /outside the package/,
    );
    const climbing = MANIFEST_12.replace('href="index.html?lang=fr"', 'href="../../index.html"');
    expect((await rejection(unpackScormZip(await zipOf({ 'imsmanifest.xml': climbing })))).reason).toMatch(
      /unsafe launch path/,
    );
  });

  it.each([
    ['../evil.html', '../evil.html'],
    ['js/../../evil.html', 'js/../../evil.html'],
    ['/etc/passwd', '/etc/passwd'],
    ['C:/Windows/evil.dll', 'C:/Windows/evil.dll'],
    ['js\\..\\..\\evil.js', 'js\\..\\..\\evil.js'],
    ['evil\u0000.html', 'evil?.html'],
  ])('refuses the unsafe path %j (zip-slip)', async (name, shown) => {
    const err = await rejection(
      unpackScormZip(await zipOf({ 'imsmanifest.xml': MANIFEST_12, 'index.html': 'x', [name]: 'evil' })),
    );
    expect(err.reason).toBe(`contains an unsafe path: ${shown}`);
  });

  it('refuses too many entries', async () => {
    const files: Record<string, string> = { 'imsmanifest.xml': MANIFEST_12, 'index.html': 'x' };
    for (let i = 0; i < 20; i++) files[`f${i}.txt`] = String(i);
    const err = await rejection(
      unpackScormZip(await zipOf(files), { zipBytes: 1e6, entries: 10, unpackedBytes: 1e6 }),
    );
    expect(err.reason).toBe('has more than 10 files');
  });

  it('refuses more bytes once unpacked than allowed (a small zip of zeros)', async () => {
    const zip = await zipOf({
      'imsmanifest.xml': MANIFEST_12,
      'index.html': 'x',
      'zeros.bin': Buffer.alloc(2 * 1024 * 1024),
    });
    expect(zip.length).toBeLessThan(20_000);
    const err = await rejection(
      unpackScormZip(zip, { zipBytes: 1e6, entries: 10, unpackedBytes: 1024 * 1024 }),
    );
    expect(err.reason).toBe('is larger than 1 MB once unpacked');
  });

  it('refuses a zip bomb whose headers lie about the unpacked size', async () => {
    const zip = await zipOf({
      'imsmanifest.xml': MANIFEST_12,
      'index.html': 'x',
      'zeros.bin': Buffer.alloc(4 * 1024 * 1024),
    });
    // Rewrite the declared uncompressed size of zeros.bin in the central directory to 10 bytes.
    const lying = Buffer.from(zip);
    for (let i = lying.length - 22; i >= 0; i--) {
      if (lying.readUInt32LE(i) === 0x02014b50) {
        const nameLength = lying.readUInt16LE(i + 28);
        if (lying.toString('utf8', i + 46, i + 46 + nameLength) === 'zeros.bin')
          lying.writeUInt32LE(10, i + 24);
      }
    }
    const err = await rejection(
      unpackScormZip(lying, { zipBytes: 1e6, entries: 10, unpackedBytes: 1024 * 1024 }),
    );
    expect(err.reason).toMatch(/once unpacked|damaged/);
  });

  it('refuses a symbolic link entry', async () => {
    const zip = new JSZip();
    zip.file('imsmanifest.xml', MANIFEST_12);
    zip.file('index.html', '/etc/passwd', { unixPermissions: 0o120777 });
    const buf = await zip.generateAsync({ type: 'nodebuffer', platform: 'UNIX' });
    expect((await rejection(unpackScormZip(buf))).reason).toBe('contains a symbolic link: index.html');
  });

  it('refuses the same file twice', async () => {
    const zip = await zipOf({ 'imsmanifest.xml': MANIFEST_12, 'index.html': 'x', 'INDEX.html': 'y' });
    expect((await rejection(unpackScormZip(zip))).reason).toBe('contains the same file twice: INDEX.html');
  });

  it('accepts an empty zip signature as a zip (then finds no manifest)', async () => {
    const empty = Buffer.alloc(22);
    empty.writeUInt32LE(0x06054b50, 0);
    expect((await rejection(unpackScormZip(empty))).reason).toBe('has no imsmanifest.xml at its root');
  });

  it('sanity: deflate of zeros is tiny (why bytes are counted when inflated)', () => {
    expect(deflateRawSync(Buffer.alloc(1024 * 1024)).length).toBeLessThan(2000);
  });
});

describe('normaliseEntryPath', () => {
  it.each([
    ['index.html', 'index.html'],
    ['./a/./b.js', 'a/b.js'],
    ['a//b.js', 'a/b.js'],
    ['ملف/درس.html', 'ملف/درس.html'],
  ])('keeps %j as %j', (input, output) => expect(normaliseEntryPath(input)).toBe(output));
  it.each(['', '..', 'a/../b', '/abs', 'c:/x', 'a\\b', 'a\u0000b', 'a\nb', './', 'a/C:/b'])(
    'refuses %j',
    (input) => expect(normaliseEntryPath(input)).toBeNull(),
  );
});

describe('looksLikeZip', () => {
  it('knows the zip signatures', () => {
    expect(looksLikeZip(Buffer.from('PK\u0003\u0004rest'))).toBe(true);
    expect(looksLikeZip(Buffer.from('PK\u0005\u0006'))).toBe(true);
    expect(looksLikeZip(Buffer.from('PK'))).toBe(false);
    expect(looksLikeZip(Buffer.from('%PDF'))).toBe(false);
  });
});
