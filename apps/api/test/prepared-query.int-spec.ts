/**
 * Hot-path statements run as named prepared statements (planned once per connection), on the
 * pool or on the connection of the caller's transaction, with TypeORM's errors.
 */
import { preparedQuery } from '@pratique/api/platform';
import { createTestApp, makeRegion, TestApp } from '@pratique/api/testing';
import { QueryFailedError } from 'typeorm';

describe('preparedQuery', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const SQL = `SELECT id, name FROM region WHERE code = $1`;

  it('runs inside the caller’s transaction (sees its uncommitted rows) as a statement prepared on that connection', async () => {
    await t.dataSource.transaction(async (tx) => {
      await tx.query(`INSERT INTO region (code, name) VALUES ('prep-tx', 'Préparée')`);
      expect(await preparedQuery(tx, SQL, ['prep-tx'])).toEqual([
        { id: expect.any(String), name: 'Préparée' },
      ]);
      const prepared: { statement: string }[] = await tx.query(
        `SELECT statement FROM pg_prepared_statements WHERE NOT from_sql`,
      );
      expect(prepared.map((p) => p.statement)).toContain(SQL);
      await tx.query(`DELETE FROM region WHERE code = 'prep-tx'`);
    });
  });

  it('runs on the pool, with the same answers every time', async () => {
    const region = await makeRegion(t.dataSource);
    for (let i = 0; i < 8; i++)
      expect(await preparedQuery(t.dataSource, SQL, [region.code])).toEqual([
        { id: region.id, name: region.name },
      ]);
    expect(await preparedQuery(t.dataSource.manager, SQL, ['no-such-code'])).toEqual([]);
  });

  it('fails as TypeORM would (QueryFailedError with the driver error), so errors map as before', async () => {
    const region = await makeRegion(t.dataSource);
    const err = await preparedQuery(t.dataSource, `INSERT INTO region (code, name) VALUES ($1, 'Doublon')`, [
      region.code,
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryFailedError);
    expect((err as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('23505');
  });
});
