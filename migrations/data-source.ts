/** The one TypeORM data source used by the CLI (`npm run migrate`), the API, the worker and the tests. */
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './index';

export function dataSourceOptions(url: string, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    // JIT compiling costs PostgreSQL 0.5–1 s on the big set-wise statements (the staff dashboard over
    // 50,000 members) and never pays back on queries of this size: off for every connection.
    extra: { max: Number(process.env['DATABASE_POOL_SIZE'] ?? 10), options: '-c jit=off' },
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}
