import { expect } from '@open-wc/testing';
import { newEndpoint, received, setMode } from '../../feedback/test/helpers/open311.js';
import {
  enqueue,
  flushOutbox,
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
});
