// What a restart does to the data: the demo district is seeded once per
// database, never again, and photos left by a crash (written, but their
// report never committed) are swept away.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { buildApp } from '../dist/app.js';
import { loadConfig } from '../dist/config.js';
import { migrations } from '../dist/db/migrations.js';
import { staffHeaders, staffToken } from './helpers/test-app.mjs';
import { databaseArgs } from './helpers/test-database.mjs';

const fixture = (name) => new URL(`./fixtures/${name}`, import.meta.url);

/** A server on a given folder, which stays when the server closes: a restart is buildApp() again. */
async function configFor(dir, flags = []) {
  return loadConfig([...(await databaseArgs(dir)), '--media-dir', join(dir, 'media'), '--staff-token', staffToken, '--rate-limit', '1000', ...flags], {});
}

async function feedIds(app) {
  const response = await app.inject({ url: '/notices/feed.json' });
  assert.equal(response.statusCode, 200, response.body);
  return response.json().items.map((item) => item.id);
}

describe('seeding', () => {
  let dir;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'civic-seed-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('notices deleted by staff stay deleted after a restart', async () => {
    const config = await configFor(join(dir, 'deleted'));
    const first = await buildApp(config);
    const ids = await feedIds(first);
    assert.ok(ids.length > 0, 'a new database is seeded with the demo notices');
    for (const id of ids) {
      const response = await first.inject({ method: 'DELETE', url: `/notices/${id}`, headers: staffHeaders });
      assert.equal(response.statusCode, 204, response.body);
    }
    assert.deepEqual(await feedIds(first), []);
    await first.close();

    const second = await buildApp(config);
    try {
      assert.deepEqual(await feedIds(second), []);
      // The rest of the demo district is still there.
      assert.ok((await second.inject({ url: '/open311/v2/services.json' })).json().length > 0);
    } finally {
      await second.close();
    }
  });

  // SQLite files made by older servers: PostgreSQL databases start at the current schema.
  test('a SQLite database from before the meta table that has data counts as seeded: its empty tables stay empty', async () => {
    const folder = join(dir, 'old');
    mkdirSync(folder, { recursive: true });
    const old = new Database(join(folder, 'civic.db'));
    old.exec(readFileSync(fixture('schema-1.sql'), 'utf8'));
    old.pragma('user_version = 1');
    old.prepare('INSERT INTO services (service_code, position, data) VALUES (?, 0, ?)').run(
      'potholes',
      JSON.stringify({ service_code: 'potholes', group: { 'zh-Hans': '求助' }, service_name: { 'zh-Hans': '路面坑洼' }, description: { 'zh-Hans': '' } }),
    );
    old.close();

    const app = await buildApp(loadConfig(['--db', join(folder, 'civic.db'), '--media-dir', join(folder, 'media'), '--staff-token', staffToken], {}));
    try {
      assert.deepEqual(await feedIds(app), []);
      const services = (await app.inject({ url: '/open311/v2/services.json' })).json();
      assert.deepEqual(
        services.map((service) => service.service_code),
        ['potholes'],
      );
    } finally {
      await app.close();
    }
    const db = new Database(join(folder, 'civic.db'), { readonly: true });
    try {
      assert.equal(db.pragma('user_version', { simple: true }), migrations.length);
      assert.ok(db.prepare("SELECT value FROM meta WHERE key = 'seeded'").get());
    } finally {
      db.close();
    }
  });

  test('a SQLite database made by the server before PostgreSQL support migrates forward with every report, rating and key', async () => {
    const folder = join(dir, 'schema-4');
    mkdirSync(folder, { recursive: true });
    // Made by that server: three reports (one closed by staff), two ratings (one asking for a call-back), two Idempotency-Keys.
    copyFileSync(fixture('civic-schema-4.db'), join(folder, 'civic.db'));
    const config = loadConfig(['--db', join(folder, 'civic.db'), '--media-dir', join(folder, 'media'), '--staff-token', staffToken, '--rate-limit', '1000'], {});
    const app = await buildApp(config);
    try {
      const { requests, totals } = (await app.inject({ url: '/staff/api/requests?status=all&order=oldest', headers: staffHeaders })).json();
      assert.deepEqual(
        requests.map((request) => [request.service_request_id, request.status, request.description]),
        [
          ['2026-000001', 'open', '3 号路灯不亮'],
          ['2026-000002', 'open', '电梯停运'],
          ['2026-000003', 'closed', '已经修好了吗'],
        ],
      );
      assert.deepEqual(totals, { open: 2, closed: 1, suspected_spam: 0 });
      assert.equal(requests[0].contact.phone, '13800000000');
      assert.deepEqual(requests[1].attributes, { fault_type: 'stopped', building: '12' });
      assert.equal(requests[2].published.description, '路灯已修复');
      // The key's first answer is replayed, not a second report.
      const retry = await app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'idempotency-key': 'fixture-key-1', 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ service_code: 'street-light', description: '3 号路灯不亮', lat: '31.19', long: '121.43', first_name: '王', phone: '13800000000' }).toString(),
      });
      assert.equal(retry.json()[0].service_request_id, '2026-000001');
      const { callbacks } = (await app.inject({ url: '/staff/api/callbacks', headers: staffHeaders })).json();
      assert.deepEqual(callbacks.map((callback) => [callback.name, callback.phone, callback.rating]), [['赵先生', '13700002222', 2]]);
      assert.equal((await app.inject({ url: '/surveys/summary?service=permit-office&scale=five-level' })).json().total, 2);
      // Numbers go on from where they were: the next report is the fourth.
      const next = await app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: { service_code: 'street-light' } });
      assert.match(next.json()[0].service_request_id, /^\d{4}-000004$/);
    } finally {
      await app.close();
    }
    const db = new Database(join(folder, 'civic.db'), { readonly: true });
    try {
      assert.equal(db.pragma('user_version', { simple: true }), migrations.length);
    } finally {
      db.close();
    }
  });

  test('--seed false leaves a new database empty', async () => {
    const app = await buildApp(await configFor(join(dir, 'empty'), ['--seed', 'false']));
    try {
      assert.deepEqual(await feedIds(app), []);
      assert.deepEqual((await app.inject({ url: '/open311/v2/services.json' })).json(), []);
    } finally {
      await app.close();
    }
  });
});

