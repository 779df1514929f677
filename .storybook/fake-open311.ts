import * as data from './fake-open311-data';
import type { CatalogLanguage } from './fake-open311-data';

/**
 * A fake Open311 GeoReport v2 server inside the Storybook preview, so every
 * state of a widget can be shown without a server.
 *
 * Endpoints look like `/fake-open311/{scenario}/v2`, where scenario is one of
 * `ok`, `slow`, `offline`, `refused`, `broken`, `down`, each optionally with
 * `-en` for the English catalog (`ok-en`, `offline-en`, …).
 *
 * Why a `window.fetch` fake rather than a service worker (MSW and the like):
 * - it works the same in `storybook dev` and in the static build, on any static
 *   host, with no worker script to serve at the right scope;
 * - it is installed before the first story renders, so there is no race with a
 *   worker's activation and no first-load page that still hits the network;
 * - it is deterministic: answers come from code, not from a cache or a worker
 *   that may still be running an older version.
 * Only same-origin URLs under `/fake-open311/` are answered; every other
 * request goes to the real `fetch` untouched.
 */

type Scenario = 'ok' | 'slow' | 'offline' | 'refused' | 'broken' | 'down';
const scenarios: readonly string[] = ['ok', 'slow', 'offline', 'refused', 'broken', 'down'];
const fakePath = /^\/fake-open311\/([a-z]+)(-en)?\/v2\/(.+)$/;

// Long enough that "Loading…" shows as on a real network, short enough not to slow stories down.
const latencyMs = 80;

export function fakeEndpoint(scenario: Scenario, language: CatalogLanguage = 'zh'): string {
  return `/fake-open311/${scenario}${language === 'en' ? '-en' : ''}/v2`;
}

let installed = false;

export function installFakeOpen311(): void {
  if (installed) return;
  installed = true;
  const realFetch = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    const match = url.origin === window.location.origin ? fakePath.exec(url.pathname) : null;
    if (!match) return realFetch(input, init);
    const [, scenario = '', english, path = ''] = match;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    return answer(scenario, english ? 'en' : 'zh', method, path, init?.body, signal ?? undefined);
  };
}

async function answer(
  scenario: string,
  language: CatalogLanguage,
  method: string,
  path: string,
  body: BodyInit | null | undefined,
  signal: AbortSignal | undefined,
): Promise<Response> {
  await wait(latencyMs, signal);
  if (!scenarios.includes(scenario)) return json(404, data.notFound(language, `scenario ${scenario}`));
  if (scenario === 'down') throw new TypeError('Failed to fetch');

  if (method === 'POST' && path === 'requests.json') return submit(scenario as Scenario, language, body, signal);
  if (method !== 'GET') return json(405, [{ code: 405, description: `${method} is not allowed here` }]);

  if (path === 'services.json') {
    // Cut off halfway, as a proxy or a half-finished deployment might send it.
    if (scenario === 'broken') return new Response('[{"service_code":"noise","service_name":"噪声扰', { status: 200, headers: jsonHeaders });
    return json(200, data.services(language));
  }
  if (path === 'services/noise.json') return json(200, data.noiseDefinition(language));
  if (path === `requests/${data.knownRequestId}.json`) return json(200, data.requestStatus(language));
  return json(404, data.notFound(language, path));
}

function submit(scenario: Scenario, language: CatalogLanguage, body: BodyInit | null | undefined, signal: AbortSignal | undefined): Promise<Response> | Response {
  switch (scenario) {
    case 'slow':
      // Never answers: the widget stays in its sending state until its own timeout aborts.
      return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
    case 'offline':
      // Exactly what Chromium's fetch rejects with when there is no connection.
      throw new TypeError('Failed to fetch');
    case 'refused':
      return json(400, data.refusal(language));
    default:
      if (!fieldOf(body, 'service_code')) return json(400, [{ code: 400, description: 'service_code is required' }]);
      return json(201, data.receipt(language));
  }
}

/** A field of a urlencoded or multipart body, as a real server would read it. */
function fieldOf(body: BodyInit | null | undefined, name: string): string | null {
  if (typeof body === 'string') return new URLSearchParams(body).get(name);
  if (body instanceof URLSearchParams) return body.get(name);
  if (body instanceof FormData) {
    const value = body.get(name);
    return typeof value === 'string' ? value : null;
  }
  return null;
}

const jsonHeaders = { 'Content-Type': 'application/json; charset=utf-8' };

function json(status: number, payload: unknown): Response {
  return new Response(JSON.stringify(payload), { status, headers: jsonHeaders });
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}
