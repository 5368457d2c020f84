/**
 * Boots the real API (every module, the real PostgreSQL of this test run, real Redis) with the
 * same HTTP stack as production. `startTestServer` also listens on a port and serves the built
 * web app, for browser journeys.
 */
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppModule } from '@pratique/api/app';
import { AppConfig, AppEnv, CacheInvalidation, configureApp, validateEnv } from '@pratique/api/platform';
import { resolve } from 'path';
import request from 'supertest';
import { DataSource } from 'typeorm';

export interface TestApp {
  app: INestApplication;
  dataSource: DataSource;
  /** A supertest agent that keeps cookies (one per simulated browser). */
  agent(): ReturnType<typeof request.agent>;
  close(): Promise<void>;
}

/** `env` overrides variables for this app only (e.g. an unreachable REDIS_URL). */
export async function createTestApp(options: { env?: Record<string, string> } = {}): Promise<TestApp> {
  const builder = Test.createTestingModule({ imports: [AppModule] });
  if (options.env) {
    const env = validateEnv({ ...process.env, ...options.env });
    builder.overrideProvider(AppConfig).useValue({ get: (key: keyof AppEnv) => env[key], isProduction: env.NODE_ENV === 'production' });
  }
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  // Tests write with SQL and send a request at once: each request first waits for the cache
  // notices of what committed before it (in production they arrive a few milliseconds later).
  const invalidation = app.get(CacheInvalidation);
  app.use((_req: unknown, _res: unknown, next: () => void) => {
    invalidation.caughtUp().then(() => next(), next);
  });
  configureApp(app);
  await app.init();
  return {
    app,
    dataSource: app.get(DataSource),
    agent: () => request.agent(app.getHttpServer()),
    close: () => app.close(),
  };
}

export interface TestServer {
  url: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** The API on a random port, serving the built web app (`dist/apps/web/browser`) on the same origin. */
export async function startTestServer(): Promise<TestServer> {
  process.env['WEB_DIST'] ??= resolve(__dirname, '../../../../dist/apps/web/browser');
  const { app, dataSource, close } = await createTestApp();
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, dataSource, close };
}

/** An agent signed in as the user (through the real sign-in route). */
export async function signedIn(t: TestApp, user: { email: string; password: string }): Promise<ReturnType<TestApp['agent']>> {
  const agent = t.agent();
  const res = await agent.post('/api/auth/sign-in').send({ email: user.email, password: user.password });
  if (res.status !== 200) throw new Error(`sign-in of ${user.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return agent;
}

export type Agent = ReturnType<TestApp['agent']>;
