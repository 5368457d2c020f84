import { Module } from '@nestjs/common';
import { hostname } from 'node:os';
import { LoggerModule } from 'nestjs-pino';
import { WorkerConfig } from '../config/worker-config.service';
import { WorkerConfigModule } from '../config/worker-config.module';

/** Structured JSON logs; pretty, single-line logs in development. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      imports: [WorkerConfigModule],
      inject: [WorkerConfig],
      useFactory: (config: WorkerConfig) => ({
        pinoHttp: {
          level: config.get('LOG_LEVEL'),
          base: { pid: process.pid, hostname: hostname(), app: 'worker' },
          transport:
            config.get('NODE_ENV') === 'development'
              ? {
                  target: 'pino-pretty',
                  options: { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app' },
                }
              : undefined,
        },
      }),
    }),
  ],
})
export class WorkerLoggingModule {}
