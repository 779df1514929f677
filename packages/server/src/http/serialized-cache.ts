/**
 * Answers kept ready to send (JSON text and its validators) until the data
 * under them changes: a busy public list is then one Map lookup and a write
 * to the socket, not a query, a view per row and a JSON.stringify. Entries
 * also expire after `maxAgeMs`, for answers that depend on the clock (the
 * last 90 days). Bounded: when full, it starts over.
 */
export interface SerializedCache<T> {
  /** The answer cached under `key` for `generation`, or `compute()`'s, cached. */
  get(key: string, generation: string, compute: () => Promise<T>): Promise<T>;
}

export function serializedCache<T>(maxEntries: number, maxAgeMs: number, now: () => number = Date.now): SerializedCache<T> {
  let current = '';
  const entries = new Map<string, { answer: T; at: number }>();
  return {
    async get(key, generation, compute) {
      if (generation !== current) {
        entries.clear();
        current = generation;
      }
      const time = now();
      const hit = entries.get(key);
      if (hit && time - hit.at < maxAgeMs) return hit.answer;
      const answer = await compute();
      // Data read under an older generation than the one now current may be stale: not kept.
      if (generation !== current) return answer;
      if (entries.size >= maxEntries) entries.clear();
      entries.set(key, { answer, at: time });
      return answer;
    },
  };
}
