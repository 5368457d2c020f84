import { COVER_TYPES, FILE_LESSON_TYPES, UPLOAD_LIMITS } from '@pratique/contracts';
import JSZip from 'jszip';
import { checkUpload, describeAllowedTypes, sanitizeFilename, sniffTypes, UploadError } from './file-check';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ODT = 'application/vnd.oasis.opendocument.text';
const ODP = 'application/vnd.oasis.opendocument.presentation';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n');
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1,
]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]);
const WEBP = Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00', 'latin1');
const MP4 = Buffer.from(
  '\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41\x00\x00\x00\x08free',
  'latin1',
);
const WEBM = Buffer.from([
  0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42,
  0xf3, 0x81, 0x08, 0x42, 0x82, 0x84, 0x77, 0x65, 0x62, 0x6d, 0x42, 0x87, 0x81, 0x04,
]);
const MKV = Buffer.from([
  0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42,
  0xf3, 0x81, 0x08, 0x42, 0x82, 0x88, 0x6d, 0x61, 0x74, 0x72, 0x6f, 0x73, 0x6b, 0x61,
]);
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1');

async function docx(kind: 'word' | 'ppt' | 'xl' = 'word'): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file('_rels/.rels', '<Relationships/>');
  zip.file(`${kind}/document.xml`, '<doc/>');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function odf(type: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('mimetype', type, { compression: 'STORE' });
  zip.file('content.xml', '<office:document-content/>');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function plainZip(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('evil.html', '<script>alert(1)</script>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

function reasonOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UploadError);
    expect((err as UploadError).field).toBe('file');
    return (err as UploadError).reason;
  }
  throw new Error('expected an UploadError');
}

const MAX = UPLOAD_LIMITS.fileBytes;
const check = (
  filename: string,
  declaredType: string,
  data: Buffer,
  allowed: readonly string[] = FILE_LESSON_TYPES,
) => checkUpload({ filename, declaredType, data }, allowed, MAX);

describe('checkUpload — sizes', () => {
  it('refuses an empty file', () => {
    expect(reasonOf(() => check('a.pdf', 'application/pdf', Buffer.alloc(0)))).toBe('is empty');
  });

  it('refuses a file over the limit, naming the limit in MB', () => {
    const big = Buffer.concat([PDF, Buffer.alloc(MAX)]);
    expect(reasonOf(() => check('a.pdf', 'application/pdf', big))).toBe('is larger than 20 MB');
    expect(
      reasonOf(() =>
        checkUpload(
          { filename: 'c.png', declaredType: 'image/png', data: Buffer.concat([PNG, Buffer.alloc(3e6)]) },
          COVER_TYPES,
          UPLOAD_LIMITS.coverBytes,
        ),
      ),
    ).toBe('is larger than 2 MB');
  });

  it('accepts exactly the limit', () => {
    const exact = Buffer.concat([PDF, Buffer.alloc(MAX - PDF.length)]);
    expect(check('a.pdf', 'application/pdf', exact).contentType).toBe('application/pdf');
  });
});

describe('checkUpload — types from the bytes', () => {
  it.each([
    ['rapport.pdf', 'application/pdf', PDF, 'application/pdf'],
    ['cours.mp4', 'video/mp4', MP4, 'video/mp4'],
    ['cours.webm', 'video/webm', WEBM, 'video/webm'],
  ])('accepts %s', (filename, declared, data, type) => {
    expect(check(filename, declared, data)).toEqual({ contentType: type, filename });
  });

  it.each([
    ['cover.png', PNG, 'image/png'],
    ['cover.jpg', JPEG, 'image/jpeg'],
    ['cover.webp', WEBP, 'image/webp'],
  ])('accepts the cover %s', (filename, data, type) => {
    expect(
      checkUpload(
        { filename, declaredType: 'application/octet-stream', data },
        COVER_TYPES,
        UPLOAD_LIMITS.coverBytes,
      ),
    ).toEqual({
      contentType: type,
      filename,
    });
  });

  it('trusts the bytes, not the declared type', () => {
    expect(check('rapport.pdf', 'application/octet-stream', PDF).contentType).toBe('application/pdf');
    expect(reasonOf(() => check('rapport.pdf', 'application/pdf', HTML))).toBe(
      'is a text/html file; allowed: PDF, PowerPoint, Word, Excel, OpenDocument text, OpenDocument presentation, OpenDocument spreadsheet, MP4 video, WebM video',
    );
  });

  it('refuses an executable, a Matroska video and plain text with a clear reason', () => {
    expect(reasonOf(() => check('setup.pdf', 'application/pdf', EXE))).toMatch(
      /^is (a|an) .* file; allowed: PDF/,
    );
    expect(reasonOf(() => check('film.webm', 'video/webm', MKV))).toMatch(
      /^is a video\/x-matroska file; allowed:/,
    );
    expect(reasonOf(() => check('notes.pdf', 'application/pdf', Buffer.from('just some notes')))).toMatch(
      /^is a text\/plain file;/,
    );
    expect(
      reasonOf(() => check('x.pdf', 'application/pdf', Buffer.from([0x13, 0x37, 0xde, 0xad, 0x01]))),
    ).toMatch(/^is a file of unknown type; allowed:/);
  });

  it('refuses an SVG cover (scripts can hide in it)', () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
    expect(
      reasonOf(() =>
        checkUpload({ filename: 'c.svg', declaredType: 'image/svg+xml', data: svg }, COVER_TYPES, 1e6),
      ),
    ).toBe('is an image/svg+xml file; allowed: PNG, JPEG, WebP');
  });

  it('makes the extension agree with the real type', () => {
    expect(check('rapport.html', 'text/html', PDF)).toEqual({
      contentType: 'application/pdf',
      filename: 'rapport.pdf',
    });
    expect(check('rapport', 'application/pdf', PDF).filename).toBe('rapport.pdf');
    expect(check('v1.2 final', 'application/pdf', PDF).filename).toBe('v1.2 final.pdf');
  });
});

