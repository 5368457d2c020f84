/**
 * Everything the HTTP app needs around the controllers, shared by main.ts and the tests so both
 * run the same stack: prefix, security headers, sessions in PostgreSQL, passport, validation,
 * error bodies, OpenAPI, and (in production) the built web app.
 */
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX, VIDEO_EMBED_HOSTS } from '@pratique/contracts';
import type { NextFunction, Request, Response } from 'express';
import compression from 'compression';
import session from 'express-session';
import { existsSync } from 'fs';
import helmet from 'helmet';
import passport from 'passport';
import { join, resolve } from 'path';
import { DataSource } from 'typeorm';
import { SessionCache } from '../cache/session-cache';
import { AppConfig } from '../config/app-config.service';
import { payloadProblem, ProblemFilter } from './problem.filter';
import { createSessionStore } from './session-store';
import { createValidationPipe } from './validation';

export const SESSION_COOKIE = 'pratique.sid';
export const SESSION_MAX_AGE_MS = 14 * 24 * 3600 * 1000;

export function configureApp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  const config = app.get(AppConfig);
  const dataSource = app.get(DataSource);

  // The address rate limits count: X-Forwarded-For is believed for TRUST_PROXY hops only (0 when clients reach the API directly).
  express.set('trust proxy', config.get('TRUST_PROXY'));
  express.disable('x-powered-by');
  express.setGlobalPrefix(API_PREFIX);
  express.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          // SCORM packages are served by the API and played in a frame of the app; videos embed from allow-listed hosts.
          frameSrc: ["'self'", ...VIDEO_EMBED_HOSTS.map((h) => `https://${h}`)],
          mediaSrc: ["'self'"],
          frameAncestors: ["'self'"],
          objectSrc: ["'none'"],
        },
      },
    }),
  );
  express.use(requireDecodablePath);
  express.use(apiAnswersNotStored);
  express.useBodyParser('json', { limit: '300kb' }); // SCORM commits carry up to 64 KB of suspend data
  express.use(answerUnreadableBody);

  // The built web app is served before sessions, so static files cost no session lookup.
  const webDist = config.get('WEB_DIST');
  if (webDist) serveWebApp(express, resolve(webDist));

  // Sessions live in PostgreSQL (connect-pg-simple), so any copy of the API can serve any request.
  const pool = (dataSource.driver as unknown as { master: import('pg').Pool }).master;
  express.use(
    session({
      name: SESSION_COOKIE,
      store: createSessionStore({ pool, cache: app.get(SessionCache) }),
      secret: config.get('SESSION_SECRET'),
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.get('COOKIE_SECURE'),
        maxAge: SESSION_MAX_AGE_MS,
      },
    }),
  );
  express.use(passport.initialize());
  express.use(passport.session());
  express.use(requireJsonForWrites);

  express.useGlobalPipes(createValidationPipe());
  express.useGlobalFilters(new ProblemFilter());

  const openApi = new DocumentBuilder()
    .setTitle('Pratique API')
    .setDescription('Community of practice: accounts, regions, organisations, spaces.')
    .setVersion('0.1')
    .addCookieAuth(SESSION_COOKIE)
    .build();
  SwaggerModule.setup(`${API_PREFIX}/docs`, express, () => SwaggerModule.createDocument(express, openApi));
}

/**
 * Writes with a body must be JSON (or multipart for uploads): a cross-site HTML form cannot send
 * JSON without a CORS preflight, and SameSite=Lax keeps the session cookie off cross-site POSTs.
 */
function requireJsonForWrites(req: Request, res: Response, next: NextFunction): void {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (
    ['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method) &&
    hasBody &&
    !req.is(['application/json', 'multipart/form-data'])
  ) {
    res.status(415).json({
      statusCode: 415,
      error: 'Unsupported Media Type',
      message: 'Send the request body as application/json',
      errors: [
        { field: 'content-type', reason: 'must be application/json (multipart/form-data for uploads)' },
      ],
    });
    return;
  }
  next();
}

/**
 * Malformed, oversized or undecodable JSON gets the `ApiErrorBody` naming `body` here: past this
 * point Nest turns the parser's SyntaxError into a bare 400 and its type is lost.
 */
function answerUnreadableBody(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const problem = payloadProblem(err);
  if (!problem) return next(err);
  res.status(problem.statusCode).json(problem);
}

/**
 * API answers are personal (progress, registrations, notifications): no browser or proxy keeps
 * them (ASVS 14.3.2). A route that serves shareable bytes (SCORM assets, lesson files) sets its
 * own Cache-Control, which replaces this one.
 */
function apiAnswersNotStored(req: Request, res: Response, next: NextFunction): void {
  if (req.path.startsWith(`/${API_PREFIX}/`)) res.setHeader('Cache-Control', 'no-store');
  next();
}

/** A path with a broken percent-escape (`%zz`, `%E0%A4%A`, an encoded lone surrogate) names nothing: 400. */
function requireDecodablePath(req: Request, res: Response, next: NextFunction): void {
  try {
    decodeURIComponent(req.path);
  } catch {
    res.status(400).json({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The request path is not valid percent-encoded UTF-8',
      errors: [{ field: 'path', reason: 'is not valid percent-encoded UTF-8' }],
    });
    return;
  }
  next();
}

/** Serves the built Angular app, falling back to index.html for client-side routes. */
/** Files the web build names by their content (`chunk-ABCD1234.js`): they never change, so browsers keep them a year. */
const HASHED_ASSET = /-[A-Z0-9]{8}\.(js|css)$/;

function serveWebApp(app: NestExpressApplication, dir: string): void {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) throw new Error(`WEB_DIST=${dir} has no index.html: run \`npm run build\` first`);
  // The web app's files are sent compressed (JavaScript shrinks about 3×); API answers are not,
  // since the API's CPU is what its throughput is bound by (docs/BENCHMARKS.md).
  app.use(
    compression({
      filter: (req, res) => !req.path.startsWith(`/${API_PREFIX}/`) && compression.filter(req, res),
    }),
  );
  app.useStaticAssets(dir, {
    index: false,
    maxAge: '1y',
    immutable: true,
    // Translations, the favicon and index.html keep their names across releases: always revalidated.
    setHeaders: (res, path) => {
      if (!HASHED_ASSET.test(path)) res.setHeader('Cache-Control', 'no-cache');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith(`/${API_PREFIX}`)) return next();
    res.sendFile(index);
  });
}
