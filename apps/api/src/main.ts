import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '@pratique/api/app';
import { AppConfig, ConfigError, configureApp } from '@pratique/api/platform';
import { Logger } from 'nestjs-pino';
import { preflight } from './preflight';

async function bootstrap(): Promise<void> {
  await preflight();
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  configureApp(app);
  const port = app.get(AppConfig).get('PORT');
  await app.listen(port);
  app.get(Logger).log(`Pratique API on http://localhost:${port}/api (docs at /api/docs)`);
}

bootstrap().catch((err: unknown) => {
  // A bad variable or a missing service gets one clear line, not a stack trace.
  console.error(err instanceof ConfigError ? err.message : `The API could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
