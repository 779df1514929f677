import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { refusal } from './api-error.js';
import { requestLocale } from './locale.js';
import { spend } from './rate-limits.js';
import { tokenBuckets, type TokenBuckets } from './token-bucket.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Wrong tokens one address may try before it must wait; the bucket refills over the window. */
export const failedAttemptsAllowed = 10;
const failureWindowMs = 15 * 60_000;

/**
 * A hook that admits `Authorization: Bearer <staff token>` only.
 * Comparing digests keeps the comparison constant-time whatever the length.
 * Wrong tokens are logged and, past `failedAttemptsAllowed` from one address,
 * refused unchecked for a while: guessing a token is slow and seen. A
 * signed-in request then spends from the staff bucket, never from the
 * citizens' ones, so an abusive neighbour cannot lock staff out.
 * Staff answers carry contact details: no cache may keep them, nor the refusals.
 */
export function staffOnly(token: string, staffBucket: TokenBuckets) {
  const expected = digest(token);
  const failures = tokenBuckets(failedAttemptsAllowed, failureWindowMs);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('Cache-Control', 'no-store');
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    // Locked out: not even the right token is checked, or a guesser would learn when it hit.
    if (match && !failures.hasToken(request.ip)) spend(failures, request, request.ip, 'staffLockedOut');
    if (match && timingSafeEqual(digest(match[1]!), expected)) {
      spend(staffBucket, request, 'staff', 'rateLimited');
      return;
    }
    reply.header('WWW-Authenticate', 'Bearer realm="civic-staff"');
    if (match) {
      // The address and route, never the token tried.
      request.log.warn({ ip: request.ip, url: request.url.split('?')[0] }, 'wrong staff token');
      spend(failures, request, request.ip, 'staffLockedOut');
    }
    throw refusal(401, requestLocale(request), 'staffToken');
  };
}
