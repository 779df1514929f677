import { executeServerCommand } from '@web/test-runner-commands';
import { open311Origin } from '/test-config.js';

/** Failure modes of the Open311 test server (see test/server/open311-test-server.mjs). */
export type Open311Mode =
  | 'ok'
  | 'fail-503'
  | 'fail-400'
  /** POSTs answer 400 with an empty body (no Open311 error description). */
  | 'fail-400-bare'
  | 'hang'
  | 'token'
  | 'malformed'
  | 'down'
  /** POSTs answer 409: "a request with this Idempotency-Key is still being processed". */
  | 'conflict-409'
  /** POSTs answer 425 Too Early, with the same description. */
  | 'too-early-425'
  /** POSTs answer 503 with `Retry-After: 120`. */
  | 'retry-after-503'
  /** POSTs answer 503 with `Retry-After` as an HTTP date 120 s ahead. */
  | 'retry-after-date-503'
  /** Only services/{code}.json is unreachable (the connection drops); everything else works. */
  | 'definitions-down'
  /** GET requests/{id}.json answers after 1.5 s. */
  | 'slow-lookups'
  /** services.json lists 20,000 services (about 3 MB); bulk-0's two questions have 5,000 choices each. */
  | 'huge-catalogue';

/** Which seed a namespace starts from (test/server/open311-seed.mjs). */
export type Open311Seed =
  /** A second district: other categories, and a `noise` with other questions. */
  | 'other'
  /** The default seed plus `proto-codes`, whose attribute codes are constructor, __proto__, toString, hasOwnProperty. */
  | 'tricky'
  /** The default seed, with requests numbered as the reference server numbers them: 2026-000001. */
  | 'yearly';

/** One POST to requests.json as the server saw it, in arrival order. */
export interface ReceivedPost {
  headers: {
    'idempotency-key': string | null;
    'content-type': string | null;
    'accept-language': string | null;
    referer: string | null;
    cookie: string | null;
  };
  /** The POST's query string, e.g. a key kept from the endpoint, or jurisdiction_id. */
  query: Record<string, string>;
  /** Every form field; names may repeat (e.g. `attribute[when][]`). */
  fields: Record<string, string[]>;
  media: Array<{ size: number; type: string; url: string }>;
}

export interface Received {
  received: ReceivedPost[];
  /** Service requests actually created (idempotent repeats and failures excluded). */
  created: number;
  /** Created requests marked for review (`civic_review`, e.g. "suspected-spam"), by request id; kept out of public lists. */
  reviews: Record<string, string>;
}

export interface RequestUpdate {
  id: string;
  status?: 'open' | 'closed';
  status_notes?: string | null;
  agency_responsible?: string | null;
}

/**
 * A fresh server namespace, so each test starts from the seed data: `${open311Origin}/ns/<random>/v2`.
 * With `seed`, the namespace starts from that seed instead of the default one.
 */
export function newEndpoint(seed?: Open311Seed): string {
  return `${open311Origin}/ns/${seed ? `${seed}-` : ''}${crypto.randomUUID()}/v2`;
}

export async function received(endpoint: string): Promise<Received> {
  return (await control(endpoint, 'received')) as Received;
}

export async function setMode(endpoint: string, mode: Open311Mode): Promise<void> {
  await control(endpoint, 'mode', { mode });
}

/** A GET the server held unanswered, and whether the client has closed its connection (given up on it). */
export interface HeldRequest {
  route: string;
  closed: boolean;
}

/** From now on, GETs of these routes (e.g. `v2/services.json`) are held unanswered; `[]` answers them again. */
export async function hold(endpoint: string, routes: string[]): Promise<void> {
  await control(endpoint, 'hold', { routes });
}

/** Every GET held so far in the endpoint's namespace, in arrival order. */
export async function heldRequests(endpoint: string): Promise<HeldRequest[]> {
  return (await control(endpoint, 'held')) as HeldRequest[];
}

/** The `service_notice` the server gives new requests (null: none). */
export async function setNotice(endpoint: string, notice: string | null): Promise<void> {
  await control(endpoint, 'notice', { notice });
}

/** Plays the part of district staff working on a request. */
export async function updateRequest(endpoint: string, update: RequestUpdate): Promise<void> {
  await control(endpoint, 'update', update);
}

/** Makes the page's real Geolocation API answer with this position, or deny permission. */
export async function setGeolocation(
  position: { latitude: number; longitude: number; accuracy?: number } | { deny: true },
): Promise<void> {
  await executeServerCommand('set-geolocation', position);
}

async function control(endpoint: string, action: string, body?: unknown): Promise<unknown> {
  const url = `${endpoint.replace(/\/v2\/?$/, '')}/__control/${action}`;
  const response = await fetch(
    url,
    body === undefined
      ? {}
      : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
  );
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}
