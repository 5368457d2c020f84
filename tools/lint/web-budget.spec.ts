/**
 * The weight of a member's first visit, read from the production build (`npx nx build web`, which
 * `npm test` runs before jest): the initial JavaScript (index.html's module script and
 * modulepreloads, and what they import) plus the chunks the member's home loads, gzipped as a
 * server would (level 9), stay within 200 KiB; and the feature routes of app.routes.ts are lazy.
 *
 * The chunk graph comes from the build's `stats.json` (esbuild's metafile, `statsJson` in
 * apps/web/project.json): which output holds which source file, and what each output imports.
 * Angular's own budget (apps/web/project.json) bounds the initial chunks' raw bytes at build time;
 * this test measures what travels, home included. The numbers are printed on every run.
 */
import { existsSync, readFileSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import * as ts from 'typescript';
import { gzipSync } from 'zlib';

const ROOT = join(__dirname, '../..');
const BROWSER = join(ROOT, 'dist/apps/web/browser');
const STATS = join(ROOT, 'dist/apps/web/stats.json');
const ROUTES = join(ROOT, 'apps/web/src/app/app.routes.ts');

/** The goal: initial JavaScript plus the member's home, gzipped. */
const BUDGET_GZIP_BYTES = 200 * 1024;
/** The home library's entry, which holds the member's home (loaded lazily by the `/` shell). */
const MEMBER_HOME_ENTRY = 'libs/web/home/src/index.ts';
/** The member's home component: it must be in that entry's chunk. */
const MEMBER_HOME_COMPONENT = 'libs/web/home/src/lib/member-home.component.ts';
/** Chunks the home library may load that a member never does (the other persons' homes, with their charts). */
const OTHER_HOMES = /libs\/web\/home\/src\/lib\/(animator|staff)-home\.component\.ts$/;
/** A route may render a component of the shell eagerly only if it is this small (minified). */
const EAGER_COMPONENT_MAX_BYTES = 4 * 1024;

interface Metafile {
  inputs: Record<string, unknown>;
  outputs: Record<
    string,
    {
      bytes: number;
      entryPoint?: string;
      imports: { path: string; kind: string }[];
      inputs: Record<string, { bytesInOutput: number }>;
    }
  >;
}

const REBUILD = 'run `npx nx build web` (production; `npm test` builds it first)';

function readBuild(): { html: string; stats: Metafile } {
  const index = join(BROWSER, 'index.html');
  if (!existsSync(index))
    throw new Error(`No production build of the web app (${relative(ROOT, index)} is missing): ${REBUILD}.`);
  if (!existsSync(STATS))
    throw new Error(
      `${relative(ROOT, STATS)} is missing (the production configuration writes it, \`statsJson: true\`): ${REBUILD}.`,
    );
  const stats = JSON.parse(readFileSync(STATS, 'utf8')) as Metafile;
  // esbuild names outputs relative to the output root; Angular writes the browser files under browser/.
  stats.outputs = Object.fromEntries(
    Object.entries(stats.outputs).map(([k, v]) => [k.replace(/^browser\//, ''), v]),
  );
  return { html: readFileSync(index, 'utf8'), stats };
}

/** index.html's `<script type="module" src>` and `<link rel="modulepreload" href>`. */
function initialScripts(html: string): string[] {
  const files = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) files.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(m[0]);
    if (href) files.add(href[1]);
  }
  return [...files].map((f) => f.replace(/^\.?\//, ''));
}

/** `start` and everything it imports statically (`import … from`), transitively. */
function staticClosure(stats: Metafile, start: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...start];
  for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
    if (seen.has(file)) continue;
    const out = stats.outputs[file];
    if (!out)
      throw new Error(`stats.json does not describe ${file} (a build older than index.html?): ${REBUILD}.`);
    seen.add(file);
    for (const i of out.imports) if (i.kind === 'import-statement') todo.push(i.path);
  }
  return seen;
}

const gzipped = (file: string) => gzipSync(readFileSync(join(BROWSER, file)), { level: 9 }).length;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

describe('web budget (production build in dist/apps/web)', () => {
  it('initial JavaScript + the member home, gzipped, ≤ 200 KiB', () => {
    const { html, stats } = readBuild();
    const initial = staticClosure(stats, initialScripts(html));
    expect(initial.size).toBeGreaterThan(0);

    const homeEntry = Object.entries(stats.outputs).find(([, o]) => o.entryPoint === MEMBER_HOME_ENTRY)?.[0];
    if (!homeEntry)
      throw new Error(
        `No lazy chunk has ${MEMBER_HOME_ENTRY} as its entry point: the member's home must be loaded lazily ` +
          `(import('@pratique/web/home')). If it moved, update MEMBER_HOME_ENTRY in ${relative(ROOT, __filename)}.`,
      );
    expect(initial.has(homeEntry)).toBe(false);
    expect(Object.keys(stats.outputs[homeEntry].inputs)).toContain(MEMBER_HOME_COMPONENT);
    // The home's chunk, what it imports, and the lazy parts it asks for as it is created
    // (« Pour vous », the notification sentence) — not the animator's and staff's homes.
    const asked = stats.outputs[homeEntry].imports
      .filter((i) => i.kind === 'dynamic-import')
      .map((i) => i.path)
      .filter((path) => !OTHER_HOMES.test(stats.outputs[path]?.entryPoint ?? ''));
    const home = [...staticClosure(stats, [homeEntry, ...asked])].filter((f) => !initial.has(f));

    const rows = [
      ...[...initial].map((file) => ({ file, part: 'initial' })),
      ...home.map((file) => ({ file, part: 'member home' })),
    ].map(({ file, part }) => {
      const o = stats.outputs[file];
      const what =
        o.entryPoint ??
        Object.keys(o.inputs).sort((a, b) => o.inputs[b].bytesInOutput - o.inputs[a].bytesInOutput)[0] ??
        '';
      return { file, part, raw: o.bytes, gzip: gzipped(file), what };
    });
    const sum = (part: string, key: 'raw' | 'gzip') =>
      rows.filter((r) => part === 'all' || r.part === part).reduce((s, r) => s + r[key], 0);
    const total = sum('all', 'gzip');
    console.log(
      [
        `Web budget: initial JS + member home = ${kib(total)} gzipped (level 9) of ${kib(BUDGET_GZIP_BYTES)}`,
        `  initial:     ${kib(sum('initial', 'raw'))} raw, ${kib(sum('initial', 'gzip'))} gzipped ` +
          `(raw/gzip ${(sum('initial', 'raw') / sum('initial', 'gzip')).toFixed(2)})`,
        `  member home: ${kib(sum('member home', 'raw'))} raw, ${kib(sum('member home', 'gzip'))} gzipped`,
        ...rows.map(
          (r) =>
            `    ${r.part.padEnd(11)} ${r.file.padEnd(20)} ${kib(r.raw).padStart(10)} ${kib(r.gzip).padStart(10)}  ${r.what}`,
        ),
      ].join('\n'),
    );
    expect(total).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it('every feature route of app.routes.ts is lazy (only tiny shell pages are eager)', () => {
    const { stats } = readBuild();
    const source = ts.createSourceFile(ROUTES, readFileSync(ROUTES, 'utf8'), ts.ScriptTarget.Latest, true);
    const importedFrom = new Map<string, string>();
    for (const s of source.statements)
      if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier))
        for (const el of s.importClause?.namedBindings && ts.isNamedImports(s.importClause.namedBindings)
          ? s.importClause.namedBindings.elements
          : [])
          importedFrom.set(el.name.text, s.moduleSpecifier.text);

    const lazy: string[] = [];
    const eager: { path: string; component: string; file: string; bytes: number }[] = [];
    const problems: string[] = [];
    const visit = (routes: ts.ArrayLiteralExpression, prefix: string) => {
      for (const el of routes.elements) {
        if (!ts.isObjectLiteralExpression(el)) {
          problems.push(`a route that is not an object literal: ${el.getText()}`);
          continue;
        }
        const prop = (name: string) =>
          el.properties.find(
            (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === name,
          )?.initializer;
        const pathNode = prop('path');
        const path = prefix + (pathNode && ts.isStringLiteral(pathNode) ? pathNode.text : '?');
        const component = prop('component');
        const children = prop('children');
        if (prop('loadComponent') || prop('loadChildren')) lazy.push(path || "''");
        if (component) {
          const name = component.getText();
          const from = importedFrom.get(name);
          if (!from?.startsWith('.')) {
            problems.push(
              `'${path}' renders ${name} from ${from ?? 'this file'} eagerly: use loadComponent/loadChildren`,
            );
            continue;
          }
          const file = relative(ROOT, resolve(dirname(ROUTES), `${from}.ts`));
          const bytes = Object.values(stats.outputs).reduce(
            (s, o) => s + (o.inputs[file]?.bytesInOutput ?? 0),
            0,
          );
          eager.push({ path: path || "''", component: name, file, bytes });
          if (bytes > EAGER_COMPONENT_MAX_BYTES)
            problems.push(
              `'${path}' renders ${name} eagerly and ${file} weighs ${bytes} bytes minified ` +
                `(> ${EAGER_COMPONENT_MAX_BYTES}): move it to a feature library behind loadComponent/loadChildren`,
            );
        }
        if (children && ts.isArrayLiteralExpression(children)) visit(children, path ? `${path}/` : '');
      }
    };
    let found = false;
    source.forEachChild(function find(node) {
      if (
        ts.isVariableDeclaration(node) &&
        node.name.getText() === 'appRoutes' &&
        node.initializer &&
        ts.isArrayLiteralExpression(node.initializer)
      ) {
        found = true;
        visit(node.initializer, '');
      }
      node.forEachChild(find);
    });
    if (!found)
      throw new Error(
        `${relative(ROOT, ROUTES)} has no \`appRoutes\` array literal any more: update this test`,
      );

    // Nothing of a feature library's pages or components may land in the initial chunks.
    const { html } = readBuild();
    for (const file of staticClosure(stats, initialScripts(html)))
      for (const input of Object.keys(stats.outputs[file].inputs))
        if (/^libs\/web\/(?!core\/)[^/]+\/.*\.(page|component)\.ts$/.test(input))
          problems.push(
            `${input} is in the initial chunk ${file}: a feature's page or component is imported eagerly`,
          );

    console.log(
      `Routes: ${lazy.length} lazy; eager (shell pages ≤ ${EAGER_COMPONENT_MAX_BYTES} bytes): ` +
        eager.map((e) => `${e.path} → ${e.component} (${e.file}, ${e.bytes} bytes)`).join('; '),
    );
    expect(problems).toEqual([]);
    expect(lazy.length).toBeGreaterThan(0);
  });
});
