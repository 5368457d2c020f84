/**
 * Security rule: the web app never marks a value as trusted for Angular's sanitizer. Frames get
 * their address through `FrameSrcDirective` after a URL check; HTML is sanitised as bound.
 * This scans the web sources (libs/web, apps/web/src) for the DomSanitizer escape hatches.
 */
import { readFileSync, readdirSync, statSync } from 'fs';
import { join, relative } from 'path';

const ROOT = join(__dirname, '../../../../..');
/** Spelled in two parts so that this file does not match itself. */
const NEEDLE = 'bypass' + 'SecurityTrust';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|html|js|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

describe('no sanitizer bypass in the web app', () => {
  it(`has no ${NEEDLE}* call in libs/web or apps/web/src`, () => {
    const files = [...sources(join(ROOT, 'libs/web')), ...sources(join(ROOT, 'apps/web/src'))];
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, i }))
        .filter(({ line }) => line.includes(NEEDLE))
        .map(({ i, line }) => `${relative(ROOT, file)}:${i + 1}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
