// `civic-server migrate-to`: a district that started on the default SQLite
// file moves to PostgreSQL without losing a report. The seeded demo database
// with reports (photos included), ratings and keys is copied, the copy is
// verified and printed, numbers go on where they stopped, and a target that
// already has data is refused unless told. Needs the PostgreSQL test cluster.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { buildApp } from '../dist/app.js';
import { loadConfig } from '../dist/config.js';
import { staffHeaders, staffToken } from './helpers/test-app.mjs';
import { createPostgresDatabase, postgresAdminUrl } from './helpers/test-database.mjs';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const run = promisify(execFile);
const migrateTo = (...args) => run(process.execPath, [cli, 'migrate-to', ...args], { env: { ...process.env, LOG_LEVEL: 'warn' } });

/** Everything staff and the public can read, to compare two servers. */
async function everything(app) {
  const staff = (await app.inject({ url: '/staff/api/requests?status=all&order=oldest&limit=200', headers: staffHeaders })).json();
  const spam = (await app.inject({ url: '/staff/api/requests?status=all&review=suspected-spam&limit=200', headers: staffHeaders })).json();
  return {
    staff: staff.requests.map(({ media_url, ...rest }) => ({ ...rest, media_url: media_url.map((url) => new URL(url).pathname) })),
    totals: staff.totals,
    spam: spam.requests.map((request) => request.service_request_id),
    services: (await app.inject({ url: '/open311/v2/services.json' })).json(),
    notices: (await app.inject({ url: '/notices/feed.json' })).json().items,
    points: (await app.inject({ url: '/service-points.geojson' })).json(),
    callbacks: (await app.inject({ url: '/staff/api/callbacks', headers: staffHeaders })).json(),
    // The counts: its window ends at the moment it is asked.
    summary: (await app.inject({ url: '/surveys/summary?service=permit-office&scale=five-level&days=30' })).json().counts,
  };
}

if (postgresAdminUrl) {
  describe('migrate-to', () => {
    let dir;
    let file;
    let source;
    let sourceConfig;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'civic-migrate-'));
      file = join(dir, 'civic.db');
      sourceConfig = loadConfig(['--db', file, '--media-dir', join(dir, 'media'), '--staff-token', staffToken, '--rate-limit', '1000'], {});
      const app = await buildApp(sourceConfig);
      const numbers = [];
      const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#446688' } }).jpeg().toBuffer();
      for (let n = 1; n <= 12; n++) {
        const body = new FormData();
        body.append('service_code', n % 2 ? 'street-light' : 'lift-breakdown');
        if (n % 2 === 0) {
          body.append('attribute[fault_type]', 'stopped');
          body.append('attribute[building]', String(n));
        }
        body.append('description', `第 ${n} 件：漕溪北路`);
        body.append('lat', '31.19');
        body.append('long', '121.43');
        body.append('phone', '13800000000');
        if (n === 6) body.append('civic_review', 'suspected-spam');
        if (n % 3 === 0) body.append('media', new Blob([photo], { type: 'image/jpeg' }), 'photo.jpg');
        const encoded = new Request('http://localhost/', { method: 'POST', body });
        const answer = await app.inject({
          method: 'POST',
          url: '/open311/v2/requests.json',
          headers: { 'content-type': encoded.headers.get('content-type'), 'idempotency-key': `migrate-${n}` },
          payload: Buffer.from(await encoded.arrayBuffer()),
        });
        assert.equal(answer.statusCode, 200, answer.body);
        numbers.push(answer.json()[0].service_request_id);
      }
      await app.inject({ method: 'PATCH', url: `/open311/v2/requests/${numbers[1]}.json`, headers: staffHeaders, payload: { status: 'closed', status_notes: '已修复', media_public: true } });
      for (const rating of [1, 4, 5]) {
        await app.inject({ method: 'POST', url: '/surveys/responses', payload: { scale: 'five-level', rating, serviceId: 'permit-office', ...(rating === 1 ? { callback: { name: '赵先生', phone: '13700002222' } } : {}) } });
      }
      await app.close();
      // A report removed by hand after the last one: its number must never come back.
      const db = new Database(file);
      db.prepare('DELETE FROM service_requests WHERE service_request_id = ?').run(numbers.at(-1));
      db.close();
      const reopened = await buildApp(sourceConfig);
      source = await everything(reopened);
      await reopened.close();
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    test('copies every table, prints the counts and the compared sample, and the server on PostgreSQL shows the same', async () => {
      const url = await createPostgresDatabase();
      const { stdout } = await migrateTo('--db', file, '--database-url', url);
      assert.match(stdout, /service_requests\s+11\s+11\s+11\/11 equal/);
      assert.match(stdout, /services\s+12\s+12\s+12\/12 equal/);
      assert.match(stdout, /service_points\s+60\s+60\s+26\/26 equal/);
      assert.match(stdout, /survey_responses\s+3\s+3\s+3\/3 equal/);
      assert.match(stdout, /Copied and verified/);

      const app = await buildApp(loadConfig(['--database-url', url, '--media-dir', join(dir, 'media'), '--staff-token', staffToken], {}));
      try {
        assert.deepEqual(await everything(app), source);
        // The retry of a copied key replays its report.
        const retry = await app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'idempotency-key': 'migrate-1' }, payload: { service_code: 'street-light' } });
        assert.equal(retry.statusCode, 422, 'the key is known: other content is refused');
        // Numbers go on after the highest ever given, the deleted one included.
        const next = await app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: { service_code: 'street-light' } });
        assert.match(next.json()[0].service_request_id, /^\d{4}-000013$/);
      } finally {
        await app.close();
      }
    });

    test('refuses a target that has data, unless told to replace it', async () => {
      const url = await createPostgresDatabase();
      await migrateTo('--db', file, '--database-url', url);
      await assert.rejects(migrateTo('--db', file, '--database-url', url), (error) => {
        assert.equal(error.code, 2);
        assert.match(error.stderr, /already has data .*--replace/);
        return true;
      });
      const { stdout } = await migrateTo('--db', file, '--database-url', url, '--replace');
      assert.match(stdout, /service_requests\s+11\s+11/);
    });
  });
}
