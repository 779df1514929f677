import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../db/open-database.js';

/** A first try that never finished (the process died mid-way) may be taken over after this long. */
const abandonedAfterMs = 60_000;
/**
 * How long an answer is kept for a retry. A widget keeps an unsent report
 * for up to 30 days (`longestKeptMs` in packages/core/src/outbox/outbox.ts) by the device's
 * clock, which may drift or be set wrong: 15 days beyond that, so that a
 * retry sent on day 30 of a wrong clock still finds its first answer. The two
 * are one documented pair (packages/server/README.md): change them together.
 */
export const idempotencyKeptDays = 45;
const keptForMs = idempotencyKeptDays * 24 * 60 * 60 * 1000;
/** How often, at most, a claim also forgets expired keys. */
const pruneEveryMs = 60 * 60 * 1000;

export type Claim =
  /** This try holds the key; `attempt` names it to `complete` and `release`. */
  | { kind: 'first'; attempt: string }
  | { kind: 'replay'; status: number; body: string }
  | { kind: 'in-progress' }
  /** The key was used for a request with other content (IETF Idempotency-Key draft: 422). */
  | { kind: 'mismatch' };

export interface IdempotencyStore {
  /**
   * Takes the key for a first try, or says what became of an earlier one.
   * `fingerprint` identifies the request's content (see `fingerprintOf`).
   */
  claim(scope: string, key: string, fingerprint: string): Claim;
  /**
   * Records the answer; call inside the transaction that stores the result.
   * False when the try no longer holds the key (it was taken over as
   * abandoned): the caller must then roll its transaction back.
   */
  complete(scope: string, key: string, attempt: string, status: number, body: unknown): boolean;
  /**
   * Frees the key after a try that stored nothing (a refusal), so a corrected
   * retry can use it. Only the try's own hold: one that was taken over frees nothing.
   */
  release(scope: string, key: string, attempt: string): void;
  /**
   * At start: forgets answers older than any client would retry, and frees
   * keys whose first try died with the previous process, so that the
   * citizen's retry is taken at once rather than after `abandonedAfterMs`.
   * (While running, claims forget expired answers about once an hour.)
   */
  prune(): void;
}

export function idempotencyStore(db: Db, now: () => number = Date.now): IdempotencyStore {
  const select = db.prepare<
    [string, string],
    { state: string; status: number | null; body: string | null; created_at: number; fingerprint: string | null }
  >('SELECT state, status, body, created_at, fingerprint FROM idempotency_keys WHERE scope = ? AND key = ?');
  const insert = db.prepare(
    "INSERT INTO idempotency_keys (scope, key, state, created_at, attempt, fingerprint) VALUES (?, ?, 'pending', ?, ?, ?)",
  );
  const retake = db.prepare(
    "UPDATE idempotency_keys SET created_at = ?, attempt = ?, fingerprint = ? WHERE scope = ? AND key = ? AND state = 'pending'",
  );
  const finish = db.prepare(
    "UPDATE idempotency_keys SET state = 'done', status = ?, body = ? WHERE scope = ? AND key = ? AND attempt = ? AND state = 'pending'",
  );
  const remove = db.prepare("DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND attempt = ? AND state = 'pending'");
  const expire = db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?');
  const expireAndFree = db.prepare("DELETE FROM idempotency_keys WHERE created_at < ? OR state = 'pending'");
  let prunedAt = now();

  const claim = db.transaction((scope: string, key: string, fingerprint: string): Claim => {
    if (now() - prunedAt >= pruneEveryMs) {
      expire.run(now() - keptForMs);
      prunedAt = now();
    }
    const row = select.get(scope, key);
    if (!row) {
      const attempt = randomUUID();
      insert.run(scope, key, now(), attempt, fingerprint);
      return { kind: 'first', attempt };
    }
    // Keys stored before fingerprints were kept have none: they match anything.
    if (row.fingerprint !== null && row.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (row.state === 'done') return { kind: 'replay', status: row.status ?? 200, body: row.body ?? '' };
    if (now() - row.created_at > abandonedAfterMs) {
      const attempt = randomUUID();
      retake.run(now(), attempt, fingerprint, scope, key);
      return { kind: 'first', attempt };
    }
    return { kind: 'in-progress' };
  });

  return {
    claim: (scope, key, fingerprint) => claim.immediate(scope, key, fingerprint),
    complete: (scope, key, attempt, status, body) => finish.run(status, JSON.stringify(body), scope, key, attempt).changes === 1,
    release: (scope, key, attempt) => void remove.run(scope, key, attempt),
    prune: () => {
      expireAndFree.run(now() - keptForMs);
      prunedAt = now();
    },
  };
}

/** JSON with object keys sorted and binary data (photos) replaced by its SHA-256, so equal content gives equal text. */
function canonical(value: unknown): unknown {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `sha256:${createHash('sha256').update(value).digest('hex')}`;
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((name) => [name, canonical((value as Record<string, unknown>)[name])]),
    );
  }
  return value;
}

/** A request's fingerprint: the SHA-256 of its validated fields, photos hashed. */
export function fingerprintOf(fields: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(fields))).digest('base64url');
}

/** Keys are opaque to us, but bounded so that nobody stores megabytes in them. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined | 'invalid' {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || header.length === 0 || header.length > 255 || !/^[\x21-\x7e]+$/.test(header)) return 'invalid';
  return header;
}
