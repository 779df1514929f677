// What a load balancer and an orchestrator ask: is the process alive, and can
// it serve (the database answers a query, photos can be written)?
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Fastify from 'fastify';
import { openDatabase } from '../dist/db/open-database.js';
import { healthRoutes, writableFolderProbe } from '../dist/ops/health.js';
import { databaseFlags } from './helpers/test-database.mjs';
import { testApp } from './helpers/test-app.mjs';

async function listening(app) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${app.server.address().port}`;
}

describe('health of the whole server', () => {
  let server;
  let origin;
  before(async () => {
    // A limit of one per window: probes must not be counted against it.
    server = await testApp({ 'rate-limit': '1', 'read-rate-limit': '1' });
    origin = await listening(server.app);
  });
  after(() => server.close());

  test('live and ready answer 200, uncached, with no data beyond the checks', async () => {
    const live = await fetch(`${origin}/health/live`);
    assert.equal(live.status, 200);
    assert.equal(live.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await live.json(), { status: 'pass' });

    const ready = await fetch(`${origin}/health/ready`);
    assert.equal(ready.status, 200);
    assert.equal(ready.headers.get('cache-control'), 'no-store');
    assert.match(ready.headers.get('content-type'), /^application\/health\+json/);
    assert.deepEqual(await ready.json(), {
      status: 'pass',
      checks: { database: [{ status: 'pass' }], mediaFolder: [{ status: 'pass' }] },
    });
  });

  test('probes every second from one address are never rate-limited', async () => {
    for (let probe = 0; probe < 40; probe++) {
      assert.equal((await fetch(`${origin}/health/ready`)).status, 200);
      assert.equal((await fetch(`${origin}/health/live`)).status, 200);
    }
  });

  test('a media folder that cannot be written (its volume gone) makes ready 503, naming it; live stays 200', async () => {
    const media = server.config.mediaDir;
    const moved = `${media}-away`;
    renameSync(media, moved);
    try {
      const ready = await fetch(`${origin}/health/ready`);
      assert.equal(ready.status, 503);
      const body = await ready.json();
      assert.equal(body.status, 'fail');
      assert.deepEqual(body.checks.database, [{ status: 'pass' }]);
      assert.equal(body.checks.mediaFolder[0].status, 'fail');
      assert.equal(body.checks.mediaFolder[0].output, 'ENOENT');
      assert.doesNotMatch(JSON.stringify(body), /civic-server-test/, 'no path in the answer');
      assert.equal((await fetch(`${origin}/health/live`)).status, 200);
    } finally {
      renameSync(moved, media);
    }
    assert.equal((await fetch(`${origin}/health/ready`)).status, 200, 'ready again once the folder is back');
  });
});

describe('health with a closed database', () => {
  let app;
  let dir;
  let database;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'civic-health-'));
    mkdirSync(join(dir, 'media'));
    // The engine the suite runs on: a SQLite file, or a PostgreSQL database of its own.
    const flags = await databaseFlags(dir);
    database = await openDatabase(flags.db ? { path: flags.db } : { url: flags['database-url'] });
    app = Fastify();
    app.register(async (scope) => healthRoutes(scope, { database: database.ping, mediaFolder: writableFolderProbe(join(dir, 'media')) }));
  });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('ready is 503 naming the database once its connection is closed', async () => {
    const origin = await listening(app);
    assert.equal((await fetch(`${origin}/health/ready`)).status, 200);
    await database.close();
    const ready = await fetch(`${origin}/health/ready`);
    assert.equal(ready.status, 503);
    const body = await ready.json();
    assert.equal(body.checks.database[0].status, 'fail');
    assert.deepEqual(body.checks.mediaFolder, [{ status: 'pass' }]);
    assert.equal((await fetch(`${origin}/health/live`)).status, 200);
  });
});