describe('photos left by a crash', () => {
  let dir;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'civic-orphans-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('at start, stored photos no report links to are removed once a few minutes old; others are kept', async () => {
    const config = await configFor(dir);
    const first = await buildApp(config);
    const form = new FormData();
    form.append('service_code', 'street-light');
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#446688' } }).jpeg().toBuffer();
    form.append('media', new Blob([photo], { type: 'image/jpeg' }), 'photo.jpg');
    const encoded = new Request('http://localhost/', { method: 'POST', body: form });
    const answer = await first.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': encoded.headers.get('content-type') },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
    assert.equal(answer.statusCode, 200, answer.body);
    await first.close();

    const media = config.mediaDir;
    const [kept] = readdirSync(media);
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    const orphan = `${randomUUID()}.jpg`;
    const youngOrphan = `${randomUUID()}.jpg`;
    const foreign = 'README.txt';
    for (const name of [orphan, youngOrphan, foreign]) writeFileSync(join(media, name), 'x');
    for (const name of [kept, orphan, foreign]) utimesSync(join(media, name), tenMinutesAgo, tenMinutesAgo);

    const second = await buildApp(config);
    try {
      assert.equal(existsSync(join(media, orphan)), false, 'an old orphan is removed');
      assert.ok(existsSync(join(media, kept)), 'a photo a report links to is kept, however old');
      assert.ok(existsSync(join(media, youngOrphan)), 'a young file may belong to a report being stored');
      assert.ok(existsSync(join(media, foreign)), 'files the server did not make are left alone');
      const id = answer.json()[0].service_request_id;
      const shown = (await second.inject({ url: `/staff/api/requests?q=${id}`, headers: staffHeaders })).json().requests[0];
      assert.deepEqual(shown.media_url.map((url) => new URL(url).pathname), [`/media/${kept}`]);
    } finally {
      await second.close();
    }
  });
});
