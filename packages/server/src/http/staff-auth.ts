import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { refusal } from './api-error.js';
import { requestLocale } from './locale.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * A hook that admits `Authorization: Bearer <staff token>` only.
 * Comparing digests keeps the comparison constant-time whatever the length.
 * Staff answers carry contact details: no cache may keep them, nor the refusals.
 */
export function staffOnly(token: string) {
  const expected = digest(token);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('Cache-Control', 'no-store');
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match || !timingSafeEqual(digest(match[1]!), expected)) {
      reply.header('WWW-Authenticate', 'Bearer realm="civic-staff"');
      throw refusal(401, requestLocale(request), 'staffToken');
    }
  };
}
