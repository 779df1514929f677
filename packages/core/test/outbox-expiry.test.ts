import { expect } from '@open-wc/testing';
import { newEndpoint, received } from '../../feedback/test/helpers/open311.js';
import { enqueue, flushOutbox, takeSettled } from '../src/index.js';
import { openOutboxStore } from '../src/outbox/outbox-store.js';

const day = 24 * 60 * 60_000;

async function clearOutbox(): Promise<void> {
  const db = await openOutboxStore();
  await Promise.all([db.clear('pending'), db.clear('settled')]);
}

/** Keeps a report, then makes it look `ageDays` old. */
async function keepReport(endpoint: string, source: string, ageDays: number): Promise<string> {
  const key = crypto.randomUUID();
  await enqueue(source, key, {
    url: `${endpoint}/requests.json`,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: { kind: 'urlencoded', text: new URLSearchParams({ service_code: 'pothole', description: 'Old report', phone: '13800000000' }).toString() },
  });
  const db = await openOutboxStore();
  const item = (await db.get('pending', key))!;
  await db.put('pending', { ...item, queuedAt: Date.now() - ageDays * day });
  return key;
}

describe('outbox: personal data is not kept for ever', () => {
  beforeEach(clearOutbox);
  afterEach(clearOutbox);

  it('removes a report kept for more than 30 days without sending it, and says so once', async () => {
    const endpoint = newEndpoint();
    const source = `expiry-${crypto.randomUUID()}`;
    const key = await keepReport(endpoint, source, 31);

    await flushOutbox({ force: true });

    expect(await (await openOutboxStore()).get('pending', key)).to.equal(undefined);
    expect((await received(endpoint)).received).to.have.length(0);
    const outcomes = await takeSettled(source);
    expect(outcomes.map(({ key: settledKey, ok, expired }) => ({ settledKey, ok, expired }))).to.deep.equal([
      { settledKey: key, ok: false, expired: true },
    ]);
    // Removed means removed: nothing of what was sent (a phone number here) is kept with the outcome.
    expect(JSON.stringify(outcomes[0])).not.to.include('13800000000');
    expect(await takeSettled(source)).to.have.length(0);
  });

  it('still delivers a report kept for 29 days', async () => {
    const endpoint = newEndpoint();
    const source = `expiry-${crypto.randomUUID()}`;
    await keepReport(endpoint, source, 29);

    await flushOutbox({ force: true });

    expect((await received(endpoint)).created).to.equal(1);
    expect((await takeSettled(source)).map((outcome) => outcome.ok)).to.deep.equal([true]);
  });
});
