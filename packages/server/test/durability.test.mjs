// The real CLI in a child process: what was answered with 200 is still there
// after kill -9, a SIGTERM stops cleanly, `set-status` works beside a running
// server, and an idempotent retry survives a crash.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { databaseArgs } from './helpers/test-database.mjs';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const staffToken = 'durability-staff-token-0123456789';
const staffHeaders = { authorization: `Bearer ${staffToken}` };
const base = '/open311/v2';
const startupTimeoutMs = 20_000;
const run = promisify(execFile);

/** Every child this file started, so none outlives a failed test. */
const children = new Set();

/** Starts `civic-server start` on a free port and resolves once it prints its address. */
async function startServer(dir) {
  const child = spawn(
    process.execPath,
    [cli, 'start', '--port', '0', ...(await databaseArgs(dir)), '--media-dir', join(dir, 'media'), '--staff-token', staffToken],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'warn' } },
  );
  children.add(child);
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${startupTimeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, startupTimeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      const match = /Civic Widgets reference server (http:\/\/\S+)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      // The banner names localhost; ask its IPv4 address, where the server listens.
      const origin = match[1].replace('//localhost:', '//127.0.0.1:');
      resolve({ child, origin, exited, output: () => ({ stdout, stderr }) });
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before it listened\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });
}

async function kill(server, signal) {
  server.child.kill(signal);
  return server.exited;
}

async function setStatus(dir, id, ...flags) {
  return run(process.execPath, [cli, 'set-status', id, ...flags, ...(await databaseArgs(dir))], { env: { ...process.env, LOG_LEVEL: 'warn' } });
}

