import { expect } from '@open-wc/testing';
import { openOutboxStore } from '../src/outbox/outbox-store.js';
import type { PendingSubmission } from '../src/outbox/outbox-types.js';

const databaseName = 'civic-widgets-outbox';

function kept(key: string): PendingSubmission {
  const now = Date.now();
  return {
    key,
    source: 'civic-test',
    request: { url: 'https://311.example/requests.json', headers: {}, body: { kind: 'urlencoded', text: 'service_code=1' } },
    queuedAt: now,
    attempts: 1,
    nextAttemptAt: now,
  };
}

/** Resolves with what `indexedDB.open()` reports first: opened, or blocked by a connection that stays open. */
function openNewerVersion(version: number): Promise<{ outcome: 'opened' | 'blocked'; db?: IDBDatabase }> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(databaseName, version);
    request.onblocked = () => resolve({ outcome: 'blocked' });
    request.onsuccess = () => resolve({ outcome: 'opened', db: request.result });
    request.onerror = () => reject(request.error);
  });
}

function deleteDatabase(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(databaseName);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

describe('the outbox database', () => {
  afterEach(async () => {
    const db = await openOutboxStore();
    await Promise.all([db.clear('pending'), db.clear('settled')]);
  });

  it('keeps a submission across transactions, and a transaction that reads then writes commits both', async () => {
    const db = await openOutboxStore();
    await db.put('pending', kept('first'));
    const transaction = db.transaction(['pending', 'settled'], 'readwrite');
    const item = await transaction.objectStore('pending').get('first');
    await Promise.all([
      transaction.objectStore('pending').delete('first'),
      transaction.objectStore('settled').put({ key: 'first', source: item!.source, ok: true, status: 201, response: [], settledAt: Date.now() }),
    ]);
    await transaction.done;
    expect(await db.get('pending', 'first')).to.equal(undefined);
    const settled = await (await openOutboxStore()).transaction('settled').store.index('source').getAll('civic-test');
    expect(settled.map(({ key, ok }) => ({ key, ok }))).to.deep.equal([{ key: 'first', ok: true }]);
  });

  it('a write that cannot be stored is refused, and nothing is kept', async () => {
    const db = await openOutboxStore();
    // A function cannot be cloned into IndexedDB.
    const broken = { ...kept('broken'), request: { ...kept('broken').request, headers: { toString: () => '' } } } as unknown as PendingSubmission;
    let refused: unknown;
    await db.put('pending', broken).catch((error: unknown) => (refused = error));
    expect((refused as DOMException | undefined)?.name).to.equal('DataCloneError');
    expect(await db.get('pending', 'broken')).to.equal(undefined);
  });

  it('does not block a newer bundle that upgrades the database, and opens it again afterwards', async () => {
    await (await openOutboxStore()).put('pending', kept('before'));
    const newer = await openNewerVersion(2);
    expect(newer.outcome).to.equal('opened');
    newer.db!.close();
    // The newer schema is gone again (as if that bundle was rolled back); this bundle opens its own afresh.
    await deleteDatabase();
    const db = await openOutboxStore();
    await db.put('pending', kept('after'));
    expect((await db.getAll('pending')).map(({ key }) => key)).to.deep.equal(['after']);
  });
});
