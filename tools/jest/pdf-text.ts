/** Test helper (unit specs of PDF renderers): the text pdfkit wrote, segment by segment. */
/**
 * A tiny text extractor for pdfkit's uncompressed output: maps each font's glyph ids back to
 * characters through its ToUnicode CMap and decodes every TJ. Glyphs come out in visual order
 * (so Arabic reads reversed), which is enough to find codes, URLs and Latin text.
 */
export function extractPdfText(pdf: Buffer): string[] {
  const src = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of src.matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) objects.set(m[1], m[2]);
  const streamOf = (body: string) =>
    body.slice(body.indexOf('stream\n') + 7, body.lastIndexOf('\nendstream'));
  const utf8 = (latin1: string) => Buffer.from(latin1, 'latin1').toString('utf8');

  const cmaps = new Map<string, Map<number, string>>(); // font resource name → gid → text
  for (const body of objects.values()) {
    const fonts = body.match(/\/Font <<([^>]*)>>/);
    if (!fonts) continue;
    for (const [, name, ref] of fonts[1].matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const toUnicode = objects.get(ref)?.match(/\/ToUnicode (\d+) 0 R/);
      if (!toUnicode) continue;
      const cmap = new Map<number, string>();
      const text = streamOf(objects.get(toUnicode[1]) ?? '');
      for (const [, start, list] of text.matchAll(/<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/g)) {
        [...list.matchAll(/<([0-9a-f ]+)>/g)].forEach(([, hex], i) => {
          const units = hex.split(' ').map((h) => parseInt(h, 16));
          cmap.set(parseInt(start, 16) + i, String.fromCharCode(...units));
        });
      }
      cmaps.set(name, cmap);
    }
  }

  const segments: string[] = [];
  for (const body of objects.values()) {
    if (!body.includes(' TJ')) continue;
    let font: Map<number, string> | undefined;
    for (const line of utf8(streamOf(body)).split('\n')) {
      const tf = line.match(/^\/(\w+) [\d.]+ Tf$/);
      if (tf) font = cmaps.get(tf[1]);
      const tj = line.match(/^\[(.*)\] TJ$/);
      if (tj && font) {
        const hex = [...tj[1].matchAll(/<([0-9a-f]+)>/g)].map((m) => m[1]).join('');
        let text = '';
        for (let i = 0; i < hex.length; i += 4) text += font.get(parseInt(hex.slice(i, i + 4), 16)) ?? '?';
        segments.push(text);
      }
    }
  }
  return segments;
}
