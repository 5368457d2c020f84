/**
 * The worker process: a Nest application context (no HTTP) that runs the job handlers.
 * SIGTERM/SIGINT let active jobs finish, close Redis connections, then exit.
 */
import 'reflect-metadata';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { validateWorkerEnv, WorkerEnvError } from './config/worker-env';
import { JobRegistryError } from './jobs/job-registry.check';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  // Fail before Nest starts, in one line, when the environment is wrong.
  validateWorkerEnv(process.env);

  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  // process.exit (not a re-raised signal) so pino flushes its last lines.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  new NestLogger('Worker').log(`Worker started (pid ${process.pid}).`);
}

bootstrap().catch((err: unknown) => {
  if (err instanceof WorkerEnvError || err instanceof JobRegistryError) {
    console.error(err.message);
  } else {
    console.error(`Worker failed to start: ${err instanceof Error ? err.message : String(err)}`);
  }
  process.exit(1);
});
