import fastifyCors from '@fastify/cors';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ServerConfig } from './config.js';
import { databaseLocation, openDatabase } from './db/open-database.js';
import { seedDatabase } from './db/seed-database.js';
import type { AppContext } from './http/context.js';
import { installErrorHandler } from './http/error-handler.js';
import { idempotencyStore } from './http/idempotency.js';
import { rateLimits } from './http/rate-limits.js';
import { staffOnly } from './http/staff-auth.js';
import { photoStore } from './media/photo-store.js';
import { uploadBudget } from './media/upload-budget.js';
import { noticeRoutes } from './notices/notice-routes.js';
import { healthRoutes, writableFolderProbe } from './ops/health.js';
import { redactingLogger } from './ops/log-redaction.js';
import { metricsRoute, serverMetrics } from './ops/metrics.js';
import { metricsListener } from './ops/metrics-listener.js';
import { openApi } from './ops/openapi.js';
import { maxPhotos } from './open311/request-schema.js';
import { open311Routes, staffRoutes } from './open311/open311-routes.js';
import { requestStore } from './open311/request-store.js';
import { serviceStore } from './open311/service-store.js';
import { retentionJob } from './retention/retention-job.js';
import { servicePointRoutes } from './service-points/service-point-routes.js';
import { calendarRoutes } from './calendar/calendar-routes.js';
import { siteRoutes } from './site/site-routes.js';
import { surveyRoutes, surveyStaffRoutes } from './surveys/survey-routes.js';
import { version } from './version.js';

/** JSON and urlencoded bodies: a 4,000-character report in CJK is about 12 KB. */
const bodyLimit = 256 * 1024;
/**
 * One photo: the widget sends a JPEG of at most 1600 px (a few hundred KB);
 * this leaves room for other clients' downscaled photos and no more.
 */
export const maxPhotoBytes = 4 * 1024 * 1024;
/**
 * A whole request, five photos included, must arrive within this, so
 * that a client trickling bytes cannot hold a connection (or a shutdown) open.
 */
export const requestTimeoutMs = 60_000;
/** Two years, as the HSTS preload list asks; subdomains are the district's to decide. */
const hstsMaxAgeSeconds = 63_072_000;
/** A socket with no traffic either way for this long is closed. */
export const connectionTimeoutMs = 120_000;
/** An idle keep-alive connection is closed after this. */
export const keepAliveTimeoutMs = 10_000;

/**
 * The whole server, not yet listening: tests drive it with `inject()` or
 * `listen()`, the CLI starts it. Closing it closes the database.
 */
export async function buildApp(config: ServerConfig, options: { logger?: FastifyServerOptions['logger'] } = {}): Promise<FastifyInstance> {
  const database = await openDatabase(databaseLocation(config));
  if (config.seed) await seedDatabase(database);
  const metrics = serverMetrics();
  metrics.registerPoolGauge(() => database.poolUse());
  const idempotency = metrics.countingReplays(idempotencyStore(database));
  // Keys pending on SQLite died with the previous process; on PostgreSQL they may be another instance's.
  await idempotency.prune({ freePending: database.engine === 'sqlite' });

  const app = Fastify({
    logger: redactingLogger(options.logger),
    bodyLimit,
    requestTimeout: requestTimeoutMs,
    connectionTimeout: connectionTimeoutMs,
    keepAliveTimeout: keepAliveTimeoutMs,
    // Only the configured proxies' X-Forwarded-* headers are believed (none by default).
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    // Answers in-flight requests on SIGTERM, refuses new ones with 503 so clients retry.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Fastify's Ajv drops fields a schema does not name; refusing them instead
    // tells a client that sent, say, a tracking identifier that it was not stored.
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.addHook('onClose', async () => database.close());
  installErrorHandler(app);
  metrics.install(app);
  if (config.metricsListen) metricsListener(app, metrics.registry, config.metricsListen);

  await app.register(fastifyCors, {
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Idempotency-Key', 'Authorization', 'Accept-Language'],
    exposedHeaders: ['Retry-After'],
    credentials: false,
    maxAge: 600,
  });
  await app.register(fastifyFormbody, { bodyLimit });
  const uploads = uploadBudget(config.uploadMemoryBytes);
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    // One more file than allowed, so that the route can say how many are.
    limits: { fileSize: maxPhotoBytes, files: maxPhotos + 1, fields: 100, fieldSize: 16 * 1024, parts: 110 },
    onFile(part) {
      return uploads.read(this, part);
    },
  });
  app.addHook('onResponse', async (request) => uploads.release(request));
  app.addHook('onRequestAbort', async (request) => uploads.release(request));

  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    // HTTPS as far as a trusted proxy says (X-Forwarded-Proto is believed from --trust-proxy only):
    // browsers then never try plain HTTP again. Never over plain HTTP, where it means nothing.
    if (request.protocol === 'https') reply.header('Strict-Transport-Security', `max-age=${hstsMaxAgeSeconds}`);
  });

  const photos = photoStore(config.mediaDir, config.photoQueue);
  const requests = requestStore(database);
  const retention = retentionJob(database, requests, photos, config, app.log);
  await retention.start();
  app.addHook('onClose', async () => retention.stop());

  const limits = rateLimits(config);
  const context: AppContext = {
    config,
    database,
    idempotency,
    photos,
    requests,
    services: await serviceStore(database),
    limits,
    staffOnly: staffOnly(config.staffToken, limits.staff),
  };

  // First: it sees every route registered after it.
  await openApi(app, context.staffOnly, config.publicUrl);
  app.get('/health', async () => ({ status: 'ok', version }));
  await app.register(async (scope) => healthRoutes(scope, { database: database.ping, mediaFolder: writableFolderProbe(config.mediaDir) }));
  await app.register(async (scope) => metricsRoute(scope, metrics.registry, context.staffOnly));
  await app.register(async (scope) => open311Routes(scope, context), { prefix: '/open311/v2' });
  await app.register(async (scope) => staffRoutes(scope, context), { prefix: '/staff/api' });
  await app.register(async (scope) => surveyStaffRoutes(scope, context), { prefix: '/staff/api' });
  await app.register(async (scope) => surveyRoutes(scope, context), { prefix: '/surveys' });
  await app.register(async (scope) => noticeRoutes(scope, context), { prefix: '/notices' });
  await app.register(async (scope) => servicePointRoutes(scope, context));
  await app.register(calendarRoutes);
  await app.register(async (scope) => siteRoutes(scope, config));
  return app;
}
