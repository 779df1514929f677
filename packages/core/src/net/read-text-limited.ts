/** Raised when a response is larger than the reader allows; nothing beyond the limit was read. */
export class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLargeError';
  constructor(
    readonly url: string,
    readonly limitBytes: number,
  ) {
    super(`${url} is larger than ${limitBytes} bytes, the most this widget reads.`);
  }
}

/**
 * A response's text, read as UTF-8 (as `response.text()` reads it) up to
 * `maxBytes` of body. A declared Content-Length above the limit is refused
 * before reading; otherwise the body is read in chunks and the download is
 * cancelled as soon as it passes the limit, so a 50 MB answer costs neither
 * 50 MB of memory nor the parse of it, and the page never freezes on it.
 */
export async function readTextLimited(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('Content-Length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new ResponseTooLargeError(response.url, maxBytes);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ResponseTooLargeError(response.url, maxBytes);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}
