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
