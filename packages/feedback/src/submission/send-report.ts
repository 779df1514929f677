import { msg } from '@lit/localize';
import { firstTry, type OutboxRequest } from '@civic-widgets/core';
import { parseErrorDescription, parseReceipt } from '../open311/parse-open311.js';
import type { SubmissionReceipt } from '../open311/open311-types.js';
import type { LocalizedText } from '../form/validate.js';

export type SendOutcome =
  | { kind: 'sent'; receipt: SubmissionReceipt }
  | { kind: 'keep'; retryAfterMs: number }
  | { kind: 'refused'; status: number; reason: LocalizedText };

/** One try at sending a report: sent with its receipt, kept for later, or refused with a reason to show. */
export async function sendReport(request: OutboxRequest, idempotencyKey: string, timeoutMs: number): Promise<SendOutcome> {
  const result = await firstTry(request, idempotencyKey, timeoutMs);
  if (result.kind === 'keep') return result;
  if (result.kind === 'refused') return { kind: 'refused', status: result.status, reason: refusalReason(result.status, result.body) };
  return { kind: 'sent', receipt: receiptOf(result.body) };
}

/** The server's own words (`[{code, description}]`); when it gave none, what to do next, with the status for the console only. */
export function refusalReason(status: number, body: unknown): LocalizedText {
  const description = parseErrorDescription(body);
  if (description) return () => description;
  console.error(`[civic-widgets] <civic-feedback>: the Open311 server refused the report with HTTP ${status} and no error description.`, body);
  return () =>
    msg('The server did not accept your message and gave no reason. Check what you entered and send it again. If it is still not accepted, try again later or call 12345.');
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
