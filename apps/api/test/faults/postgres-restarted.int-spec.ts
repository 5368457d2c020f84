/**
 * PostgreSQL stopped under a running API and started again, twice, on an embedded PostgreSQL of
 * this file's own: while it is down the health check answers 503 naming the database as down (and
 * Redis as up), and ordinary requests (anonymous reads, a signed-in member's session, a seminar
 * registration) answer a clear 503 with Retry-After at once — no 500, no hang; once it is back the
 * health check returns to 200 and the same requests work again, sessions included, without
 * restarting the API.
 */
import { createTestApp, makeOrganisation, makeRegion, makeSeminar, makeUser, TestApp } from '@pratique/api/testing';
import { ApiRoutes } from '@pratique/contracts';
import { createDataSource } from '@pratique/migrations';
import { Client } from 'pg';
import request from 'supertest';
import { sessionsFor } from './member-sessions';
import { PrivatePostgres, startPrivatePostgres } from './private-postgres';
import { eventually } from './smtp-trap';

jest.setTimeout(120_000);

const CYCLES = 2;
/** No answer within this time counts as a hang. */
const ANSWER_WITHIN_MS = 5_000;

describe('PostgreSQL restarted under the API', () => {
  let pg: PrivatePostgres;
  let t: TestApp;

  beforeAll(async () => {
    pg = await startPrivatePostgres();
    const admin = new Client({ connectionString: pg.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE pratique');
    await admin.end();
    const ds = createDataSource(pg.url('pratique'));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();
    t = await createTestApp({ env: { DATABASE_URL: pg.url('pratique') } });
  });

  afterAll(async () => {
    await t?.close();
    await pg?.close();
  });

  it('reports the database down with 503s, then recovers by itself', async () => {
    const db = t.dataSource;
    const region = await makeRegion(db);
    const organisation = await makeOrganisation(db, region.id);
    const member = await makeUser(db, { regionId: region.id, organisationId: organisation.id });
    const seminars = await Promise.all(Array.from({ length: CYCLES }, () => makeSeminar(db, { regionId: region.id, capacity: 5 })));
    const [cookie] = await sessionsFor(t, member, [member.id]);
    const server = t.app.getHttpServer();
    const calls = {
      regions: () => request(server).get(ApiRoutes.regions),
      me: () => request(server).get(ApiRoutes.auth.me).set('Cookie', cookie),
      spaces: () => request(server).get(ApiRoutes.spaces).set('Cookie', cookie),
    };
    const timed = async (req: request.Test) => {
      const started = Date.now();
      const res = await req.timeout(ANSWER_WITHIN_MS);
      return { res, ms: Date.now() - started };
    };

    expect((await request(server).get(ApiRoutes.health)).status).toBe(200);
    let downAnswers = 0;
    let slowestDownMs = 0;
    const recoveries: number[] = [];

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      expect((await calls.me().expect(200)).body.id).toBe(member.id);
      await pg.stop();

      const health = await timed(request(server).get(ApiRoutes.health));
      expect(health.res.status).toBe(503);
      expect(health.res.body.details).toMatchObject({ database: { status: 'down' }, redis: { status: 'up' } });
      slowestDownMs = Math.max(slowestDownMs, health.ms);
      const ordinary = [calls.regions(), calls.me(), calls.spaces(), request(server).post(ApiRoutes.seminarRegistrations(seminars[cycle].id)).set('Cookie', cookie).send({})];
      for (const req of ordinary) {
        const { res, ms } = await timed(req);
        expect({ status: res.status, body: res.body, retryAfter: res.headers['retry-after'] }).toEqual({
          status: 503,
          body: { statusCode: 503, error: 'Service Unavailable', message: 'The database is unavailable right now: please try again in a few seconds.' },
          retryAfter: '5',
        });
        downAnswers++;
        slowestDownMs = Math.max(slowestDownMs, ms);
      }

      const restarted = Date.now();
      await pg.start();
      const status = await eventually(async () => (await request(server).get(ApiRoutes.health).timeout(ANSWER_WITHIN_MS)).status, (s) => s === 200, 30_000, 200);
      expect(status).toBe(200);
      recoveries.push(Date.now() - restarted);
      // The same API process serves again: reads, the member's session, a write.
      expect((await calls.regions().expect(200)).body).toEqual(expect.arrayContaining([expect.objectContaining({ id: region.id })]));
      expect((await calls.me().expect(200)).body.id).toBe(member.id);
      await calls.spaces().expect(200);
      const registered = await request(server).post(ApiRoutes.seminarRegistrations(seminars[cycle].id)).set('Cookie', cookie).send({}).expect(201);
      expect(registered.body.status).toBe('confirmed');
    }
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM registration WHERE user_id = $1`, [member.id]);
    expect(n).toBe(CYCLES);

    console.log(
      `postgres-restarted: ${CYCLES} stop/start cycles; while down: health 503 (database down) and ${downAnswers} ordinary requests all 503 with Retry-After, slowest answer ${slowestDownMs} ms; ` +
        `healthy again ${recoveries.map((ms) => `${ms} ms`).join(' and ')} after the start, with no API restart`,
    );
  });
});
