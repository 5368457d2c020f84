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

const SHUTDOWN_TIMEOUT_MS = 30_000;

async function bootstrap(): Promise<void> {
  // Fail before Nest starts, in one line, when the environment is wrong.
  validateWorkerEnv(process.env);

  const app = await NestFactory.createApplicationContext(WorkerModule, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  // process.exit (not a re-raised signal) so pino flushes its last lines.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  // A job that never ends must not keep the worker from stopping.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () =>
      setTimeout(() => {
        console.error(`Worker did not stop within ${SHUTDOWN_TIMEOUT_MS / 1000} s of ${signal}; exiting.`);
        process.exit(1);
      }, SHUTDOWN_TIMEOUT_MS).unref(),
    );
  }
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
