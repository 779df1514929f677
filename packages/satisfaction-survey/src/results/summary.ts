import { readJson, fetchWithTimeout } from '@civic-widgets/core';
import type { Scale } from '../scales.js';

/** Public results: how many ratings each grade got. */
export interface Summary {
  total: number;
  counts: Map<number, number>;
  satisfied: number;
}

export class SummaryDataError extends Error {}

/**
 * Reads `{counts: {"5": 12, …}}` as the reference server's `/surveys/summary`
 * answers it, treating everything else in it as untrusted: unknown grades and
 * counts that are not whole numbers are refused, not shown.
 */
export function parseSummary(body: unknown, scale: Scale): Summary {
  const counts = (body as { counts?: unknown } | null)?.counts;
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) throw new SummaryDataError('The summary has no "counts" object.');
  const known = new Set(scale.options.map((option) => option.value));
  const result = new Map<number, number>(scale.options.map((option) => [option.value, 0]));
  for (const [grade, count] of Object.entries(counts)) {
    const value = Number(grade);
    if (!known.has(value)) throw new SummaryDataError(`"${grade.slice(0, 20)}" is not a grade of the ${scale.name} scale.`);
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) throw new SummaryDataError(`The count for grade ${value} is not a whole number.`);
    result.set(value, count);
  }
  const total = [...result.values()].reduce((sum, count) => sum + count, 0);
  const satisfied = [...result].reduce((sum, [grade, count]) => sum + (scale.isSatisfied(grade) ? count : 0), 0);
  return { total, counts: result, satisfied };
}

/**
 * The reference server counts one scale per call (five-level unless told), so
 * a results view of another scale says which, unless `summary-src` already does.
 * `revalidate` asks the server again whatever the summary's HTTP caching allows
 * (`cache: 'no-cache'`): after a rating from this page, the cached copy is
 * known to be old; the server answers 304 if it has nothing newer. `signal`
 * cancels the request when newer results are asked for.
 */
export async function fetchSummary(
  url: string,
  scale: Scale,
  timeoutMs: number,
  { revalidate = false, signal }: { revalidate?: boolean; signal?: AbortSignal } = {},
): Promise<Summary> {
  const target = new URL(url, document.baseURI);
  if (!target.searchParams.has('scale')) target.searchParams.set('scale', scale.name);
  const init: RequestInit = { headers: { Accept: 'application/json' }, signal, ...(revalidate ? { cache: 'no-cache' as const } : {}) };
  const response = await fetchWithTimeout(target, init, timeoutMs);
  if (!response.ok) throw new Error(`The summary answered ${response.status}.`);
  return parseSummary(await readJson(response), scale);
}

/** The service a results view counts: the `service` parameter of its summary URL. */
export function summaryService(url: string): string | undefined {
  try {
    return new URL(url, document.baseURI).searchParams.get('service') ?? undefined;
  } catch {
    return undefined;
  }
}
