import { msg, str } from '@lit/localize';
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
