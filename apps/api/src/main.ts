import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppConfig, ConfigError, configureApp } from '@pratique/api/platform';
import { Logger } from 'nestjs-pino';
import { AppModule } from '@pratique/api/app';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  configureApp(app);
  const port = app.get(AppConfig).get('PORT');
  await app.listen(port);
  app.get(Logger).log(`Pratique API on http://localhost:${port}/api (docs at /api/docs)`);
}

bootstrap().catch((err: unknown) => {
  // A missing service or a bad variable gets one clear line, not a stack trace.
  const message = err instanceof ConfigError ? err.message : describeStartupError(err);
  console.error(message);
  process.exit(1);
});

function describeStartupError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  if (/ECONNREFUSED|ENOTFOUND|getaddrinfo/.test(text) || (err as { code?: string })?.code === 'ECONNREFUSED')
    return `PostgreSQL is not reachable (${text}). Start it, run \`docker compose up -d\`, or unset DATABASE_URL to use \`npm start\`'s embedded database.`;
  if (/database .* does not exist/.test(text)) return `${text}: create it (createdb) or fix DATABASE_URL.`;
  return `The API could not start: ${text}`;
}
