/**
 * Answers kept as the JSON text sent, until the data under them changes:
 * a busy public list is then one Map lookup and a write to the socket, not
 * a query, a view per row and a JSON.stringify. Entries also expire after
 * `maxAgeMs`, for answers that depend on the clock (the spec's default
 * window of the last 90 days). Bounded: when full, it starts over.
 */
export interface SerializedCache {
  /** The text cached under `key` for `generation`, or `compute()`'s, cached. */
  get(key: string, generation: string, compute: () => unknown): string;
}

export function serializedCache(maxEntries: number, maxAgeMs: number, now: () => number = Date.now): SerializedCache {
  let current = '';
  const entries = new Map<string, { text: string; at: number }>();
  return {
    get(key, generation, compute) {
      if (generation !== current) {
        entries.clear();
        current = generation;
      }
      const time = now();
      const hit = entries.get(key);
      if (hit && time - hit.at < maxAgeMs) return hit.text;
      const text = JSON.stringify(compute());
      if (entries.size >= maxEntries) entries.clear();
      entries.set(key, { text, at: time });
      return text;
    },
  };
}
