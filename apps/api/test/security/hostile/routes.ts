/**
 * Every API route of the running app, read from the Express router (so a new route is fuzzed
 * without touching the tests), and what each one reads: path params, a query DTO or named query
 * values, a body DTO, an uploaded file — taken from the Nest metadata of its controller method.
 *
 * Left out: the OpenAPI pages under /api/docs (served by @nestjs/swagger, they read nothing) and
 * the bull-board queue dashboard, a middleware mounted for all methods (not a Nest route).
 */
import { INestApplication, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { API_PREFIX } from '@pratique/contracts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ApiRoute {
  method: HttpMethod;
  /** Express path, e.g. `/api/threads/:id` or `/api/scorm/:packageId/files/*path`. */
  path: string;
  /** `GET /api/threads/:id` */
  key: string;
  /** Path parameter names in order (`*path` is named `path`). */
  params: string[];
  /** The class of the `@Body()` argument, when the route reads one. */
  body?: Type<unknown>;
  /** The class of a whole `@Query()` argument. */
  query?: Type<unknown>;
  /** Names read with `@Query('name')`. */
  namedQuery: string[];
  /** Reads an uploaded file (`@UploadedFile()`). */
  file: boolean;
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

const IGNORED = [new RegExp(`^/${API_PREFIX}/docs`)];

/** Routes as the Express router holds them: `{ method, path }` for every single-method route under /api. */
export function listRouterRoutes(app: INestApplication): { method: HttpMethod; path: string }[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: ExpressLayer[] }; _router?: { stack: ExpressLayer[] } };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const routes: { method: HttpMethod; path: string }[] = [];
  for (const layer of stack) {
    if (!layer.route) continue;
    const methods = Object.keys(layer.route.methods).filter((m) => layer.route!.methods[m]);
    if (methods.length !== 1) continue; // middleware mounted with `all` (the queue dashboard)
    const path = layer.route.path;
    if (!path.startsWith(`/${API_PREFIX}/`) || IGNORED.some((re) => re.test(path))) continue;
    routes.push({ method: methods[0] as HttpMethod, path });
  }
  return routes;
}

const METHODS: Partial<Record<RequestMethod, HttpMethod>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
};

interface RouteArgs {
  body?: Type<unknown>;
  query?: Type<unknown>;
  namedQuery: string[];
  file: boolean;
}

function joinPath(...parts: string[]): string {
  return '/' + parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/');
}

/** `METHOD path` → what the controller method reads, from every controller of every module. */
function nestRouteArgs(app: INestApplication): Map<string, RouteArgs> {
  const found = new Map<string, RouteArgs>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) continue;
      const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (!method || paths === undefined) continue;
        const types: Type<unknown>[] = Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? [];
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { index: number; data?: unknown }>;
        const info: RouteArgs = { namedQuery: [], file: false };
        for (const [key, arg] of Object.entries(args)) {
          const kind = Number(key.split(':')[0]);
          if (kind === RouteParamtypes.BODY && arg.data === undefined) info.body = types[arg.index];
          if (kind === RouteParamtypes.QUERY && arg.data === undefined) info.query = types[arg.index];
          if (kind === RouteParamtypes.QUERY && typeof arg.data === 'string') info.namedQuery.push(arg.data);
          if (kind === RouteParamtypes.FILE || kind === RouteParamtypes.FILES) info.file = true;
        }
        for (const b of base) for (const p of ([] as string[]).concat(paths)) found.set(`${method.toUpperCase()} ${joinPath(API_PREFIX, b, p)}`, info);
      }
    }
  }
  return found;
}

/** Every API route with what it reads. Throws if the router holds a route no controller declares. */
export function describeApiRoutes(app: INestApplication): ApiRoute[] {
  const args = nestRouteArgs(app);
  return listRouterRoutes(app).map(({ method, path }) => {
    const key = `${method.toUpperCase()} ${path}`;
    const info = args.get(key);
    if (!info) throw new Error(`${key} is in the router but no Nest controller declares it: describe it in hostile/routes.ts`);
    const params = [...path.matchAll(/[:*]([A-Za-z0-9_]+)/g)].map((m) => m[1]);
    return { method, path, key, params, ...info };
  });
}

/** The route's path with its parameters filled in (values are URL-encoded unless `raw`). */
export function fillPath(route: Pick<ApiRoute, 'path'>, values: Record<string, string>, raw: string[] = []): string {
  return route.path.replace(/([:*])([A-Za-z0-9_]+)/g, (_, sigil: string, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for ${sigil}${name} in ${route.path}`);
    if (raw.includes(name)) return value;
    // A wildcard keeps its slashes (each segment is encoded).
    return sigil === '*' ? value.split('/').map(encodeAny).join('/') : encodeAny(value);
  });
}

/**
 * encodeURIComponent that also takes lone surrogates, written as the bytes a careless encoder
 * would send (WTF-8, e.g. `%ED%A0%80`): invalid UTF-8 the server must refuse cleanly.
 */
export function encodeAny(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < value.length && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) {
      out += encodeURIComponent(value.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(value[i]);
  }
  return out;
}
