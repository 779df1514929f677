/** Raised when the network or the server did not answer within the time allowed. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

const defaultTimeoutMs = 15_000;

/**
 * `fetch` that gives up after `timeoutMs`: citizens on poor networks must learn
 * quickly that their report is being kept, not watch a spinner for minutes.
 */
export async function fetchWithTimeout(
  input: string | URL,
  init: RequestInit = {},
  timeoutMs = defaultTimeoutMs,
): Promise<Response> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  try {
    // No cookies and no Referer: the district's API learns nothing about the citizen it was not given.
    return await fetch(input, { ...init, signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch (error) {
    if (timeout.aborted) throw new TimeoutError(`No answer within ${timeoutMs} ms`);
    throw error;
  }
}

/** The parsed JSON, or undefined when `text` is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Reads a JSON body, raising a clear error when the server sent something else. */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  const json = parseJson(text);
  if (json === undefined) throw new MalformedResponseError(`Expected JSON from ${response.url}, got: ${text.slice(0, 80)}`);
  return json;
}

export class MalformedResponseError extends Error {
  override name = 'MalformedResponseError';
}
