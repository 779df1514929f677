// The Idempotency-Key store on its own, with a clock the test moves: a try
// that was taken over as abandoned can neither complete nor free the key,
// expired keys are forgotten while the server runs, and a key reused for
// other content is told apart.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openDatabase } from '../dist/db/open-database.js';
import { fingerprintOf, idempotencyStore } from '../dist/http/idempotency.js';

const scope = 'test';
const minute = 60_000;
const day = 24 * 60 * minute;

describe('idempotency store', () => {
  let dir;
  let db;
  let clock;
  let store;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'civic-idempotency-'));
    db = openDatabase(join(dir, 'civic.db'));
    clock = Date.parse('2026-11-01T00:00:00Z');
    store = idempotencyStore(db, () => clock);
  });
  after(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const rows = (key) => db.prepare('SELECT state, attempt FROM idempotency_keys WHERE scope = ? AND key = ?').all(scope, key);

  test('a try taken over after a minute cannot complete or free the key; the retry that took it over can', () => {
    const fingerprint = fingerprintOf({ description: 'lift stuck' });
    const first = store.claim(scope, 'slow', fingerprint);
    assert.equal(first.kind, 'first');
    clock += 30_000;
    assert.equal(store.claim(scope, 'slow', fingerprint).kind, 'in-progress');

    clock += 31_000; // 61 s after the first claim: abandoned
    const retry = store.claim(scope, 'slow', fingerprint);
    assert.equal(retry.kind, 'first');
    assert.notEqual(retry.attempt, first.attempt);

    // The first try finishes after all: its transaction must roll back.
    assert.equal(store.complete(scope, 'slow', first.attempt, 200, ['first']), false);
    // And its clean-up leaves the retry's hold alone.
    store.release(scope, 'slow', first.attempt);
    assert.deepEqual(rows('slow'), [{ state: 'pending', attempt: retry.attempt }]);
    assert.equal(store.claim(scope, 'slow', fingerprint).kind, 'in-progress');

    assert.equal(store.complete(scope, 'slow', retry.attempt, 200, ['retry']), true);
    assert.deepEqual(store.claim(scope, 'slow', fingerprint), { kind: 'replay', status: 200, body: '["retry"]' });
  });

  test('release frees the key for the try that holds it', () => {
    const fingerprint = fingerprintOf({ n: 1 });
    const claim = store.claim(scope, 'refused', fingerprint);
    store.release(scope, 'refused', claim.attempt);
    assert.deepEqual(rows('refused'), []);
    assert.equal(store.claim(scope, 'refused', fingerprint).kind, 'first');
  });

  test('the same key with other content is a mismatch, whether the first try is done or still running', () => {
    const claim = store.claim(scope, 'reused', fingerprintOf({ rating: 5 }));
    assert.equal(store.claim(scope, 'reused', fingerprintOf({ rating: 1 })).kind, 'mismatch');
    store.complete(scope, 'reused', claim.attempt, 201, { id: 1 });
    assert.equal(store.claim(scope, 'reused', fingerprintOf({ rating: 1 })).kind, 'mismatch');
    assert.equal(store.claim(scope, 'reused', fingerprintOf({ rating: 5 })).kind, 'replay');
  });

  test('fingerprints ignore key order and tell photos apart by their bytes', () => {
    assert.equal(fingerprintOf({ a: 1, b: [1, 2] }), fingerprintOf({ b: [1, 2], a: 1 }));
    assert.notEqual(fingerprintOf({ a: 1, b: [1, 2] }), fingerprintOf({ a: 1, b: [2, 1] }));
    const photo = Buffer.from('photo bytes');
    assert.equal(fingerprintOf({ photos: [photo] }), fingerprintOf({ photos: [Buffer.from('photo bytes')] }));
    assert.notEqual(fingerprintOf({ photos: [photo] }), fingerprintOf({ photos: [Buffer.from('other bytes')] }));
  });

  test('expired keys are forgotten while the server runs, not only at start', () => {
    const fingerprint = fingerprintOf({ old: true });
    const claim = store.claim(scope, 'old', fingerprint);
    store.complete(scope, 'old', claim.attempt, 200, ['old']);
    // Kept 45 days: 30 that a widget retries for, and 15 for a device clock that drifts.
    clock += 44 * day;
    store.claim(scope, 'someone-else-before', fingerprintOf({}));
    assert.equal(rows('old').length, 1, 'still there on day 44');
    clock += 2 * day;
    // Any claim, for any key, does the hourly clean-up.
    store.claim(scope, 'someone-else', fingerprintOf({}));
    assert.deepEqual(rows('old'), []);
  });

  test('at start, keys left pending by the previous process are freed', () => {
    store.claim(scope, 'died', fingerprintOf({}));
    idempotencyStore(db, () => clock).prune();
    assert.deepEqual(rows('died'), []);
  });
});
