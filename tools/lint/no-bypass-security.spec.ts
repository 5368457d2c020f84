/**
 * The web code cannot switch Angular's sanitiser off: the workspace ESLint config (run over the
 * whole tree by module-boundaries.spec.ts) refuses `bypassSecurityTrust*`, `innerHTML`/`outerHTML`
 * assignments, `insertAdjacentHTML` and `document.write` in web files. This spec lints samples
 * as if they were web files and checks each is refused, and that the same code on the server side
 * and ordinary web code are not; then it reads every web source file for the words themselves, so
 * a rule that stopped matching would still be caught.
 */
import { execFileSync } from 'child_process';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '../..');
const WEB_FILE = join(root, 'libs/web/core/src/lib/__lint-sample__.ts');
const API_FILE = join(root, 'libs/api/platform/src/__lint-sample__.ts');

const refused: Record<string, string> = {
  bypassHtml: `export const f = (s: { bypassSecurityTrustHtml(v: string): unknown }) => s.bypassSecurityTrustHtml('<b>x</b>');`,
  bypassUrl: `export const f = (s: any) => s.bypassSecurityTrustResourceUrl('javascript:alert(1)');`,
  innerHtml: `export const f = (el: HTMLElement, html: string) => { el.innerHTML = html; };`,
  outerHtml: `export const f = (el: HTMLElement, html: string) => { el.outerHTML = html; };`,
  insertAdjacent: `export const f = (el: HTMLElement, html: string) => el.insertAdjacentHTML('beforeend', html);`,
  documentWrite: `export const f = (html: string) => document.write(html);`,
};

/** The workspace's own ESLint CLI and config on `code` as if it were `filePath` (nothing is written). */
async function restrictedSyntaxMessages(code: string, filePath: string): Promise<string[]> {
  let output: string;
  try {
    output = execFileSync(
      process.execPath,
      [join(root, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', filePath],
      { cwd: root, input: code, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' }, stdio: ['pipe', 'pipe', 'ignore'] },
    );
  } catch (err) {
    output = (err as { stdout: string }).stdout; // exit code 1 when it finds errors
  }
  // The Nx plugin may print a warning line before the JSON when no project graph is cached.
  const [result] = JSON.parse(output.slice(output.indexOf('[{'))) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

function webSources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) webSources(path, out);
    else if (/\.(ts|html)$/.test(name) && !/\.spec\.ts$/.test(name)) out.push(path);
  }
  return out;
}

describe('no way around Angular sanitising in the web code', () => {
  it.each(Object.entries(refused))('refuses %s in a web file', async (_name, code) => {
    const messages = await restrictedSyntaxMessages(code, WEB_FILE);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/sanitising/);
  }, 60_000);

  it('leaves safe web code and server code alone', async () => {
    expect(await restrictedSyntaxMessages(`export const f = (el: HTMLElement, t: string) => { el.textContent = t; };`, WEB_FILE)).toEqual([]);
    expect(await restrictedSyntaxMessages(refused['innerHtml'], API_FILE)).toEqual([]);
  }, 60_000);

  it('finds none of them in the web sources', () => {
    const files = [...webSources(join(root, 'apps/web/src')), ...webSources(join(root, 'libs/web'))];
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${f.replace(root, '')}:${i + 1}` }))
        .filter(({ line }) => /bypassSecurityTrust|\.(inner|outer)HTML\s*=[^=]|insertAdjacentHTML|document\.write/.test(line))
        .map(({ at }) => at),
    );
    expect(found).toEqual([]);
  });
});
