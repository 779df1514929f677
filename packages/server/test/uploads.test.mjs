// Staying up under abuse, part two: photos and uploads. Decoding is bounded by
// pixels and decoded bytes, its queue answers 503 with Retry-After when full,
// each client has a photo budget, file parts not named `media` are refused as
// they arrive, and the bytes of uploads held in memory are capped.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { testApp } from './helpers/test-app.mjs';
import { rawDatabase } from './helpers/test-database.mjs';

const path = '/open311/v2/requests.json';
const english = { 'accept-language': 'en' };
const small = () => sharp({ create: { width: 320, height: 240, channels: 3, background: '#446688' } }).jpeg().toBuffer();
/** Random pixels: seconds of work for the encoder. */
const slow = () => sharp(randomBytes(2048 * 2048 * 3), { raw: { width: 2048, height: 2048, channels: 3 } }).jpeg({ quality: 75 }).toBuffer();

async function postPhotos(origin, photos, headers = {}) {
  const form = new FormData();
  form.append('service_code', 'street-light');
  for (const photo of photos) form.append('media', new Blob([photo], { type: 'image/jpeg' }), 'photo.jpg');
  const response = await fetch(`${origin}${path}`, { method: 'POST', body: form, headers });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/**
 * A multipart upload written by hand over one connection: `parts` are written,
 * then the request is held open (`end()` sends the rest). `answer` settles
 * when the server replies, whether or not the body was finished.
 */
function heldUpload(origin, parts) {
  const boundary = 'held-upload-boundary';
  const { hostname, port } = new URL(origin);
  const request = httpRequest({
    hostname,
    port,
    path,
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'accept-language': 'en', 'transfer-encoding': 'chunked' },
  });
  const answer = new Promise((resolve, reject) => {
    request.on('response', (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString() }));
    });
    request.on('error', reject);
  });
  answer.catch(() => {});
  request.write(`--${boundary}\r\nContent-Disposition: form-data; name="service_code"\r\n\r\nstreet-light\r\n`);
  for (const { name, bytes } of parts) {
    request.write(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="f.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
    request.write(bytes);
  }
  return { answer, abort: () => request.destroy() };
}

const withTimeout = (promise, ms, what) =>
  Promise.race([promise, delay(ms).then(() => assert.fail(`${what}: no answer within ${ms} ms`))]);

describe('the decode queue', () => {
  let server;
  let origin;
  before(async () => {
    server = await testApp({ 'rate-limit': '1000', 'photo-queue': '5' });
    origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => server.close());

  test('when full, a report with photos gets 503 and Retry-After at once, and is taken once it drains', async () => {
    const key = 'five-photos-first';
    const first = postPhotos(origin, [await slow(), await small(), await small(), await small(), await small()], { 'idempotency-key': key });
    // The first report's five photos are admitted as soon as it holds its key.
    const db = await rawDatabase(server.config);
    try {
      const pending = () => db.get("SELECT 1 FROM idempotency_keys WHERE key = ? AND state = 'pending'", key);
      const deadline = Date.now() + 20_000;
      while (!(await pending())) {
        assert.ok(Date.now() < deadline, 'the first report never took its key');
        await delay(5);
      }
    } finally {
      await db.close();
    }
    const photo = await small();
    const refused = await postPhotos(origin, [photo], english);
    assert.equal(refused.status, 503, JSON.stringify(refused.body));
    assert.equal(refused.headers.get('retry-after'), '5');
    assert.match(refused.body[0].description, /busy; try again in 5 seconds/);
    assert.equal((await first).status, 200);
    assert.equal((await postPhotos(origin, [photo])).status, 200, 'taken once the queue has drained');
  });
});

describe('the photo budget', () => {
  let server;
  let origin;
  before(async () => {
    server = await testApp({ 'rate-limit': '1000', 'photo-budget': '6' });
    origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => server.close());

  test('a client that sent its hour’s photos is told to wait; reports without photos still go through', async () => {
    const photo = await small();
    assert.equal((await postPhotos(origin, [photo, photo, photo, photo, photo])).status, 200);
    const refused = await postPhotos(origin, [photo, photo], english);
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) >= 60);
    assert.match(refused.body[0].description, /Too many photos/);
    assert.equal((await postPhotos(origin, [photo])).status, 200, 'the sixth photo still fits');
    assert.equal((await postPhotos(origin, [])).status, 200, 'a report without photos');
  });

  test('a photo over 4 MB is refused with 413', async () => {
    const answer = await postPhotos(origin, [randomBytes(4 * 1024 * 1024 + 1)], english);
    assert.equal(answer.status, 413);
    assert.match(answer.body[0].description, /too large/);
  });
});

describe('uploads', () => {
  let server;
  let origin;
  before(async () => {
    server = await testApp({ 'rate-limit': '1000', 'upload-memory': '1' });
    origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => server.close());

  test('a file part under any name but media is refused as it arrives, before the body ends', async () => {
    const upload = heldUpload(origin, [{ name: 'evil', bytes: randomBytes(64 * 1024) }]);
    try {
      const answer = await withTimeout(upload.answer, 10_000, 'the refusal');
      assert.equal(answer.status, 400);
      assert.match(JSON.parse(answer.body)[0].description, /A file named "evil" is not accepted/);
    } finally {
      upload.abort();
    }
  });

  test('past the bytes allowed in memory, uploads get 503 with Retry-After; the bytes come back when a request ends', async () => {
    // 900 KB of a photo held open: most of the 1 MB allowed.
    const held = heldUpload(origin, [{ name: 'media', bytes: randomBytes(900 * 1024) }]);
    const probe = () => postPhotos(origin, [randomBytes(200 * 1024)], english);
    let answer;
    const deadline = Date.now() + 10_000;
    // Until the server has read the held bytes, the probe is read whole (and refused as no image).
    do {
      answer = await probe();
      assert.ok(Date.now() < deadline, 'never refused as busy');
    } while (answer.status !== 503);
    assert.ok(Number(answer.headers.get('retry-after')) >= 1);
    assert.match(answer.body[0].description, /busy/);

    held.abort();
    do {
      answer = await probe();
      assert.ok(Date.now() < deadline + 10_000, 'the held bytes were never given back');
    } while (answer.status === 503);
    assert.equal(answer.status, 400, 'read whole again: refused only as not a picture');
  });
});
