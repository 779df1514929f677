// Staying up under abuse, part one: one token bucket per route group and client,
// staff authenticated before they are limited (and by token, not address), a
// short burst allowed, public reads limited, wrong staff tokens throttled and logged.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../dist/config.js';
import { staffHeaders, testApp } from './helpers/test-app.mjs';

const base = '/open311/v2';
const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };
const report = new URLSearchParams({ service_code: 'street-light' }).toString();
const neighbour = '10.20.30.40';

const postReport = (app, remoteAddress = neighbour) =>
  app.inject({ method: 'POST', url: `${base}/requests.json`, headers: urlencoded, payload: report, remoteAddress });
const rate = (app, remoteAddress = neighbour) =>
  app.inject({ method: 'POST', url: '/surveys/responses', payload: { scale: 'helpful', rating: 1, serviceId: 'page-a' }, remoteAddress });

describe('a bucket per route group', () => {
  let server;
  before(async () => {
    // One token back every 5 s: the tests' own requests never see a refill they did not wait for.
    server = await testApp({ 'rate-limit': '2', 'rate-window': '10' });
  });
  after(() => server.close());

  test('a client that spent its reports can still rate a page, and staff at the same address still work', async () => {
    assert.equal((await postReport(server.app)).statusCode, 200);
    const second = await postReport(server.app);
    assert.equal(second.statusCode, 200);
    const refused = await postReport(server.app);
    assert.equal(refused.statusCode, 429);
    assert.ok(Number(refused.headers['retry-after']) >= 1);

    assert.equal((await rate(server.app)).statusCode, 201, 'ratings have their own bucket');
    const id = second.json()[0].service_request_id;
    const staff = await server.app.inject({
      method: 'PATCH',
      url: `${base}/requests/${id}.json`,
      headers: staffHeaders,
      payload: { status_notes: '已派人' },
      remoteAddress: neighbour,
    });
    assert.equal(staff.statusCode, 200, 'staff are limited by their token, never by the neighbour’s address');
    const queue = await server.app.inject({ url: '/staff/api/requests', headers: staffHeaders, remoteAddress: neighbour });
    assert.equal(queue.statusCode, 200);
  });

  test('the bucket refills: after Retry-After the client may send again', async () => {
    const client = '10.20.30.41';
    await postReport(server.app, client);
    await postReport(server.app, client);
    const refused = await postReport(server.app, client);
    assert.equal(refused.statusCode, 429);
    await delay(Number(refused.headers['retry-after']) * 1000 + 100);
    assert.equal((await postReport(server.app, client)).statusCode, 200);
  });
});

describe('a short burst, then the sustained rate', () => {
  let server;
  before(async () => {
    server = await testApp({ 'rate-limit': '5', 'rate-window': '3600' });
  });
  after(() => server.close());

  test('five reports at once are taken, the sixth waits about a fifth of the window', async () => {
    for (let index = 0; index < 5; index++) assert.equal((await postReport(server.app)).statusCode, 200, `report ${index + 1}`);
    const refused = await postReport(server.app);
    assert.equal(refused.statusCode, 429);
    // One token comes back every 720 s: not the whole hour of a fixed window.
    const wait = Number(refused.headers['retry-after']);
    assert.ok(wait > 600 && wait <= 720, `Retry-After ${wait}`);
  });
});

