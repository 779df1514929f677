import { fetchWithTimeout, parseJson } from '../net/fetch-with-timeout.js';
import { openOutboxStore } from './outbox-store.js';
import type { OutboxBody, OutboxRequest, PendingSubmission, SettledSubmission } from './outbox-types.js';

/**
 * The outbox keeps a citizen's submission that could not be sent and delivers
 * it later exactly once: each item keeps its Idempotency-Key for every try, a
 * Web Lock lets only one tab or bundle send at a time, and an item leaves the
 * outbox in the same transaction that records its outcome.
 */

const lockName = 'civic-widgets-outbox';
const channelName = 'civic-widgets-outbox';
const firstRetryMs = 2_000;
const longestRetryMs = 5 * 60_000;
// A kept report holds a name, a phone number, photos: on a shared device it
// must not wait for ever (PIPL: keep personal information no longer than needed).
// One documented pair with the reference server, which keeps idempotency answers
// 45 days for a device clock that drifts (packages/server/README.md): change both.
export const longestKeptMs = 30 * 24 * 60 * 60_000;

/** Fired on `outboxEvents` (in every tab and bundle) when a queued submission got its final answer. */
export const outboxSettledEvent = 'civic-outbox-settled';

export const outboxEvents = new EventTarget();
let channel: BroadcastChannel | undefined;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let started = false;

export function toRequestBody(body: OutboxBody): BodyInit {
  if (body.kind !== 'multipart') return body.text;
  const form = new FormData();
  for (const [name, value, filename] of body.parts) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, filename);
  }
  return form;
}

/**
 * Answers that say "not now" rather than "no": server errors, timeouts, rate
 * limits, and 409/425, which an Idempotency-Key server gives while the first
 * try of the same submission is still being processed.
 */
export function isRetryable(status: number): boolean {
  return status >= 500 || status === 408 || status === 409 || status === 425 || status === 429;
}

/** Keeps a submission whose first try failed; `retryAfterMs` is the server's `Retry-After`, if it gave one. */
export async function enqueue(source: string, key: string, request: OutboxRequest, retryAfterMs = 0): Promise<void> {
  const db = await openOutboxStore();
  const now = Date.now();
  const delay = Math.max(firstRetryMs, retryAfterMs);
  await db.put('pending', { key, source, request, queuedAt: now, attempts: 1, nextAttemptAt: now + delay });
  await scheduleSoonest();
}

/**
 * Removes a kept submission from the device at its citizen's request (a shared
 * computer). Waits for a delivery under way, so nothing is half sent; false when
 * it is no longer waiting (delivered or settled meanwhile).
 */
export async function withdraw(key: string): Promise<boolean> {
  let removed = false;
  await withOutboxLock(async () => {
    const tx = (await openOutboxStore()).transaction('pending', 'readwrite');
    removed = (await tx.store.get(key)) !== undefined;
    if (removed) await tx.store.delete(key);
    await tx.done;
  });
  return removed;
}

/** `source`'s submissions still waiting to be delivered (key and when each was kept), oldest first. */
export async function listPending(source: string): Promise<Array<{ key: string; queuedAt: number }>> {
  const items = await (await openOutboxStore()).getAll('pending');
  return items
    .filter((item) => item.source === source)
    .map(({ key, queuedAt }) => ({ key, queuedAt }))
    .sort((a, b) => a.queuedAt - b.queuedAt);
}

const claimPrefix = 'civic-widgets-outbox-claim:';
// Claims of this bundle, for pages without Web Locks (plain http), where claims cannot cross tabs.
const localClaims = new Set<string>();

/**
 * Marks a queued submission as watched by the widget that queued it, until
 * `release` is called or the page goes away: its outcome then goes to that
 * widget and not to another form on the page or in another tab.
 */
export function claimSubmission(key: string): () => void {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  localClaims.add(key);
  void navigator.locks?.request(claimPrefix + key, () => held);
  return () => {
    localClaims.delete(key);
    release();
  };
}

/**
 * Removes and returns the outcomes of `source`'s queued submissions that are
 * `own` or watched by no widget, so each outcome is shown once, by its owner if
 * it still has one.
 */
export async function takeSettled(source: string, own?: string): Promise<SettledSubmission[]> {
  const held = ((await navigator.locks?.query())?.held ?? [])
    .map((lock) => lock.name ?? '')
    .filter((name) => name.startsWith(claimPrefix))
    .map((name) => name.slice(claimPrefix.length));
  const claimed = new Set([...held, ...localClaims]);
  const db = await openOutboxStore();
  const tx = db.transaction('settled', 'readwrite');
  const items = (await tx.store.index('source').getAll(source)).filter((item) => item.key === own || !claimed.has(item.key));
  await Promise.all(items.map((item) => tx.store.delete(item.key)));
  await tx.done;
  return items;
}

/**
 * Starts delivery for this bundle: now, on every `online` event and on a
 * backoff timer. Called by every widget when it connects, so any civic widget
 * loading on the origin again delivers what is waiting; once per bundle.
 */
