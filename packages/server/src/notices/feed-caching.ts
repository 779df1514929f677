import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { NoticeData } from '../db/seed-types.js';

/**
 * When the feed last changed. The notices' own dates say most of it, but not
 * all: a deleted notice, one published with an earlier date, or (for RSS)
 * one that expired change the feed without a newer date on any notice. So the
 * server's last write counts too, and for RSS the last expiry that has
 * passed. Never later than now, as HTTP requires.
 */
export function lastChange(notices: NoticeData[], lastWrite: number, now: number, { expiriesCount = false } = {}): Date {
  let newest = lastWrite;
  for (const notice of notices) {
    for (const date of [notice.date_published, notice.date_modified]) {
      if (date) newest = Math.max(newest, Date.parse(date));
    }
    if (expiriesCount && notice.expires) {
      const expires = Date.parse(notice.expires);
      if (expires <= now) newest = Math.max(newest, expires);
    }
  }
  return new Date(Math.min(newest, now));
}

/** The entity tags an If-None-Match names; `W/` is ignored, since If-None-Match compares weakly. */
function matchesEtag(header: string, etag: string): boolean {
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

/**
 * Sends a feed body with a strong ETag (hash of the exact bytes) and
 * Last-Modified, or `304` when the client's copy is current. If-Modified-Since
 * only counts when there is no If-None-Match (RFC 9110 §13.1.3). `no-cache`:
 * readers may keep the feed, but must ask before showing it again, so a
 * changed notice is seen at once.
 */
export function sendFeed(
  request: FastifyRequest,
  reply: FastifyReply,
  feed: { body: string; type: string; lastModified: Date },
): FastifyReply {
  const etag = `"${createHash('sha256').update(feed.body).digest('base64url').slice(0, 32)}"`;
  // HTTP dates have whole seconds; compare in the same unit.
  const lastModified = Math.floor(feed.lastModified.getTime() / 1000) * 1000;
  reply.header('ETag', etag).header('Last-Modified', new Date(lastModified).toUTCString()).header('Cache-Control', 'no-cache');

  const ifNoneMatch = request.headers['if-none-match'];
  const ifModifiedSince = request.headers['if-modified-since'];
  const notModified =
    ifNoneMatch !== undefined
      ? matchesEtag(ifNoneMatch, etag)
      : ifModifiedSince !== undefined && lastModified <= Date.parse(ifModifiedSince);
  if (notModified) return reply.code(304).send();
  return reply.type(feed.type).send(feed.body);
}
