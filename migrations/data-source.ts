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
    extra: { max: Number(process.env['DATABASE_POOL_SIZE'] ?? 10) },
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}
