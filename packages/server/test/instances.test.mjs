// Two `civic-server start` processes on one PostgreSQL database and one media
// folder, as behind a load balancer: the same Idempotency-Key sent to both at
// once makes one report and the same answer; tracking numbers never repeat
// under concurrent posting; a notice deleted through one dates the other's
// feed; a photo stored through one is served by the other,
// and the orphan sweep of one leaves the other's photos alone. SQLite serves
// one instance only, so this file has tests on PostgreSQL alone.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { databaseArgs, engine } from './helpers/test-database.mjs';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const staffToken = 'instances-staff-token-0123456789';
const staffHeaders = { authorization: `Bearer ${staffToken}` };
const path = '/open311/v2/requests.json';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

/** One instance on the shared database and media folder; resolves with its origin once it listens. */
async function startInstance(dir) {
  const child = spawn(
    process.execPath,
    [cli, 'start', '--port', '0', ...(await databaseArgs(dir)), '--media-dir', join(dir, 'media'), '--staff-token', staffToken, '--rate-limit', '10000', '--photo-budget', '1000'],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOG_LEVEL: 'warn' } },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const origin = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const match = /Civic Widgets reference server (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1].replace('//localhost:', '//127.0.0.1:'));
    });
    exited.then((code) => reject(new Error(`an instance exited (${code}) before it listened:\n${output}`)));
  });
  return {
    origin,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function post(origin, fields, headers = {}) {
  const response = await fetch(`${origin}${path}`, { method: 'POST', headers: { ...form, ...headers }, body: new URLSearchParams(fields).toString() });
  return { status: response.status, body: await response.json() };
}

async function allReports(origin) {
  const response = await fetch(`${origin}/staff/api/requests?status=all&limit=200`, { headers: staffHeaders });
  assert.equal(response.status, 200);
  return response.json();
}

if (engine === 'postgres') {
  describe('two instances on one PostgreSQL database', () => {
    let dir;
    let instances;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'civic-instances-'));
      // The first start migrates and seeds; the second then finds both done.
      instances = [await startInstance(dir)];
      instances.push(await startInstance(dir));
    });
    after(async () => {
      await Promise.all(instances.map((instance) => instance.stop()));
      rmSync(dir, { recursive: true, force: true });
    });

    test('the same Idempotency-Key sent to both at once: one report, the same answer from both', async () => {
      const before = (await allReports(instances[0].origin)).total;
      for (let round = 0; round < 10; round++) {
        const key = `both-at-once-${round}`;
        const fields = { service_code: 'street-light', description: `第 ${round} 次：两台服务器同时收到` };
        const answers = await Promise.all(instances.map((instance) => post(instance.origin, fields, { 'idempotency-key': key })));
        assert.deepEqual(
          answers.map((answer) => answer.status),
          [200, 200],
          JSON.stringify(answers),
        );
        assert.deepEqual(answers[0].body, answers[1].body);
      }
      const { total, requests } = await allReports(instances[1].origin);
      assert.equal(total, before + 10);
      assert.equal(new Set(requests.map((request) => request.description)).size, requests.length, 'no report was stored twice');
    });

    test('tracking numbers never repeat across instances under concurrent posting', async () => {
      const perInstance = 30;
      const answers = await Promise.all(
        instances.flatMap((instance, which) =>
          Array.from({ length: perInstance }, (_, n) => post(instance.origin, { service_code: 'street-light', description: `实例 ${which} 第 ${n} 件` })),
        ),
      );
      assert.ok(answers.every((answer) => answer.status === 200), JSON.stringify(answers.find((answer) => answer.status !== 200)));
      const numbers = answers.map((answer) => answer.body[0].service_request_id);
      assert.equal(new Set(numbers).size, numbers.length, 'every report has its own number');
      // Each number finds its own report, through either instance.
      for (const [index, number] of numbers.entries()) {
        const response = await fetch(`${instances[(index + 1) % 2].origin}/open311/v2/requests/${number}.json`);
        assert.equal(response.status, 200, number);
      }
    });

    test('a notice deleted through one instance changes the feed the other dates, so a reader asking If-Modified-Since gets it', async () => {
      const first = await fetch(`${instances[1].origin}/notices/feed.xml`);
      assert.equal(first.status, 200);
      const since = first.headers.get('last-modified');
      const [item] = (await (await fetch(`${instances[0].origin}/notices/feed.json`)).json()).items;
      // HTTP dates have whole seconds: the deletion happens in a later one.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const deleted = await fetch(`${instances[0].origin}/notices/${item.id}`, { method: 'DELETE', headers: staffHeaders });
      assert.equal(deleted.status, 204);
      const again = await fetch(`${instances[1].origin}/notices/feed.xml`, { headers: { 'if-modified-since': since } });
      assert.equal(again.status, 200);
      assert.ok(!(await again.text()).includes(item.id));
    });

    test('a photo stored through one instance is served by the other, and its orphan sweep keeps it', async () => {
      const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#446688' } }).jpeg().toBuffer();
      const body = new FormData();
      body.append('service_code', 'street-light');
      body.append('media', new Blob([photo], { type: 'image/jpeg' }), 'photo.jpg');
      const stored = await fetch(`${instances[0].origin}${path}`, { method: 'POST', body });
      assert.equal(stored.status, 200);
      const [{ service_request_id: id }] = await stored.json();
      const view = (await (await fetch(`${instances[1].origin}/staff/api/requests?status=all&q=${id}`, { headers: staffHeaders })).json()).requests[0];
      const [url] = view.media_url;
      const served = await fetch(`${instances[1].origin}${new URL(url).pathname}`);
      assert.equal(served.status, 200);
      assert.equal(served.headers.get('content-type'), 'image/jpeg');
      const name = new URL(url).pathname.slice('/media/'.length);

      // An old photo no report links to (a crash before its commit), and this report's photo made to look as old.
      const media = join(dir, 'media');
      const orphan = `${randomUUID()}.jpg`;
      writeFileSync(join(media, orphan), 'x');
      const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
      for (const file of [orphan, name]) utimesSync(join(media, file), tenMinutesAgo, tenMinutesAgo);
      // The second instance restarts and sweeps the shared folder: the first's photo stays, the orphan goes.
      await instances[1].stop();
      instances[1] = await startInstance(dir);
      assert.equal(existsSync(join(media, orphan)), false, 'the orphan is removed');
      assert.ok(existsSync(join(media, name)), 'the photo a report links to is kept');
      assert.equal((await fetch(`${instances[1].origin}/media/${name}`)).status, 200);
    });
  });
}
