import { MalformedResponseError, parseJson } from './fetch-with-timeout.js';

/** The answer is larger than the widget agreed to read: hostile, or a mistake on the host's server. */
export class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLargeError';
  constructor(
    readonly url: string,
    readonly limitBytes: number,
  ) {
    super(`The answer from ${url} is larger than ${limitBytes} bytes`);
  }
}

/**
 * Reads a body as text, stopping (and cancelling the download) once it passes
 * `maxBytes`: a 50 MB feed or a catalogue of 20,000 entries must not be
 * downloaded, held and parsed whole before the widget can say no. Bytes are
 * counted as they arrive (after any Content-Encoding), so a small compressed
 * answer that inflates is stopped as well.
 */
export async function readTextLimited(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('Content-Length'));
  if (!response.body || declared > maxBytes) {
    void response.body?.cancel().catch(() => {});
    if (declared > maxBytes) throw new ResponseTooLargeError(response.url, maxBytes);
    return '';
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new ResponseTooLargeError(response.url, maxBytes);
    }
    chunks.push(value);
  }
  const decoder = new TextDecoder();
  return chunks.map((chunk, index) => decoder.decode(chunk, { stream: index < chunks.length - 1 })).join('');
}

/** `readJson` with a byte limit: ResponseTooLargeError past `maxBytes`, MalformedResponseError when it is not JSON. */
export async function readJsonLimited(response: Response, maxBytes: number): Promise<unknown> {
  const text = await readTextLimited(response, maxBytes);
  const json = parseJson(text);
  if (json === undefined) throw new MalformedResponseError(`Expected JSON from ${response.url}, got: ${text.slice(0, 80)}`);
  return json;
}