describe('public reads', () => {
  let server;
  before(async () => {
    server = await testApp({ 'read-rate-limit': '3', 'rate-limit': '100' });
  });
  after(() => server.close());

  test('are limited per client with 429, Retry-After and an Open311 error; other clients and reports go on', async () => {
    const reader = '192.0.2.9';
    const read = (url, remoteAddress = reader) => server.app.inject({ url, remoteAddress });
    assert.equal((await read(`${base}/requests.json`)).statusCode, 200);
    assert.equal((await read(`${base}/requests.json?status=open`)).statusCode, 200);
    assert.equal((await read(`${base}/requests/2026-000001.json`)).statusCode, 404);
    const refused = await read(`${base}/requests.json`);
    assert.equal(refused.statusCode, 429);
    assert.ok(Number(refused.headers['retry-after']) >= 1);
    const [error] = refused.json();
    assert.equal(error.code, 429);
    assert.match(error.description, /查询太频繁/);
    assert.equal((await read('/surveys/summary?service=x')).statusCode, 429, 'the ratings summary counts too');
    assert.equal((await read(`${base}/requests.json`, '192.0.2.10')).statusCode, 200);
    assert.equal((await postReport(server.app, reader)).statusCode, 200, 'reading does not spend the reports bucket');
  });
});

describe('staff tokens', () => {
  const lines = [];
  let server;
  before(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString().trim().split('\n').map((line) => JSON.parse(line)));
        done();
      },
    });
    server = await testApp({}, { logger: { level: 'warn', stream } });
  });
  after(() => server.close());

  test('wrong tokens are logged (never the token) and, after ten from one address, even the right one waits', async () => {
    const guesser = '198.51.100.66';
    const attempt = (token, remoteAddress = guesser) =>
      server.app.inject({ url: '/staff/api/requests', headers: { authorization: `Bearer ${token}` }, remoteAddress });
    for (let index = 0; index < 10; index++) assert.equal((await attempt(`guess-${index}-0123456789abcdef`)).statusCode, 401);
    const logged = lines.filter((line) => line.msg === 'wrong staff token');
    assert.equal(logged.length, 10);
    assert.equal(logged[0].ip, '198.51.100.0/24', 'the guesser’s network, not its address (log-redaction.ts)');
    assert.ok(!JSON.stringify(lines).includes('guess-'), 'the tokens tried are not logged');

    const locked = await attempt(staffHeaders.authorization.slice('Bearer '.length));
    assert.equal(locked.statusCode, 429, 'not even checked while locked out');
    assert.ok(Number(locked.headers['retry-after']) >= 60);
    assert.equal((await attempt(staffHeaders.authorization.slice('Bearer '.length), '198.51.100.67')).statusCode, 200, 'other addresses are not locked out');
  });
});

describe('staff token configuration', () => {
  let dir;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'civic-token-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a generated token carries at least 128 random bits, and differs each run', () => {
    const first = loadConfig([], {});
    const second = loadConfig([], {});
    assert.ok(first.staffTokenGenerated);
    assert.match(first.staffToken, /^[\w-]{43,}$/, '32 bytes in base64url');
    assert.notEqual(first.staffToken, second.staffToken);
  });

  test('--staff-token-file reads the token from a file, so it is not in ps; short tokens are refused', async () => {
    const file = join(dir, 'token');
    const token = 'file-token-0123456789abcdefghij';
    writeFileSync(file, `${token}\n`);
    assert.equal(loadConfig(['--staff-token-file', file], {}).staffToken, token);
    assert.equal(loadConfig([], { CIVIC_STAFF_TOKEN_FILE: file }).staffToken, token);
    assert.throws(() => loadConfig(['--staff-token-file', join(dir, 'missing')], {}), /cannot read/);
    assert.throws(() => loadConfig(['--staff-token-file', file, '--staff-token', token], {}), /not both/);
    writeFileSync(file, 'short-token-1234');
    assert.throws(() => loadConfig(['--staff-token-file', file], {}), ConfigError);
    assert.throws(() => loadConfig(['--staff-token', 'sixteen-chars-xx'], {}), /at least 22 characters/);

    writeFileSync(file, token);
    const server = await testApp({ 'staff-token': '', 'staff-token-file': file });
    try {
      const answer = await server.app.inject({ url: '/staff/api/requests', headers: { authorization: `Bearer ${token}` } });
      assert.equal(answer.statusCode, 200);
    } finally {
      await server.close();
    }
  });
});
