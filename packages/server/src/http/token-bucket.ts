/**
 * Token buckets, one per key (a client address, a staff token): a key may
 * spend up to `capacity` at once (a short burst: a citizen sending a report
 * with five photos, a page reading a few statuses), then `capacity` per
 * `windowMs`, refilled continuously. Unlike a fixed window, a client cannot
 * spend two windows' worth at a window's edge.
 */
export interface TokenBuckets {
  /** Spends `cost` tokens of `key`'s bucket; when too few are left, spends none and says how long to wait. */
  take(key: string, cost?: number): { ok: true } | { ok: false; retryAfterSeconds: number };
  /** Whether `key`'s bucket holds at least one token, spending nothing. */
  hasToken(key: string): boolean;
}

/** Full buckets are forgotten when this many keys are held, so that many addresses cannot fill the memory. */
const maxKeys = 50_000;

export function tokenBuckets(capacity: number, windowMs: number, now: () => number = Date.now): TokenBuckets {
  const perMs = capacity / windowMs;
  const buckets = new Map<string, { tokens: number; at: number }>();

  const level = (bucket: { tokens: number; at: number }, time: number) => Math.min(capacity, bucket.tokens + (time - bucket.at) * perMs);

  function forgetFull(time: number): void {
    for (const [key, bucket] of buckets) if (level(bucket, time) >= capacity) buckets.delete(key);
    // Still full of live clients: forget the oldest tenth rather than grow without end
    // (a tenth, so that the next new clients do not each pay for a scan).
    for (const key of buckets.keys()) {
      if (buckets.size < maxKeys * 0.9) break;
      buckets.delete(key);
    }
  }

  return {
    hasToken(key) {
      const bucket = buckets.get(key);
      return bucket === undefined || level(bucket, now()) >= 1;
    },
    take(key, cost = 1) {
      const time = now();
      const bucket = buckets.get(key) ?? { tokens: capacity, at: time };
      const tokens = level(bucket, time);
      if (tokens < cost) {
        const retryAfterSeconds = Math.max(1, Math.ceil((Math.min(cost, capacity) - tokens) / perMs / 1000));
        return { ok: false, retryAfterSeconds };
      }
      if (!buckets.has(key) && buckets.size >= maxKeys) forgetFull(time);
      buckets.set(key, { tokens: tokens - cost, at: time });
      return { ok: true };
    },
  };
}