async function postReport(origin, fields, headers = {}) {
  const response = await fetch(`${origin}${base}/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  const body = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body));
  return body;
}

async function getJson(origin, path, headers = {}) {
  const response = await fetch(`${origin}${path}`, { headers });
  assert.equal(response.status, 200, path);
  return response.json();
}

const publicRequest = async (origin, id) => (await getJson(origin, `${base}/requests/${id}.json`))[0];
const staffRequest = async (origin, id) =>
  (await getJson(origin, `/staff/api/requests?status=all&q=${id}`, staffHeaders)).requests.find((request) => request.service_request_id === id);

const report = {
  service_code: 'lift-breakdown',
  'attribute[fault_type]': 'trapped',
  'attribute[building]': '7',
  description: '7 号楼电梯困人，已拨打 96333',
  address_string: '幸福路 88 弄 7 号楼',
  lat: '31.2304',
  long: '121.4737',
  first_name: '李',
  phone: '13900139000',
  email: 'li@example.cn',
};

describe('durability of the real server process', () => {
  let dir;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'civic-durability-'));
  });
  afterEach(async () => {
    // A failed test may leave its server running: stop it before the next one opens the database.
    await Promise.all([...children].map((child) => new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    })));
  });
  after(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  test('a report answered with 200 is all there after kill -9 and a restart, photo included', async () => {
    const first = await startServer(dir);
    const form = new FormData();
    for (const [name, value] of Object.entries(report)) form.append(name, value);
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#884422' } }).jpeg().toBuffer();
    form.append('media', new Blob([photo], { type: 'image/jpeg' }), 'photo.jpg');
    const response = await fetch(`${first.origin}${base}/requests.json`, { method: 'POST', body: form });
    const answer = await response.json();
    assert.equal(response.status, 200, JSON.stringify(answer));
    assert.deepEqual(await kill(first, 'SIGKILL'), { code: null, signal: 'SIGKILL' });

    const second = await startServer(dir);
    const id = answer[0].service_request_id;
    const shown = await publicRequest(second.origin, id);
    assert.equal(shown.service_code, report.service_code);
    // The public view rounds the position to about 100 m; staff see it exactly.
    assert.equal(shown.lat, 31.23);
    assert.equal(shown.long, 121.474);
    assert.equal(shown.status, 'open');
    assert.equal(shown.service_notice, answer[0].service_notice);
    assert.equal(shown.agency_responsible, '区市场监督管理局');
    const stored = await staffRequest(second.origin, id);
    assert.equal(stored.description, report.description);
    assert.equal(stored.address, report.address_string);
    assert.deepEqual(stored.attributes, { fault_type: 'trapped', building: '7' });
    assert.deepEqual(stored.contact, { first_name: '李', last_name: null, phone: report.phone, email: report.email });
    assert.equal(stored.lat, 31.2304);
    assert.equal(stored.long, 121.4737);

    // The photo was written durably too. (Its URL names the first run's port; the path is what lasts.)
    const photoResponse = await fetch(`${second.origin}${new URL(stored.media_url[0]).pathname}`);
    assert.equal(photoResponse.status, 200);
    assert.equal(photoResponse.headers.get('content-type'), 'image/jpeg');
    assert.equal((await sharp(Buffer.from(await photoResponse.arrayBuffer())).metadata()).width, 800);
    await kill(second, 'SIGTERM');
  });

  test('SIGTERM stops the server with exit code 0 and keeps the data', async () => {
    const first = await startServer(dir);
    const [{ service_request_id: id }] = await postReport(first.origin, report);
    assert.deepEqual(await kill(first, 'SIGTERM'), { code: 0, signal: null });

    const second = await startServer(dir);
    assert.equal((await staffRequest(second.origin, id)).description, report.description);
    assert.deepEqual(await kill(second, 'SIGTERM'), { code: 0, signal: null });
  });

  test('set-status changes what the public sees, while the server runs and while it is stopped', async () => {
    const server = await startServer(dir);
    const [{ service_request_id: id }] = await postReport(server.origin, report);
    const before = await publicRequest(server.origin, id);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // updated_datetime is to the second

    const { stdout } = await setStatus(dir, id, '--status', 'closed', '--notes', '已修复，感谢您的反映');
    assert.match(stdout, new RegExp(`${id}: closed`));
    const closed = await publicRequest(server.origin, id);
    assert.equal(closed.status, 'closed');
    assert.equal(closed.status_notes, '已修复，感谢您的反映');
    assert.ok(Date.parse(closed.updated_datetime) > Date.parse(before.updated_datetime));
    assert.deepEqual(await kill(server, 'SIGTERM'), { code: 0, signal: null });

    await setStatus(dir, id, '--status', 'open', '--agency', '区市场监督管理局特种设备科', '--expected', '2026-12-01T17:00:00+08:00');
    const restarted = await startServer(dir);
    const reopened = await publicRequest(restarted.origin, id);
    assert.equal(reopened.status, 'open');
    assert.equal(reopened.status_notes, '已修复，感谢您的反映');
    assert.equal(reopened.agency_responsible, '区市场监督管理局特种设备科');
    assert.equal(Date.parse(reopened.expected_datetime), Date.parse('2026-12-01T09:00:00Z'));
    await kill(restarted, 'SIGTERM');
  });

  test('set-status with an unknown number or a bad status fails with a message and exit code 2', async () => {
    await assert.rejects(setStatus(dir, '1999-999999', '--status', 'closed'), (error) => {
      assert.equal(error.code, 2);
      assert.match(error.stderr, /1999-999999/);
      return true;
    });
    await assert.rejects(setStatus(dir, '1999-999999', '--status', 'done'), (error) => {
      assert.equal(error.code, 2);
      assert.match(error.stderr, /open or closed/);
      return true;
    });
  });

  test('set-status refuses a database file that does not exist, and does not create one', async () => {
    const missing = join(dir, 'no-such-folder', 'civic.db');
    await assert.rejects(
      run(process.execPath, [cli, 'set-status', '2026-000001', '--status', 'closed', '--db', missing], { env: { ...process.env, LOG_LEVEL: 'warn' } }),
      (error) => {
        assert.equal(error.code, 2);
        assert.match(error.stderr, /no database at/i);
        assert.ok(error.stderr.includes(missing), error.stderr);
        return true;
      },
    );
    assert.equal(existsSync(missing), false);
    assert.equal(existsSync(join(dir, 'no-such-folder')), false);
  });

  test('SIGTERM with an upload that never finishes still ends the process at the 10 s deadline', async () => {
    const server = await startServer(dir);
    const { port } = new URL(server.origin);
    const socket = connect(Number(port), '127.0.0.1');
    socket.on('error', () => {});
    await new Promise((resolve) => socket.once('connect', resolve));
    // A request the server is busy reading: headers and the start of a photo, then nothing.
    socket.write(
      `POST ${base}/requests.json HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: 5000000\r\n\r\n` +
        '--XYZ\r\nContent-Disposition: form-data; name="service_code"\r\n\r\nstreet-light\r\n' +
        '--XYZ\r\nContent-Disposition: form-data; name="media"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    server.child.kill('SIGTERM');
    const timeout = new Promise((resolve) => setTimeout(() => resolve('still running'), 15_000));
    const outcome = await Promise.race([server.exited, timeout]);
    socket.destroy();
    assert.notEqual(outcome, 'still running', 'the server was still running 15 s after SIGTERM');
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 9_000, `it waited for the request in flight first (${elapsed} ms)`);
    // Exit code 1: it had to cut a request off. Everything answered before is on disk.
    assert.deepEqual(outcome, { code: 1, signal: null });
    assert.match(server.output().stdout, /shutdown deadline passed/);
  });

  test('an idempotent retry after kill -9 and a restart gets the first answer and stores nothing new', async () => {
    const headers = { 'idempotency-key': 'retry-after-crash-1' };
    const first = await startServer(dir);
    const countBefore = (await getJson(first.origin, `${base}/requests.json`)).length;
    const answer = await postReport(first.origin, report, headers);
    await kill(first, 'SIGKILL');

    const second = await startServer(dir);
    assert.deepEqual(await postReport(second.origin, report, headers), answer);
    assert.equal((await getJson(second.origin, `${base}/requests.json`)).length, countBefore + 1);
    await kill(second, 'SIGTERM');
  });
});
