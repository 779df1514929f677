import { expect } from '@open-wc/testing';
import { newEndpoint, received, setMode } from '../../feedback/test/helpers/open311.js';
import {
  enqueue,
  flushOutbox,
  isRetryable,
  outboxEvents,
  outboxSettledEvent,
  takeSettled,
  type OutboxRequest,
  type SettledSubmission,
} from '../src/index.js';
import { openOutboxStore } from '../src/outbox/outbox-store.js';

async function pendingCount(source: string): Promise<number> {
  return (await (await openOutboxStore()).getAll('pending')).filter((item) => item.source === source).length;
}

// startOutbox() is never called here, so no timer or `online` event flushes
// behind a test's back: every delivery below is one the test asked for.

function report(endpoint: string, description: string): OutboxRequest {
  return {
    url: `${endpoint}/requests.json`,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: { kind: 'urlencoded', text: new URLSearchParams({ service_code: 'pothole', description }).toString() },
  };
}

async function pending(key: string) {
  return (await openOutboxStore()).get('pending', key);
}

/** The outbox database is shared by the whole origin: start and end every test empty. */
async function clearOutbox(): Promise<void> {
  const db = await openOutboxStore();
  await Promise.all([db.clear('pending'), db.clear('settled')]);
}

describe('isRetryable', () => {
  it('says "not now" for 409 and 425 (an Idempotency-Key server still processing the first try), as for 408, 429 and 5xx', () => {
    const statuses = [400, 401, 403, 404, 408, 409, 410, 413, 422, 425, 429, 500, 502, 503, 504];
    expect(statuses.filter((status) => isRetryable(status))).to.deep.equal([408, 409, 425, 429, 500, 502, 503, 504]);
  });
});

