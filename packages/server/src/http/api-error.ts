import type { ContentLocale } from './locale.js';
import { messages, type MessageId } from './messages.js';

/**
 * A refusal the client should see word for word. The Open311 routes answer
 * with the spec's `[{code, description}]`; the others with RFC 9457 problem
 * details. Both carry the same status and text.
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A refusal in the client's language, since the widgets show a 4xx description to the citizen as it is. */
export function refusal(statusCode: number, locale: ContentLocale, id: MessageId, ...values: string[]): ApiError {
  const text = messages[id][locale].replace(/\{(\d)\}/g, (_, index: string) => values[Number(index)] ?? '');
  return new ApiError(statusCode, text);
}

/** A refusal (429, 503) that says, in words and in `Retry-After`, how many seconds to wait. */
export function retryLater(statusCode: 429 | 503, locale: ContentLocale, id: MessageId, seconds: number): ApiError {
  const error = refusal(statusCode, locale, id, String(seconds));
  error.headers['Retry-After'] = String(seconds);
  return error;
}
