import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@pratique/migrations';
import { AppConfig } from '../config/app-config.service';

/** PostgreSQL through TypeORM. Options are read when the app boots (forRootAsync), never at import. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.get('DATABASE_URL')),
        autoLoadEntities: true,
        migrationsRun: config.get('MIGRATIONS_RUN'),
        migrationsTransactionMode: 'each' as const,
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
})
export class DatabaseModule {}
