import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config.js';
import type { Database } from '../db/open-database.js';
import type { PhotoStore } from '../media/photo-store.js';
import type { RequestStore } from '../open311/request-store.js';
import type { ServiceStore } from '../open311/service-store.js';
import type { IdempotencyStore } from './idempotency.js';
import type { RateLimits } from './rate-limits.js';

/** What the route plugins share, made once in app.ts. */
export interface AppContext {
  config: ServerConfig;
  /** SQLite or PostgreSQL, behind one Kysely query builder. */
  database: Database;
  idempotency: IdempotencyStore;
  photos: PhotoStore;
  /** The reports, one store for every route, so that its writes invalidate every cached list. */
  requests: RequestStore;
  /** The service catalogue, held in memory. */
  services: ServiceStore;
  /** One token bucket per route group and client (rate-limits.ts). */
  limits: RateLimits;
  /** preValidation hook: staff token required (checked before the body, so anonymous callers learn nothing of it), then the staff bucket. */
  staffOnly: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
}

/**
 * Absolute URLs the server hands out: the configured public URL, else the
 * one the client used (development only: production requires --public-url,
 * since a client can forge Host).
 */
export function publicBase(context: AppContext, request: FastifyRequest): string {
  return context.config.publicUrl ?? `${request.protocol}://${request.host}`;
}
