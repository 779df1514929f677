// The Idempotency-Key store on its own, with a clock the test moves: a try
// that was taken over as abandoned can neither complete nor free the key,
// expired keys are forgotten while the server runs, and a key reused for
// other content is told apart. On the engine the suite runs against.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../dist/config.js';
import { databaseLocation, openDatabase } from '../dist/db/open-database.js';
import { fingerprintOf, idempotencyStore } from '../dist/http/idempotency.js';
import { databaseArgs } from './helpers/test-database.mjs';

const scope = 'test';
const minute = 60_000;
const day = 24 * 60 * minute;

describe('idempotency store', () => {
  let dir;
  let database;
  let clock;
  let store;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'civic-idempotency-'));
    database = await openDatabase(databaseLocation(loadConfig(await databaseArgs(dir), {})));
    clock = Date.parse('2026-11-01T00:00:00Z');
    store = idempotencyStore(database, () => clock);
  });
  after(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const rows = (key) =>
    database.db.selectFrom('idempotency_keys').select(['state', 'attempt']).where('scope', '=', scope).where('key', '=', key).execute();
  const claim = (key, fingerprint) => store.claim(database.db, scope, key, fingerprint);
  const complete = (key, attempt, status, body) => database.db.transaction().execute((trx) => store.complete(trx, scope, key, attempt, status, body));

  test('an hour on, a claim inside the transaction that stores the report forgets old answers and still answers (SQLite has one connection)', { timeout: 20_000 }, async () => {
    const fingerprint = fingerprintOf({ description: 'an hour later' });
    const old = await claim('forgotten', fingerprint);
    assert.equal(await complete('forgotten', old.attempt, 200, ['old']), true);
    clock += 46 * 86_400_000; // past the 45 days an answer is kept, and past the hourly clean-up
    const fresh = await database.db.transaction().execute((trx) => store.claim(trx, scope, 'an-hour-on', fingerprint));
    assert.equal(fresh.kind, 'first');
    assert.deepEqual(await rows('forgotten'), []);
  });

  test('a try taken over after a minute cannot complete or free the key; the retry that took it over can', async () => {
    const fingerprint = fingerprintOf({ description: 'lift stuck' });
    const first = await claim('slow', fingerprint);
    assert.equal(first.kind, 'first');
    clock += 30_000;
    assert.equal((await claim('slow', fingerprint)).kind, 'in-progress');

    clock += 31_000; // 61 s after the first claim: abandoned
    const retry = await claim('slow', fingerprint);
    assert.equal(retry.kind, 'first');
    assert.notEqual(retry.attempt, first.attempt);

    // The first try finishes after all: its transaction must roll back.
    assert.equal(await complete('slow', first.attempt, 200, ['first']), false);
    // And its clean-up leaves the retry's hold alone.
    await store.release(scope, 'slow', first.attempt);
    assert.deepEqual(await rows('slow'), [{ state: 'pending', attempt: retry.attempt }]);
    assert.equal((await claim('slow', fingerprint)).kind, 'in-progress');

    assert.equal(await complete('slow', retry.attempt, 200, ['retry']), true);
    assert.deepEqual(await claim('slow', fingerprint), { kind: 'replay', status: 200, body: '["retry"]' });
  });

  test('of two retries taking over the same abandoned try, one wins', async () => {
    const fingerprint = fingerprintOf({ description: 'two retries' });
    await claim('abandoned', fingerprint);
    clock += 61_000;
    const [a, b] = await Promise.all([claim('abandoned', fingerprint), claim('abandoned', fingerprint)]);
    assert.deepEqual([a.kind, b.kind].sort(), ['first', 'in-progress']);
  });

  test('release frees the key for the try that holds it', async () => {
    const fingerprint = fingerprintOf({ n: 1 });
    const held = await claim('refused', fingerprint);
    await store.release(scope, 'refused', held.attempt);
    assert.deepEqual(await rows('refused'), []);
    assert.equal((await claim('refused', fingerprint)).kind, 'first');
  });

  test('a claim in a transaction that rolls back leaves the key free', async () => {
    const fingerprint = fingerprintOf({ n: 2 });
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        assert.equal((await store.claim(trx, scope, 'rolled-back', fingerprint)).kind, 'first');
        throw new Error('refused after the claim');
      }),
      /refused after the claim/,
    );
    assert.deepEqual(await rows('rolled-back'), []);
  });

  test('the same key with other content is a mismatch, whether the first try is done or still running', async () => {
    const held = await claim('reused', fingerprintOf({ rating: 5 }));
    assert.equal((await claim('reused', fingerprintOf({ rating: 1 }))).kind, 'mismatch');
    await complete('reused', held.attempt, 201, { id: 1 });
    assert.equal((await claim('reused', fingerprintOf({ rating: 1 }))).kind, 'mismatch');
    assert.equal((await claim('reused', fingerprintOf({ rating: 5 }))).kind, 'replay');
  });

  test('fingerprints ignore key order and tell photos apart by their bytes', () => {
    assert.equal(fingerprintOf({ a: 1, b: [1, 2] }), fingerprintOf({ b: [1, 2], a: 1 }));
    assert.notEqual(fingerprintOf({ a: 1, b: [1, 2] }), fingerprintOf({ a: 1, b: [2, 1] }));
    const photo = Buffer.from('photo bytes');
    assert.equal(fingerprintOf({ photos: [photo] }), fingerprintOf({ photos: [Buffer.from('photo bytes')] }));
    assert.notEqual(fingerprintOf({ photos: [photo] }), fingerprintOf({ photos: [Buffer.from('other bytes')] }));
  });

  test('expired keys are forgotten while the server runs, not only at start', async () => {
    const fingerprint = fingerprintOf({ old: true });
    const held = await claim('old', fingerprint);
    await complete('old', held.attempt, 200, ['old']);
    // Kept 45 days: 30 that a widget retries for, and 15 for a device clock that drifts.
    clock += 44 * day;
    await claim('someone-else-before', fingerprintOf({}));
    assert.equal((await rows('old')).length, 1, 'still there on day 44');
    clock += 2 * day;
    // Any claim, for any key, does the hourly clean-up.
    await claim('someone-else', fingerprintOf({}));
    assert.deepEqual(await rows('old'), []);
  });

  test('at start, keys left pending by the previous process are freed (one SQLite server); kept while other instances may hold them', async () => {
    await claim('died', fingerprintOf({}));
    await idempotencyStore(database, () => clock).prune({ freePending: false });
    assert.equal((await rows('died')).length, 1);
    await idempotencyStore(database, () => clock).prune({ freePending: true });
    assert.deepEqual(await rows('died'), []);
  });
});
