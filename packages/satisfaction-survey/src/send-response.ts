import { msg, str } from '@lit/localize';
import { firstTry, type OutboxRequest } from '@civic-widgets/core';
import type { SurveyResponse } from './survey-response.js';

export type SendOutcome = { kind: 'sent' } | { kind: 'keep'; retryAfterMs: number } | { kind: 'refused'; status: number; reason: () => string };

export function surveyRequest(endpoint: string, response: SurveyResponse): OutboxRequest {
  return {
    url: new URL(endpoint, document.baseURI).href,
    // The page's language, not the browser's: a refusal is shown to the citizen word for word.
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json', 'Accept-Language': response.locale },
    body: { kind: 'json', text: JSON.stringify(response) },
  };
}

/** The server's own words: RFC 9457 problem details (`detail`, else `title`), or an Open311-style `[{description}]`. */
export function serverReason(body: unknown): string | undefined {
  const first = Array.isArray(body) ? body[0] : body;
  if (typeof first !== 'object' || first === null) return undefined;
  const { detail, title, description } = first as Record<string, unknown>;
  const text = [detail, description, title].find((value) => typeof value === 'string' && value.trim() !== '');
  return typeof text === 'string' ? text.slice(0, 500) : undefined;
}

/** One try: accepted, kept for later, or refused with the server's own words when it gave any. */
export async function sendResponse(request: OutboxRequest, idempotencyKey: string, timeoutMs: number): Promise<SendOutcome> {
  const result = await firstTry(request, idempotencyKey, timeoutMs);
  if (result.kind === 'accepted') return { kind: 'sent' };
  if (result.kind === 'keep') return result;
  const reason = serverReason(result.body);
  const { status } = result;
  return { kind: 'refused', status, reason: reason ? () => reason : () => msg(str`The server did not accept the rating (error ${status}).`) };
}
