import { createHash, randomUUID } from 'node:crypto';
import type { Database, Db, Tx } from '../db/open-database.js';

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

/** The database, or a transaction in it: a claim made in a transaction lasts only if it commits. */
type Executor = Db | Tx;

export interface IdempotencyStore {
  /**
   * Takes the key for a first try, or says what became of an earlier one.
   * `fingerprint` identifies the request's content (see `fingerprintOf`).
   * The key's unique constraint decides between tries racing for it, in this
   * process or another instance: claimed inside the transaction that stores
   * the result, a second try waits for the first to commit and then replays
   * its answer; claimed on its own (before photos are decoded), a second try
   * meanwhile is told the first is in progress.
   */
  claim(executor: Executor, scope: string, key: string, fingerprint: string): Promise<Claim>;
  /**
   * Records the answer; call inside the transaction that stores the result.
   * False when the try no longer holds the key (it was taken over as
   * abandoned): the caller must then roll its transaction back.
   */
  complete(trx: Tx, scope: string, key: string, attempt: string, status: number, body: unknown): Promise<boolean>;
  /**
   * Frees the key after a try that stored nothing (a refusal), so a corrected
   * retry can use it. Only the try's own hold: one that was taken over frees nothing.
   */
  release(scope: string, key: string, attempt: string): Promise<void>;
  /**
   * At start: forgets answers older than any client would retry, and frees
   * keys whose first try died with the previous process, so that the
   * citizen's retry is taken at once rather than after `abandonedAfterMs`.
   * (While running, claims forget expired answers about once an hour.) With
   * several instances on one database, only answers: a pending key may be
   * another instance's try in progress.
   */
  prune(options: { freePending: boolean }): Promise<void>;
}

export function idempotencyStore({ db }: Database, now: () => number = Date.now): IdempotencyStore {
  let prunedAt = now();

  return {
    async claim(executor, scope, key, fingerprint) {
      if (now() - prunedAt >= pruneEveryMs) {
        prunedAt = now();
        // On the claim's own executor: inside a transaction on SQLite, whose one
        // connection the transaction holds, another would wait for it forever.
        await executor.deleteFrom('idempotency_keys').where('created_at', '<', now() - keptForMs).execute();
      }
      // A key freed between our insert and our read is simply tried again.
      for (;;) {
        const attempt = randomUUID();
        const inserted = await executor
          .insertInto('idempotency_keys')
          .values({ scope, key, state: 'pending', created_at: now(), attempt, fingerprint })
          .onConflict((conflict) => conflict.columns(['scope', 'key']).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { kind: 'first', attempt };
        const row = await executor
          .selectFrom('idempotency_keys')
          .select(['state', 'status', 'body', 'created_at', 'fingerprint', 'attempt'])
          .where('scope', '=', scope)
          .where('key', '=', key)
          .executeTakeFirst();
        if (!row) continue;
        // Keys stored before fingerprints were kept have none: they match anything.
        if (row.fingerprint !== null && row.fingerprint !== fingerprint) return { kind: 'mismatch' };
        if (row.state === 'done') return { kind: 'replay', status: row.status ?? 200, body: row.body ?? '' };
        if (now() - row.created_at <= abandonedAfterMs) return { kind: 'in-progress' };
        // Taken over only from the try that was read: of two retries, one wins.
        const retaken = await executor
          .updateTable('idempotency_keys')
          .set({ created_at: now(), attempt, fingerprint })
          .where('scope', '=', scope)
          .where('key', '=', key)
          .where('state', '=', 'pending')
          .where((eb) => (row.attempt === null ? eb('attempt', 'is', null) : eb('attempt', '=', row.attempt)))
          .where('created_at', '=', row.created_at)
          .executeTakeFirst();
        if (Number(retaken.numUpdatedRows) === 1) return { kind: 'first', attempt };
      }
    },
    async complete(trx, scope, key, attempt, status, body) {
      const done = await trx
        .updateTable('idempotency_keys')
        .set({ state: 'done', status, body: JSON.stringify(body) })
        .where('scope', '=', scope)
        .where('key', '=', key)
        .where('attempt', '=', attempt)
        .where('state', '=', 'pending')
        .executeTakeFirst();
      return Number(done.numUpdatedRows) === 1;
    },
    async release(scope, key, attempt) {
      await db
        .deleteFrom('idempotency_keys')
        .where('scope', '=', scope)
        .where('key', '=', key)
        .where('attempt', '=', attempt)
        .where('state', '=', 'pending')
        .execute();
    },
    async prune({ freePending }) {
      await db
        .deleteFrom('idempotency_keys')
        .where((eb) => eb.or([eb('created_at', '<', now() - keptForMs), ...(freePending ? [eb('state', '=', 'pending')] : [])]))
        .execute();
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
