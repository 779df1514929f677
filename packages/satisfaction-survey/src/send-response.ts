import { msg, str } from '@lit/localize';
import { fetchWithTimeout, isRetryable, parseJson, retryAfterMs, toRequestBody, type OutboxRequest } from '@civic-widgets/core';
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

/**
 * One try. No answer, a timeout or "not now" (5xx, 408, 425, 429) means keep
 * it for later. A 409 is final here: with a key never sent before, no earlier
 * try can be in progress.
 */
export async function sendResponse(request: OutboxRequest, idempotencyKey: string, timeoutMs: number): Promise<SendOutcome> {
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
  if (response.ok) return { kind: 'sent' };
  const reason = serverReason(parseJson(await response.text().catch(() => '')));
  const status = response.status;
  return { kind: 'refused', status, reason: reason ? () => reason : () => msg(str`The server did not accept the rating (error ${status}).`) };
}
