// Headers a district's deployment relies on: HSTS only over HTTPS as a trusted
// proxy reports it, citizens' photos kept out of shared caches, and links that
// a forged Host header cannot rewrite (production requires --public-url).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { loadConfig } from '../dist/config.js';
import { staffHeaders, testApp } from './helpers/test-app.mjs';

describe('Strict-Transport-Security', () => {
  let proxied;
  let direct;
  before(async () => {
    proxied = await testApp({ 'trust-proxy': '127.0.0.1' });
    direct = await testApp();
  });
  after(async () => {
    await proxied.close();
    await direct.close();
  });
  const get = (server, remoteAddress) =>
    server.app.inject({ url: '/open311/v2/services.json', headers: { 'x-forwarded-proto': 'https' }, remoteAddress });

  test('is sent when a trusted proxy says the request came over HTTPS', async () => {
    assert.equal((await get(proxied, '127.0.0.1')).headers['strict-transport-security'], 'max-age=63072000');
  });

  test('is not sent when an untrusted client claims HTTPS, nor without a trusted proxy', async () => {
    assert.equal((await get(proxied, '203.0.113.5')).headers['strict-transport-security'], undefined);
    assert.equal((await get(direct, '127.0.0.1')).headers['strict-transport-security'], undefined);
  });
});

describe('links and photos', () => {
  let server;
  let origin;
  before(async () => {
    server = await testApp({ 'rate-limit': '1000', 'public-url': 'https://www.district.example' });
    origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => server.close());

  test('a forged Host changes no link; photos are served with Cache-Control: private', async () => {
    const form = new FormData();
    form.append('service_code', 'street-light');
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#446688' } }).jpeg().toBuffer();
    form.append('media', new Blob([photo], { type: 'image/jpeg' }), 'photo.jpg');
    const encoded = new Request('http://localhost/', { method: 'POST', body: form });
    const answer = await server.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { host: 'evil.example', 'content-type': encoded.headers.get('content-type') },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
    const id = answer.json()[0].service_request_id;
    const staff = await server.app.inject({ url: `/staff/api/requests?q=${id}`, headers: { ...staffHeaders, host: 'evil.example' } });
    const [url] = staff.json().requests[0].media_url;
    assert.equal(new URL(url).origin, 'https://www.district.example');
    const feed = await server.app.inject({ url: '/notices/feed.json', headers: { host: 'evil.example' } });
    assert.ok(!feed.body.includes('evil.example'));

    const served = await fetch(`${origin}${new URL(url).pathname}`);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('cache-control'), 'private, max-age=3600');
  });

  test('in production the server refuses to start without --public-url', () => {
    assert.throws(() => loadConfig([], { NODE_ENV: 'production' }), /--public-url .* is required/);
    assert.equal(loadConfig(['--public-url', 'https://www.district.example/'], { NODE_ENV: 'production' }).publicUrl, 'https://www.district.example');
  });
});
