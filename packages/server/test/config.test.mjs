// Settings that decide whom the server believes and how long it waits:
// --trust-proxy (the rate limit's client address, the host in the links it
// hands out) and the request and connection timeouts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../dist/config.js';
import { testApp } from './helpers/test-app.mjs';

const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };
const report = new URLSearchParams({ service_code: 'street-light' }).toString();

describe('--trust-proxy', () => {
  const parse = (value) => loadConfig(['--trust-proxy', value], {}).trustProxy;

  test('takes addresses, CIDR ranges and proxy-addr names; none by default', () => {
    assert.deepEqual(loadConfig([], {}).trustProxy, []);
    assert.deepEqual(parse('false'), []);
    assert.deepEqual(parse('127.0.0.1'), ['127.0.0.1']);
    assert.deepEqual(parse('10.0.0.0/8, ::1, fd00::/8,loopback'), ['10.0.0.0/8', '::1', 'fd00::/8', 'loopback']);
    assert.deepEqual(loadConfig([], { CIVIC_TRUST_PROXY: '192.168.0.0/16' }).trustProxy, ['192.168.0.0/16']);
  });

  test('refuses true and hop counts, which let a direct client forge its address, and anything that is not an address', () => {
    for (const value of ['true', '1', '2', 'proxy.example', '10.0.0.0/33', '10.0.0.1/8/8']) {
      assert.throws(() => parse(value), ConfigError, value);
    }
    assert.throws(() => parse('1'), /forge/);
  });
});

describe('behind a trusted proxy (--trust-proxy 127.0.0.1)', () => {
  let server;
  before(async () => {
    server = await testApp({ 'trust-proxy': '127.0.0.1', 'rate-limit': '2' });
  });
  after(() => server.close());

  // inject() connects from 127.0.0.1, the proxy, unless told another address.
  const post = (headers, remoteAddress = '127.0.0.1') =>
    server.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { ...urlencoded, ...headers }, payload: report, remoteAddress });

  test('the limit keys on the address the proxy appended, whatever the client wrote before it', async () => {
    // nginx's $proxy_add_x_forwarded_for: what the client sent, then the address the proxy saw.
    assert.equal((await post({ 'x-forwarded-for': '198.51.100.1, 203.0.113.7' })).statusCode, 200);
    assert.equal((await post({ 'x-forwarded-for': '198.51.100.2, 203.0.113.7' })).statusCode, 200);
    const third = await post({ 'x-forwarded-for': '198.51.100.3, 203.0.113.7' });
    assert.equal(third.statusCode, 429, 'a new forged leftmost entry does not reset the limit');
    // Another citizen behind the same proxy has a limit of their own.
    assert.equal((await post({ 'x-forwarded-for': '203.0.113.8' })).statusCode, 200);
  });

  test('a client that reaches the server directly is limited by its own address, whatever X-Forwarded-For says', async () => {
    const direct = '192.0.2.50';
    assert.equal((await post({ 'x-forwarded-for': '198.51.100.10' }, direct)).statusCode, 200);
    assert.equal((await post({ 'x-forwarded-for': '198.51.100.11' }, direct)).statusCode, 200);
    assert.equal((await post({ 'x-forwarded-for': '198.51.100.12' }, direct)).statusCode, 429);
  });

  test('X-Forwarded-Host counts from the proxy only', async () => {
    const feedUrl = async (remoteAddress) =>
      (await server.app.inject({ url: '/notices/feed.json', headers: { 'x-forwarded-host': 'www.district.example' }, remoteAddress })).json().feed_url;
    assert.equal(new URL(await feedUrl('127.0.0.1')).host, 'www.district.example');
    assert.equal(new URL(await feedUrl('192.0.2.50')).hostname, 'localhost');
  });
});

describe('without --trust-proxy', () => {
  let server;
  before(async () => {
    server = await testApp({ 'rate-limit': '2' });
  });
  after(() => server.close());

  test('X-Forwarded-For is ignored: the limit keys on the connection', async () => {
    const post = (forwarded) =>
      server.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { ...urlencoded, 'x-forwarded-for': forwarded }, payload: report });
    assert.equal((await post('198.51.100.1')).statusCode, 200);
    assert.equal((await post('198.51.100.2')).statusCode, 200);
    assert.equal((await post('198.51.100.3')).statusCode, 429);
  });

  test('--public-url wins over any Host header for the links handed out', async () => {
    const pinned = await testApp({ 'public-url': 'https://civic.district.example' });
    try {
      const feed = (await pinned.app.inject({ url: '/notices/feed.json', headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' } })).json();
      assert.equal(feed.feed_url, 'https://civic.district.example/notices/feed.json?lang=zh-Hans');
    } finally {
      await pinned.close();
    }
  });
});

describe('timeouts', () => {
  test('a request must arrive within 60 s; idle connections are closed', async () => {
    const server = await testApp();
    try {
      const { requestTimeout, connectionTimeout, keepAliveTimeout } = server.app.initialConfig;
      assert.equal(requestTimeout, 60_000);
      assert.ok(connectionTimeout > 0 && connectionTimeout >= requestTimeout, String(connectionTimeout));
      assert.ok(keepAliveTimeout > 0 && keepAliveTimeout <= 60_000, String(keepAliveTimeout));
    } finally {
      await server.close();
    }
  });
});
