import { msg, str } from '@lit/localize';
import { fetchWithTimeout, isRetryable, parseJson, retryAfterMs, toRequestBody, type OutboxRequest } from '@civic-widgets/core';
import { parseErrorDescription, parseReceipt } from '../open311/parse-open311.js';
import type { SubmissionReceipt } from '../open311/open311-types.js';
import type { LocalizedText } from '../form/validate.js';

export type SendOutcome =
  | { kind: 'sent'; receipt: SubmissionReceipt }
  | { kind: 'keep'; retryAfterMs: number }
  | { kind: 'refused'; status: number; reason: LocalizedText };

/**
 * One try at sending a report. No answer, a timeout or "not now" (5xx, 425, 429)
 * means keep it for later; any other refusal is final and has a reason to show.
 * A 409 is final here: with a key never sent before, no earlier try can be in
 * progress, so the server means a real conflict (a duplicate report, say).
 */
export async function sendReport(request: OutboxRequest, idempotencyKey: string, timeoutMs: number): Promise<SendOutcome> {
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
  if (!response.ok) return { kind: 'refused', status: response.status, reason: refusalReason(response.status, body) };
  return { kind: 'sent', receipt: receiptOf(body) };
}

/** The server's own words (`[{code, description}]`), or the status when it gave none. */
export function refusalReason(status: number, body: unknown): LocalizedText {
  const description = parseErrorDescription(body);
  return description ? () => description : () => msg(str`The server refused the message (error ${status}).`);
}

/** The receipt in an accepted report's answer; a 2xx whose body is not understood still means "received". */
export function receiptOf(body: unknown): SubmissionReceipt {
  try {
    return parseReceipt(body);
  } catch (error) {
    console.error('[civic-widgets] <civic-feedback>: the report was accepted, but the answer has no tracking number.', error);
    return { notice: '' };
  }
}
