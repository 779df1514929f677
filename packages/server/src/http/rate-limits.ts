import type { FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config.js';
import { retryLater } from './api-error.js';
import { requestLocale } from './locale.js';
import type { MessageId } from './messages.js';
import { tokenBuckets, type TokenBuckets } from './token-bucket.js';

/** How often the photo budget refills: a citizen sends a handful of photos, not hundreds an hour. */
const photoWindowMs = 60 * 60_000;

/**
 * A 429 with Retry-After, in the client's language, when `key`'s bucket
 * cannot pay `cost`.
 */
export function spend(buckets: TokenBuckets, request: FastifyRequest, key: string, message: MessageId, cost = 1): void {
  const taken = buckets.take(key, cost);
  if (taken.ok) return;
  throw retryLater(429, requestLocale(request), message, taken.retryAfterSeconds);
}

/** An onRequest hook spending one token of the client address's bucket. */
function perClient(buckets: TokenBuckets, message: MessageId) {
  return async (request: FastifyRequest) => spend(buckets, request, request.ip, message);
}

/**
 * One bucket per route group, so that a client flooding one group (behind a
 * community centre's NAT, say) leaves the others alone. Staff are limited
 * by their token, after it is checked (staff-auth.ts), never by address.
 */
export function rateLimits(config: ServerConfig) {
  const window = config.rateLimitWindowMs;
  const photoBudget = tokenBuckets(config.photoBudget, photoWindowMs);
  return {
    /** POST requests.json. */
    reports: perClient(tokenBuckets(config.rateLimitMax, window), 'rateLimited'),
    /** POST /surveys/responses. */
    surveys: perClient(tokenBuckets(config.rateLimitMax, window), 'rateLimited'),
    /** Public reads that query the reports or ratings. */
    reads: perClient(tokenBuckets(config.readRateLimit, window), 'tooManyReads'),
    /** Photos per client address and hour, spent per photo before any is decoded. */
    photos: (request: FastifyRequest, count: number) => spend(photoBudget, request, request.ip, 'photoBudget', count),
    staff: tokenBuckets(config.staffRateLimit, window),
  };
}

export type RateLimits = ReturnType<typeof rateLimits>;
