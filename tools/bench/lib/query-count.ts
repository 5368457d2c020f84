/**
 * Queries per request: the API built in this process from the same modules, with every
 * `pg` query counted against the request that issued it (AsyncLocalStorage, entered by the
 * first middleware, so the session lookup and the actor load are counted too).
 */
import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AsyncLocalStorage } from 'async_hooks';
import type { NextFunction, Request, Response } from 'express';
import { Client } from 'pg';

export interface QueryCounter {
  /** The queries one request issued, from the first middleware to the end of its answer. */
  count(req: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; queries: number; statements: string[] }>;
  close(): Promise<void>;
}

export async function startQueryCounter(env: Record<string, string>): Promise<QueryCounter> {
  Object.assign(process.env, env);
  const storage = new AsyncLocalStorage<string[]>();
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: Client, ...args: unknown[]) {
    const statements = storage.getStore();
    if (statements) {
      const q = args[0];
      statements.push(typeof q === 'string' ? q : String((q as { text?: string })?.text ?? q));
    }
    return original.apply(this, args);
  };
  const { AppModule } = await import('@pratique/api/app');
  const { configureApp } = await import('@pratique/api/platform');
  const app: INestApplication = await NestFactory.create(AppModule, { logger: ['error'] });
  app.use((_req: Request, res: Response, next: NextFunction) => {
    const statements: string[] = [];
    (res.locals as { statements?: string[] }).statements = statements;
    storage.run(statements, next);
  });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as { port: number }).port;
  const last: { statements: string[] } = { statements: [] };
  app.getHttpServer().on('request', (_req: unknown, res: Response) => res.on('finish', () => (last.statements = (res.locals as { statements?: string[] }).statements ?? [])));
  return {
    async count(r) {
      const res = await fetch(`http://127.0.0.1:${port}${r.path}`, {
        method: r.method ?? 'GET',
        headers: { ...(r.headers ?? {}), ...(r.body ? { 'content-type': 'application/json' } : {}) },
        body: r.body,
      });
      await res.arrayBuffer();
      await new Promise((resolve) => setImmediate(resolve));
      const statements = [...last.statements];
      return { status: res.status, queries: statements.length, statements };
    },
    async close() {
      await app.close();
      proto.query = original;
    },
  };
}
