import { executeServerCommand } from '@web/test-runner-commands';
import { open311Origin } from '/test-config.js';

/** Failure modes of the Open311 test server (see test/server/open311-test-server.mjs). */
export type Open311Mode = 'ok' | 'fail-503' | 'fail-400' | 'hang' | 'token' | 'malformed' | 'down';

/** One POST to requests.json as the server saw it, in arrival order. */
export interface ReceivedPost {
  headers: { 'idempotency-key': string | null; 'content-type': string | null };
  /** Every form field; names may repeat (e.g. `attribute[when][]`). */
  fields: Record<string, string[]>;
  media: Array<{ size: number; type: string; url: string }>;
}

export interface Received {
  received: ReceivedPost[];
  /** Service requests actually created (idempotent repeats and failures excluded). */
  created: number;
}

export interface RequestUpdate {
  id: string;
  status?: 'open' | 'closed';
  status_notes?: string | null;
  agency_responsible?: string | null;
}

/** A fresh server namespace, so each test starts from the seed data: `${open311Origin}/ns/<random>/v2`. */
export function newEndpoint(): string {
  return `${open311Origin}/ns/${crypto.randomUUID()}/v2`;
}

export async function received(endpoint: string): Promise<Received> {
  return (await control(endpoint, 'received')) as Received;
}

export async function setMode(endpoint: string, mode: Open311Mode): Promise<void> {
  await control(endpoint, 'mode', { mode });
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