describe('checkUpload — office documents are zips', () => {
  it.each([
    ['plan.docx', DOCX, 'word'],
    ['slides.pptx', PPTX, 'ppt'],
    ['budget.xlsx', XLSX, 'xl'],
  ] as const)('accepts %s', async (filename, type, kind) => {
    expect(check(filename, type, await docx(kind))).toEqual({ contentType: type, filename });
  });

  it('accepts an OOXML file declared as octet-stream when the extension names it', async () => {
    expect(check('slides.pptx', 'application/octet-stream', await docx('ppt')).contentType).toBe(PPTX);
  });

  it.each([
    ['texte.odt', ODT],
    ['diapos.odp', ODP],
  ])('accepts the OpenDocument %s', async (filename, type) => {
    expect(check(filename, 'application/octet-stream', await odf(type))).toEqual({
      contentType: type,
      filename,
    });
  });

  it('refuses a zip whose extension disagrees with the declared office type', async () => {
    expect(reasonOf(() => check('evil.zip', DOCX, Buffer.alloc(0)))).toBe('is empty');
    const zip = await docx('word');
    expect(reasonOf(() => check('evil.html', DOCX, zip))).toBe(
      'is named .html but is declared as Word (.docx)',
    );
  });

  it('refuses a plain zip dressed up as a Word document', async () => {
    const zip = await plainZip();
    expect(reasonOf(() => check('plan.docx', DOCX, zip))).toBe('is a zip archive, not a Word document');
    expect(reasonOf(() => check('plan.zip', 'application/zip', zip))).toMatch(
      /^is an application\/zip file; allowed: PDF/,
    );
  });

  it('refuses a pptx posing as a docx (wrong part folder)', async () => {
    const pptx = await docx('ppt');
    expect(reasonOf(() => check('plan.docx', DOCX, pptx))).toBe('is a zip archive, not a Word document');
  });
});

describe('sanitizeFilename', () => {
  it.each([
    ['rapport.pdf', 'rapport.pdf'],
    ['C:\\Users\\amina\\Desktop\\rapport.pdf', 'rapport.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['/var/www/index.html', 'index.html'],
    ['تقرير المساءلة.pdf', 'تقرير المساءلة.pdf'],
    ['Réunion été 2024.docx', 'Réunion été 2024.docx'],
    ['a\u0000b\u0007c.pdf', 'abc.pdf'],
    ['line\nbreak.pdf', 'line break.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['نص\u200Cمع.pdf', 'نص\u200Cمع.pdf'],
    ['a<b>c:d"e|f?g*h.pdf', 'a_b_c_d_e_f_g_h.pdf'],
    ['  ..hidden.pdf.  ', 'hidden.pdf'],
    ['CON.pdf', '_CON.pdf'],
    ['', 'fichier'],
    ['...', 'fichier'],
    ['e\u0301te.pdf', 'éte.pdf'],
  ])('%j → %j', (input, output) => expect(sanitizeFilename(input)).toBe(output));

  it('limits the name to 200 characters, keeping the extension', () => {
    const long = 'م'.repeat(300) + '.pdf';
    const out = sanitizeFilename(long);
    expect(Array.from(out)).toHaveLength(200);
    expect(out.endsWith('.pdf')).toBe(true);
    expect(Array.from(sanitizeFilename('x'.repeat(500)))).toHaveLength(200);
  });

  it('does not split an emoji when cutting', () => {
    const out = sanitizeFilename('😀'.repeat(250) + '.pdf');
    expect(out).toBe('😀'.repeat(196) + '.pdf');
  });
});

describe('sniffTypes / describeAllowedTypes', () => {
  it('tells PDF, PNG, WebM, HTML apart', () => {
    expect(sniffTypes(PDF)[0]).toBe('application/pdf');
    expect(sniffTypes(PNG)[0]).toBe('image/png');
    expect(sniffTypes(WEBM)).toContain('video/webm');
    expect(sniffTypes(HTML)).toEqual(['text/html']);
  });
  it('labels allowed types for people', () => {
    expect(describeAllowedTypes(COVER_TYPES)).toBe('PNG, JPEG, WebP');
  });
});
