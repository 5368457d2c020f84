/**
 * The worker's PostgreSQL pool (plain `pg`: the worker runs a few hand-written statements, no
 * entities). `transaction` runs a function on one client between BEGIN and COMMIT/ROLLBACK.
 */
import { Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import { WorkerConfig } from '../config/worker-config.service';

@Injectable()
export class Database implements OnApplicationShutdown {
  readonly pool: Pool;

  constructor(config: WorkerConfig) {
    // JIT off as in the API (migrations/data-source.ts): it only slows the fan-out's set-wise statements.
    this.pool = new Pool({ connectionString: config.get('DATABASE_URL'), max: 5, options: '-c jit=off' });
    // An idle client losing its server must not crash the worker: the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.pool.query(sql, params).then((r) => r.rows as T[]);
  }

  transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}

export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

@Global()
@Module({ providers: [Database], exports: [Database] })
export class DatabaseModule {}