describe('outbox', () => {
  let settledEvents: SettledSubmission[];
  const onSettled = (event: Event) => settledEvents.push((event as CustomEvent<SettledSubmission>).detail);

  beforeEach(async () => {
    await clearOutbox();
    settledEvents = [];
    outboxEvents.addEventListener(outboxSettledEvent, onSettled);
  });
  afterEach(async () => {
    outboxEvents.removeEventListener(outboxSettledEvent, onSettled);
    await clearOutbox();
  });

  it('keeps a submission through a 503 and then delivers it exactly once', async () => {
    const endpoint = newEndpoint();
    const source = `test-source-${crypto.randomUUID()}`;
    const key = crypto.randomUUID();
    await setMode(endpoint, 'fail-503');
    await enqueue(source, key, report(endpoint, 'Hole outside no. 5'));
    expect((await pending(key))?.attempts).to.equal(1);

    await flushOutbox({ force: true });
    const waiting = await pending(key);
    expect(waiting?.attempts).to.equal(2);
    expect(waiting!.nextAttemptAt).to.be.above(Date.now());
    expect(await pendingCount(source)).to.equal(1);
    expect(await takeSettled(source)).to.deep.equal([]);
    expect(settledEvents).to.have.length(0);

    await setMode(endpoint, 'ok');
    await flushOutbox({ force: true });
    expect(await pendingCount(source)).to.equal(0);

    const server = await received(endpoint);
    expect(server.received.map((post) => post.headers['idempotency-key'])).to.deep.equal([key, key]);
    expect(server.received[1]!.fields['description']).to.deep.equal(['Hole outside no. 5']);
    expect(server.created).to.equal(1);

    expect(settledEvents.map((item) => [item.key, item.source, item.ok])).to.deep.equal([[key, source, true]]);
    const [outcome, ...rest] = await takeSettled(source);
    expect(rest).to.have.length(0);
    expect(outcome).to.include({ key, source, ok: true, status: 200 });
    expect(outcome!.response).to.deep.include.members([
      { service_request_id: 'SR-1', service_notice: 'We aim to respond within 3 working days.', account_id: null },
    ]);
    expect(await takeSettled(source)).to.deep.equal([]);
  });

  it('a stale second copy of a delivered submission creates nothing new', async () => {
    const endpoint = newEndpoint();
    const source = `test-source-${crypto.randomUUID()}`;
    const key = crypto.randomUUID();
    await enqueue(source, key, report(endpoint, 'Broken kerb'));
    await flushOutbox({ force: true });
    await enqueue(source, key, report(endpoint, 'Broken kerb'));
    await flushOutbox({ force: true });

    const server = await received(endpoint);
    expect(server.received).to.have.length(2);
    expect(server.created).to.equal(1);
    const outcomes = await takeSettled(source);
    // Both tries share the key, so the second outcome replaced the first.
    expect(outcomes).to.have.length(1);
    expect((outcomes[0]!.response as Array<{ service_request_id: string }>)[0]!.service_request_id).to.equal('SR-1');
  });

  it('settles with ok:false when the server rejects the submission (400)', async () => {
    const endpoint = newEndpoint();
    const source = `test-source-${crypto.randomUUID()}`;
    const key = crypto.randomUUID();
    await setMode(endpoint, 'fail-400');
    await enqueue(source, key, report(endpoint, 'Somewhere far away'));
    await flushOutbox({ force: true });

    expect(await pendingCount(source)).to.equal(0);
    const [outcome] = await takeSettled(source);
    expect(outcome).to.include({ key, ok: false, status: 400 });
    expect(outcome!.response).to.deep.equal([{ code: 400, description: 'The address is outside the district.' }]);
    // What was sent stays with a refusal, so the widget can give it back to the citizen.
    expect(outcome!.request?.url).to.equal(`${endpoint}/requests.json`);
    expect(settledEvents).to.have.length(1);
  });

  it('keeps the submission when the server cannot be reached at all', async () => {
    const endpoint = newEndpoint();
    const source = `test-source-${crypto.randomUUID()}`;
    const key = crypto.randomUUID();
    await setMode(endpoint, 'down');
    await enqueue(source, key, report(endpoint, 'Street light out'));
    await flushOutbox({ force: true });

    expect((await pending(key))?.attempts).to.equal(2);
    expect(settledEvents).to.have.length(0);
    await setMode(endpoint, 'ok');
    expect((await received(endpoint)).received).to.have.length(0);
  });

  it('a plain flush leaves items that are not yet due', async () => {
    const endpoint = newEndpoint();
    const source = `test-source-${crypto.randomUUID()}`;
    const key = crypto.randomUUID();
    await enqueue(source, key, report(endpoint, 'Graffiti'));
    expect((await pending(key))!.nextAttemptAt).to.be.above(Date.now());

    await flushOutbox();
    expect(await pendingCount(source)).to.equal(1);
    expect((await received(endpoint)).received).to.have.length(0);

    // Once due, a plain flush sends it.
    const db = await openOutboxStore();
    await db.put('pending', { ...(await pending(key))!, nextAttemptAt: Date.now() - 1 });
    await flushOutbox();
    expect(await pendingCount(source)).to.equal(0);
    expect((await received(endpoint)).created).to.equal(1);
  });

  it('delivers a multipart submission with its photo', async () => {
    const endpoint = newEndpoint();
    const source = `test-source-${crypto.randomUUID()}`;
    const key = crypto.randomUUID();
    const photo = new Blob([new Uint8Array(2048)], { type: 'image/jpeg' });
    await enqueue(source, key, {
      url: `${endpoint}/requests.json`,
      headers: {},
      body: {
        kind: 'multipart',
        parts: [
          ['service_code', 'pothole'],
          ['description', '路面塌陷'],
          ['media', photo, 'photo.jpg'],
        ],
      },
    });
    await flushOutbox({ force: true });

    const [post] = (await received(endpoint)).received;
    expect(post!.headers['content-type']).to.match(/^multipart\/form-data; boundary=/);
    expect(post!.fields['description']).to.deep.equal(['路面塌陷']);
    expect(post!.media.map(({ size, type }) => ({ size, type }))).to.deep.equal([{ size: 2048, type: 'image/jpeg' }]);
    const served = await fetch(post!.media[0]!.url);
    expect(served.headers.get('content-type')).to.equal('image/jpeg');
    expect((await served.arrayBuffer()).byteLength).to.equal(2048);
    expect((await takeSettled(source))[0]).to.include({ ok: true });
  });
  for (const [mode, status] of [
    ['conflict-409', 409],
    ['too-early-425', 425],
  ] as const) {
    it(`keeps a submission answered ${status} (its first try still being processed) and delivers it once that is done`, async () => {
      const endpoint = newEndpoint();
      const source = `test-source-${crypto.randomUUID()}`;
      const key = crypto.randomUUID();
      await setMode(endpoint, mode);
      await enqueue(source, key, report(endpoint, 'Hole outside no. 9'));
      await flushOutbox({ force: true });

      // Not settled as refused: still waiting, with no outcome to show.
      expect((await pending(key))?.attempts).to.equal(2);
      expect(settledEvents).to.have.length(0);
      expect(await takeSettled(source)).to.deep.equal([]);

      await setMode(endpoint, 'ok');
      await flushOutbox({ force: true });
      expect(await pendingCount(source)).to.equal(0);
      const server = await received(endpoint);
      expect(server.received.map((post) => post.headers['idempotency-key'])).to.deep.equal([key, key]);
      expect(server.created).to.equal(1);
      expect(settledEvents.map((item) => [item.key, item.ok, item.status])).to.deep.equal([[key, true, 200]]);
    });
  }

  for (const [mode, form] of [
    ['retry-after-503', 'in seconds'],
    ['retry-after-date-503', 'as an HTTP date'],
  ] as const) {
    it(`waits at least as long as the server's Retry-After (${form}) asks before the next try`, async () => {
      const endpoint = newEndpoint();
      const source = `test-source-${crypto.randomUUID()}`;
      const key = crypto.randomUUID();
      await setMode(endpoint, mode);
      await enqueue(source, key, report(endpoint, 'Hole outside no. 11'));
      const before = Date.now();
      await flushOutbox({ force: true });

      const waiting = await pending(key);
      expect(waiting?.attempts).to.equal(2);
      // The server asked for 120 s (an HTTP date has whole seconds only); the own backoff would be 2–4 s.
      const delay = waiting!.nextAttemptAt - before;
      expect(delay, `next try in ${delay} ms`).to.be.at.least(118_000);
      expect(delay, `next try in ${delay} ms`).to.be.at.most(125_000);

      // So a plain flush (the retry timer) leaves it alone meanwhile.
      await setMode(endpoint, 'ok');
      await flushOutbox();
      expect((await received(endpoint)).received).to.have.length(1);
      expect(await pendingCount(source)).to.equal(1);
    });
  }
});
