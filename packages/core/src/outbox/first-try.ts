import { fetchWithTimeout, parseJson } from '../net/fetch-with-timeout.js';
import type { OutboxRequest } from './outbox-types.js';
import { isRetryable, retryAfterMs, toRequestBody } from './outbox.js';

/** What became of a submission's first try: the answer's parsed body when there was one. */
export type FirstTry =
  | { kind: 'accepted'; status: number; body: unknown }
  | { kind: 'keep'; retryAfterMs: number }
  | { kind: 'refused'; status: number; body: unknown };

/**
 * A submission's first try, before it is kept in the outbox. No answer, a
 * timeout or "not now" (5xx, 408, 425, 429) means keep it for later. A 409 is
 * final here: with a key never sent before, no earlier try of it can be in
 * progress, so the server means a real conflict.
 */
export async function firstTry(request: OutboxRequest, idempotencyKey: string, timeoutMs: number): Promise<FirstTry> {
  let response: Response;
  try {
    response = await fetchWithTimeout(
      request.url,
      { method: 'POST', headers: { ...request.headers, 'Idempotency-Key': idempotencyKey }, body: toRequestBody(request.body) },
      timeoutMs,
    );
  } catch {
    return { kind: 'keep', retryAfterMs: 0 };
  }
  if (isRetryable(response.status) && response.status !== 409) return { kind: 'keep', retryAfterMs: retryAfterMs(response) };
  const body = parseJson(await response.text().catch(() => ''));
  return response.ok ? { kind: 'accepted', status: response.status, body } : { kind: 'refused', status: response.status, body };
}
