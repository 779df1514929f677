import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config.js';
import type { Db } from '../db/open-database.js';
import type { PhotoStore } from '../media/photo-store.js';
import type { IdempotencyStore } from './idempotency.js';

/** What the route plugins share, made once in app.ts. */
export interface AppContext {
  config: ServerConfig;
  db: Db;
  idempotency: IdempotencyStore;
  photos: PhotoStore;
  /** onRequest hook: the per-IP limit every POST route carries. */
  rateLimit: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  /** preValidation hook: staff token required (checked before the body, so anonymous callers learn nothing of it). */
  staffOnly: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
}

/** Absolute URLs the server hands out: the configured public URL, else the one the client used. */
export function publicBase(context: AppContext, request: FastifyRequest): string {
  return context.config.publicUrl ?? `${request.protocol}://${request.host}`;
}
