import { fetchWithTimeout, parseJson, readJsonLimited, readTextLimited, type OutboxRequest } from '@civic-widgets/core';
import {
  Open311DataError,
  parseErrorDescription,
  parseRequestStatus,
  parseServiceDefinition,
  parseServices,
  parseTokenLookup,
} from './parse-open311.js';
import type { Service, ServiceAttribute, ServiceRequestStatus } from './open311-types.js';

export interface Open311Settings {
  endpoint: string;
  jurisdictionId: string;
  timeoutMs: number;
  /** Sent as Accept-Language: category names and refusals come back in the page's language, not the browser's. */
  locale: string;
  /** The most bytes read from one answer (`max-response-bytes`). */
  maxResponseBytes: number;
}

/** An Open311 answer with an error status; `description` is the server's own words. */
export class Open311HttpError extends Error {
  override name = 'Open311HttpError';
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(`HTTP ${status}${description ? `: ${description}` : ''}`);
  }
}

/**
 * `${endpoint}/${path}`, keeping any query the endpoint has (some gateways put
 * a key there), with jurisdiction_id added for endpoints that serve several.
 */
function open311Url(settings: Open311Settings, path: string): string {
  const url = new URL(settings.endpoint, document.baseURI);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path}`;
  if (settings.jurisdictionId) url.searchParams.set('jurisdiction_id', settings.jurisdictionId);
  return url.href;
}

/** `signal` gives up on the request (its connection is closed), e.g. when a newer load supersedes it. */
async function getJson(settings: Open311Settings, path: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetchWithTimeout(open311Url(settings, path), { signal, headers: { Accept: 'application/json', 'Accept-Language': settings.locale } }, settings.timeoutMs);
  if (!response.ok) {
    const body = await readTextLimited(response, settings.maxResponseBytes).catch(() => '');
    throw new Open311HttpError(response.status, parseErrorDescription(parseJson(body)));
  }
  return readJsonLimited(response, settings.maxResponseBytes);
}

export async function fetchServices(settings: Open311Settings, signal: AbortSignal): Promise<Service[]> {
  return parseServices(await getJson(settings, 'services.json', signal));
}

export async function fetchServiceDefinition(settings: Open311Settings, code: string, signal: AbortSignal): Promise<ServiceAttribute[]> {
  return parseServiceDefinition(await getJson(settings, `services/${encodeURIComponent(code)}.json`, signal));
}

/**
 * Looks up a tracking number. A token (given by servers that create requests
 * in batches) is first exchanged for the request id it has become.
 */
export async function fetchRequestStatus(settings: Open311Settings, reference: string, signal: AbortSignal): Promise<ServiceRequestStatus> {
  try {
    return parseRequestStatus(await getJson(settings, `requests/${encodeURIComponent(reference)}.json`, signal));
  } catch (error) {
    if (!(error instanceof Open311HttpError && error.status === 404)) throw error;
    const requestId = parseTokenLookup(await getJson(settings, `tokens/${encodeURIComponent(reference)}.json`, signal));
    if (!requestId) throw new Open311DataError('The token has no request yet');
    return parseRequestStatus(await getJson(settings, `requests/${encodeURIComponent(requestId)}.json`, signal));
  }
}

/** The Open311 parameters of one submission, by their wire names; lists use the `name[]` convention. */
export type Open311Fields = Record<string, string | string[]>;

export interface Photo {
  blob: Blob;
  name: string;
}

/**
 * The spec's urlencoded POST, or multipart with the photos as `media` parts
 * (the widely used draft v2.1 extension) when there are photos.
 */
export function buildSubmission(settings: Open311Settings, fields: Open311Fields, photos: Photo[]): OutboxRequest {
  const url = open311Url(settings, 'requests.json');
  const entries = Object.entries(fields).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((item) => [name, item] as [string, string]),
  );
  if (photos.length === 0) {
    return {
      url,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', 'Accept-Language': settings.locale },
      body: { kind: 'urlencoded', text: new URLSearchParams(entries).toString() },
    };
  }
  return {
    url,
    headers: { Accept: 'application/json', 'Accept-Language': settings.locale },
    body: {
      kind: 'multipart',
      parts: [...entries, ...photos.map(({ blob, name }): [string, Blob, string] => ['media', blob, name])],
    },
  };
}
