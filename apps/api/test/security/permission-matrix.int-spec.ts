/**
 * Walks the running app's router (Express 5: `app.router.stack`): every route must have a row
 * in MATRIX (permission-matrix.ts) and every row a route; then every row is requested as each of
 * the eight actors, with real ids and a valid body, and the status must be the row's outcome.
 */
import request from 'supertest';
import { ACTORS, makeMatrixWorld, MatrixWorld } from './matrix-world';
import { GLOBAL_MIDDLEWARE, MATRIX, MatrixRequest, NOT_ROUTES, outcomes } from './permission-matrix';

jest.setTimeout(600_000);

interface RouterLayer {
  name: string;
  rawPath?: string | string[];
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every entry of the router: `METHOD /path` for routes, `USE /path` for mounted sub-apps. */
function routerEntries(w: MatrixWorld): { routes: string[]; unknownMiddleware: string[] } {
  const stack: RouterLayer[] = w.t.app.getHttpAdapter().getInstance().router.stack;
  const routes = new Set<string>();
  const unknownMiddleware: string[] = [];
  for (const layer of stack) {
    if (layer.route) {
      const methods = Object.keys(layer.route.methods).filter((m) => layer.route!.methods[m]);
      // Middleware Nest registers for every method (the `all` of a route) is one entry.
      if (methods.includes('_all') || methods.length > 20) routes.add(`ALL ${layer.route.path}`);
      else for (const m of methods) routes.add(`${m.toUpperCase()} ${layer.route.path}`);
    } else {
      const path = Array.isArray(layer.rawPath) ? layer.rawPath.join(',') : (layer.rawPath ?? '/');
      if (path !== '/') routes.add(`USE ${path}`);
      else if (!GLOBAL_MIDDLEWARE.includes(layer.name)) unknownMiddleware.push(layer.name);
    }
  }
  return { routes: [...routes], unknownMiddleware };
}

/** The URL of a row: its path with the builder's params (a `*path` keeps its slashes). */
function urlOf(path: string, req: MatrixRequest): string {
  return path.replace(/([:*])([A-Za-z_][A-Za-z0-9_]*)/g, (_m, kind: string, name: string) => {
    const value = req.params?.[name];
    if (value === undefined) throw new Error(`no value for ${kind}${name} in ${path}`);
    return kind === '*' ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);
  });
}

const ROWS = Object.keys(MATRIX).length;

describe('permission matrix', () => {
  let w: MatrixWorld;

  beforeAll(async () => {
    w = await makeMatrixWorld();
  });
  afterAll(() => w?.t.close());

  it('has a row for every route of the router, and a route for every row', () => {
    const { routes, unknownMiddleware } = routerEntries(w);
    const endpoints = routes.filter((r) => !(r in NOT_ROUTES));
    expect({ withoutRow: endpoints.filter((r) => !(r in MATRIX)).sort(), withoutRoute: Object.keys(MATRIX).filter((r) => !endpoints.includes(r)).sort() }).toEqual({
      withoutRow: [],
      withoutRoute: [],
    });
    expect(Object.keys(NOT_ROUTES).filter((r) => !routes.includes(r))).toEqual([]);
    // A new global middleware could hide routes (a router mounted at "/"): name it in GLOBAL_MIDDLEWARE once checked.
    expect(unknownMiddleware).toEqual([]);
    for (const [key, row] of Object.entries(MATRIX)) expect([key, outcomes(row).length]).toEqual([key, ACTORS.length]);
  });

  it(`gives each of the ${ROWS} routes × ${ACTORS.length} actors the outcome of its row`, async () => {
    const server = w.t.app.getHttpServer();
    const mismatches: string[] = [];
    let requests = 0;
    for (const [key, row] of Object.entries(MATRIX)) {
      const [method, path] = key.split(' ');
      const expected = outcomes(row);
      for (const [i, actor] of ACTORS.entries()) {
        const me = actor === 'anonymous' ? null : w.users[actor];
        const req = (await row.build?.({ w, actor, me })) ?? {};
        const verb = method === 'USE' ? 'get' : (method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete');
        const url = method === 'USE' ? req.path! : urlOf(path, req);
        let r = request(server)[verb](url).set('Accept', 'application/json');
        const cookie = 'cookie' in req ? req.cookie : w.cookies[actor];
        if (cookie) r = r.set('Cookie', cookie);
        if (req.query) r = r.query(req.query);
        if (req.upload) r = r.attach('file', req.upload.data, { filename: req.upload.filename, contentType: req.upload.contentType });
        else if (req.body) r = r.send(req.body);
        const res = await r;
        requests++;
        const want = expected[i];
        const got = res.status;
        const matches = want === 'ok' ? got >= 200 && got < 400 : got === want;
        if (!matches) mismatches.push(`${key} as ${actor}: expected ${want}, got ${got} ${JSON.stringify(res.body?.message ?? '').slice(0, 160)}`);
      }
    }
    console.log(`permission matrix: ${ROWS} routes × ${ACTORS.length} actors = ${requests} requests, ${mismatches.length} mismatches`);
    expect(mismatches).toEqual([]);
  });
});