export function startOutbox(): void {
  if (started) return;
  started = true;
  // Back online, or a page of the site opened again: try everything now, not
  // when a backoff written for a dead network says so.
  window.addEventListener('online', () => void flushOutbox({ force: true }));
  channel = new BroadcastChannel(channelName);
  channel.onmessage = (event: MessageEvent<SettledSubmission>) => announce(event.data);
  void flushOutbox({ force: true });
}

/** Tries every item that is due (or all, when `force`), one sender at a time across tabs. */
export async function flushOutbox({ force = false } = {}): Promise<void> {
  try {
    await withOutboxLock(() => deliverDue(force));
  } catch (error) {
    console.error('[civic-widgets] The offline outbox could not be read.', error);
  }
}

async function deliverDue(force: boolean): Promise<void> {
  const db = await openOutboxStore();
  const now = Date.now();
  // Outcomes no widget has shown (the form was taken off the site) do not stay for ever either.
  for (const outcome of await db.getAll('settled')) {
    if (outcome.settledAt < now - longestKeptMs) await db.delete('settled', outcome.key);
  }
  try {
    for (const item of await db.getAll('pending')) {
      if (item.queuedAt < now - longestKeptMs) {
        await settle(item, { ok: false, expired: true, status: 0, response: undefined });
        continue;
      }
      if (!force && item.nextAttemptAt > now) continue;
      // One item's failure (a broken body, a failed write) must not stop the others.
      await deliver(item).catch(() => reschedule(item));
    }
  } finally {
    await scheduleSoonest();
  }
}

/** The timer follows the item due first: one server's long Retry-After must not hold back the others. */
async function scheduleSoonest(): Promise<void> {
  const remaining = await (await openOutboxStore()).getAll('pending');
  if (remaining.length > 0) scheduleRetry(Math.max(0, Math.min(...remaining.map((item) => item.nextAttemptAt)) - Date.now()));
}

/** Puts an item back for a later try, unless another sender settled it meanwhile (possible without Web Locks). */
async function reschedule(item: PendingSubmission, serverDelayMs = 0): Promise<void> {
  const tx = (await openOutboxStore()).transaction('pending', 'readwrite');
  if (await tx.store.get(item.key)) await tx.store.put(backedOff(item, serverDelayMs));
  await tx.done;
}

async function deliver(item: PendingSubmission): Promise<void> {
  let response: Response;
  try {
    response = await fetchWithTimeout(item.request.url, {
      method: 'POST',
      headers: { ...item.request.headers, 'Idempotency-Key': item.key },
      body: toRequestBody(item.request.body),
    });
  } catch {
    await reschedule(item);
    return;
  }
  if (isRetryable(response.status)) {
    await reschedule(item, retryAfterMs(response));
    return;
  }
  const text = await response.text();
  await settle(item, { ok: response.ok, status: response.status, response: parseIfJson(text) });
}

/** Moves an item from pending to settled in one transaction and tells every tab. */
async function settle(item: PendingSubmission, outcome: Pick<SettledSubmission, 'ok' | 'status' | 'response' | 'expired'>): Promise<void> {
  const db = await openOutboxStore();
  const settled: SettledSubmission = {
    key: item.key,
    source: item.source,
    ...outcome,
    // A refusal keeps what was sent, to give it back; an expired report keeps nothing, as the citizen is told.
    ...(outcome.ok || outcome.expired ? {} : { request: item.request }),
    settledAt: Date.now(),
  };
  const tx = db.transaction(['pending', 'settled'], 'readwrite');
  if (!(await tx.objectStore('pending').get(item.key))) return; // Settled meanwhile by another sender.
  await Promise.all([tx.objectStore('pending').delete(item.key), tx.objectStore('settled').put(settled)]);
  await tx.done;
  announce(settled);
  channel?.postMessage(settled);
}

function backedOff(item: PendingSubmission, serverDelayMs = 0): PendingSubmission {
  const delay = Math.min(firstRetryMs * 2 ** item.attempts, longestRetryMs);
  // Jitter keeps a district's many waiting devices from all retrying in the same second.
  const jittered = delay / 2 + Math.random() * (delay / 2);
  return { ...item, attempts: item.attempts + 1, nextAttemptAt: Date.now() + Math.max(jittered, serverDelayMs) };
}

/**
 * `Retry-After` in seconds or as an HTTP date; 0 when absent or unreadable. Across
 * origins the server must list it in Access-Control-Expose-Headers to be read.
 */
export function retryAfterMs(response: Response): number {
  const value = response.headers.get('Retry-After');
  if (!value) return 0;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), longestRetryMs) : 0;
}

function scheduleRetry(delayMs: number): void {
  if (!started) return;
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void flushOutbox(), delayMs);
}

function announce(settled: SettledSubmission): void {
  outboxEvents.dispatchEvent(new CustomEvent(outboxSettledEvent, { detail: settled }));
}

function parseIfJson(text: string): unknown {
  return parseJson(text) ?? text;
}

let localQueue = Promise.resolve();

async function withOutboxLock(task: () => Promise<void>): Promise<void> {
  if (navigator.locks) {
    await navigator.locks.request(lockName, task);
    return;
  }
  // Plain http has no Web Locks: one sender at a time within this page, and
  // the server's idempotency check across tabs.
  const run = localQueue.then(task, task);
  localQueue = run.catch(() => {});
  await run;
}
