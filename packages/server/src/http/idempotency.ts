import type { Db } from '../db/open-database.js';

/** A first try that never finished (the process died mid-way) may be taken over after this long. */
const abandonedAfterMs = 60_000;
/** As long as a widget keeps an unsent item on the device. */
const keptForMs = 30 * 24 * 60 * 60 * 1000;

export type Claim =
  | { kind: 'first' }
  | { kind: 'replay'; status: number; body: string }
  | { kind: 'in-progress' };

export interface IdempotencyStore {
  /** Takes the key for a first try, or says what became of an earlier one. */
  claim(scope: string, key: string): Claim;
  /** Records the answer; call inside the transaction that stores the result. */
  complete(scope: string, key: string, status: number, body: unknown): void;
  /** Frees the key after a try that stored nothing (a refusal), so a corrected retry can use it. */
  release(scope: string, key: string): void;
  /**
   * At start: forgets answers older than any client would retry, and frees
   * keys whose first try died with the previous process, so that the
   * citizen's retry is taken at once rather than after `abandonedAfterMs`.
   */
  prune(): void;
}

export function idempotencyStore(db: Db, now: () => number = Date.now): IdempotencyStore {
  const select = db.prepare<[string, string], { state: string; status: number | null; body: string | null; created_at: number }>(
    'SELECT state, status, body, created_at FROM idempotency_keys WHERE scope = ? AND key = ?',
  );
  const insert = db.prepare("INSERT INTO idempotency_keys (scope, key, state, created_at) VALUES (?, ?, 'pending', ?)");
  const retake = db.prepare("UPDATE idempotency_keys SET created_at = ? WHERE scope = ? AND key = ? AND state = 'pending'");
  const finish = db.prepare("UPDATE idempotency_keys SET state = 'done', status = ?, body = ? WHERE scope = ? AND key = ?");
  const remove = db.prepare("DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND state = 'pending'");
  const expire = db.prepare("DELETE FROM idempotency_keys WHERE created_at < ? OR state = 'pending'");

  const claim = db.transaction((scope: string, key: string): Claim => {
    const row = select.get(scope, key);
    if (!row) {
      insert.run(scope, key, now());
      return { kind: 'first' };
    }
    if (row.state === 'done') return { kind: 'replay', status: row.status ?? 200, body: row.body ?? '' };
    if (now() - row.created_at > abandonedAfterMs) {
      retake.run(now(), scope, key);
      return { kind: 'first' };
    }
    return { kind: 'in-progress' };
  });

  return {
    claim: (scope, key) => claim.immediate(scope, key),
    complete: (scope, key, status, body) => void finish.run(status, JSON.stringify(body), scope, key),
    release: (scope, key) => void remove.run(scope, key),
    prune: () => void expire.run(now() - keptForMs),
  };
}

/** Keys are opaque to us, but bounded so that nobody stores megabytes in them. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined | 'invalid' {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || header.length === 0 || header.length > 255 || !/^[\x21-\x7e]+$/.test(header)) return 'invalid';
  return header;
}
