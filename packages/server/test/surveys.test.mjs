// Satisfaction surveys: POST /surveys/responses and GET /surveys/summary.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testApp } from './helpers/test-app.mjs';
import { rawDatabase } from './helpers/test-database.mjs';

const isoPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const problemType = 'application/problem+json; charset=utf-8';

let server;
let app;
before(async () => {
  server = await testApp({ 'rate-limit': '1000' });
  app = server.app;
});
after(() => server.close());

/** Each test rates its own service, so counts never leak between tests. */
let services = 0;
const newService = () => `service-${++services}`;

const rate = (payload, headers = {}) => app.inject({ method: 'POST', url: '/surveys/responses', payload, headers });
const summary = async (query) => {
  const response = await app.inject({ method: 'GET', url: `/surveys/summary?${new URLSearchParams(query)}` });
  assert.equal(response.statusCode, 200, response.body);
  return response.json();
};
const assertRefused = (response, status, title) => {
  assert.equal(response.statusCode, status, response.body);
  assert.equal(response.headers['content-type'], problemType);
  assert.deepEqual(response.json(), { type: 'about:blank', title, status });
};
/** Reads the database the way an operator would, for what the API deliberately does not show. */
const readDb = async (sql, ...params) => {
  const db = await rawDatabase(server.config);
  try {
    return await db.get(sql, ...params);
  } finally {
    await db.close();
  }
};

describe('POST /surveys/responses', () => {
  test('stores a rating and answers 201 with its id and the time it was received', async () => {
    const before = Date.now();
    const response = await rate({
      scale: 'five-level',
      rating: 5,
      serviceId: newService(),
      reasons: ['efficiency', 'attitude'],
      comment: '办得很快',
      locale: 'zh-Hans',
      submittedAt: '2026-11-26T10:00:00+08:00',
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
    const body = response.json();
    assert.deepEqual(Object.keys(body).sort(), ['id', 'receivedAt']);
    assert.equal(typeof body.id, 'number');
    assert.match(body.receivedAt, isoPattern);
    assert.ok(Date.parse(body.receivedAt) >= before - 1000 && Date.parse(body.receivedAt) <= Date.now() + 1000);
  });

  test('accepts every grade of every scale and nothing outside it, saying the range', async () => {
    const ranges = { 'five-level': [1, 5], helpful: [0, 1], csat: [1, 5], ces: [1, 7], nps: [0, 10] };
    for (const [scale, [min, max]] of Object.entries(ranges)) {
      const serviceId = newService();
      for (let rating = min; rating <= max; rating++) {
        assert.equal((await rate({ scale, rating, serviceId })).statusCode, 201, `${scale} ${rating}`);
      }
      for (const rating of [min - 1, max + 1]) {
        if (rating < 0 || rating > 10) continue; // outside every scale: refused by the schema, below
        assertRefused(
          await rate({ scale, rating, serviceId }, { 'accept-language': 'en' }),
          400,
          `On the "${scale}" scale the rating must be a whole number from ${min} to ${max}.`,
        );
      }
      assert.equal((await summary({ service: serviceId, scale })).total, max - min + 1);
    }
    assertRefused(
      await rate({ scale: 'five-level', rating: 6, serviceId: newService() }),
      400,
      '“five-level”量表的评分必须是 1 到 5 之间的整数。',
    );
    assertRefused(await rate({ scale: 'nps', rating: 11, serviceId: newService() }, { 'accept-language': 'en' }), 400, 'The value of "rating" is not valid.');
    assertRefused(await rate({ scale: 'csat', rating: 4.5, serviceId: newService() }, { 'accept-language': 'en' }), 400, 'The value of "rating" is not valid.');
  });

  test('refuses fields it does not know, such as tracking identifiers, and stores nothing', async () => {
    const serviceId = newService();
    assertRefused(
      await rate({ scale: 'helpful', rating: 1, serviceId, trackingId: 'GA1.2.3' }, { 'accept-language': 'en' }),
      400,
      'The field "trackingId" is not accepted.',
    );
    assertRefused(await rate({ scale: 'helpful', rating: 1, serviceId, deviceId: 'abc' }), 400, '不接受“deviceId”字段。');
    assertRefused(
      await rate({ scale: 'helpful', rating: 0, serviceId, callback: { name: '王', phone: '123', openid: 'x' } }, { 'accept-language': 'en' }),
      400,
      'The field "callback.openid" is not accepted.',
    );
    assert.equal((await summary({ service: serviceId, scale: 'helpful' })).total, 0);
  });

  test('refuses invalid fields with a message that names them, in the citizen’s language', async () => {
    const en = { 'accept-language': 'en' };
    const serviceId = newService();
    assertRefused(await rate({ scale: 'five-level', rating: 3 }, en), 400, '"serviceId" is missing.');
    assertRefused(await rate({ scale: 'five-level', rating: 3 }), 400, '缺少“serviceId”。');
    assertRefused(await rate({ rating: 3, serviceId }, en), 400, '"scale" is missing.');
    assertRefused(await rate({ scale: 'stars', rating: 3, serviceId }, en), 400, 'The value of "scale" is not valid.');
    assertRefused(await rate({ scale: 'five-level', rating: 3, serviceId: '' }, en), 400, 'The value of "serviceId" is not valid.');
    assertRefused(await rate({ scale: 'five-level', rating: 3, serviceId: 'x'.repeat(201) }, en), 400, '"serviceId" can be at most 200 characters long.');
    assertRefused(await rate({ scale: 'five-level', rating: 3, serviceId, comment: '长'.repeat(1001) }, en), 400, '"comment" can be at most 1000 characters long.');
    assertRefused(await rate({ scale: 'five-level', rating: 3, serviceId, reasons: ['price'] }, en), 400, 'The value of "reasons" is not valid.');
    assertRefused(await rate({ scale: 'five-level', rating: 3, serviceId, reasons: ['other', 'other'] }, en), 400, 'The value of "reasons" is not valid.');
    assertRefused(await rate({ scale: 'five-level', rating: 1, serviceId, callback: { name: '王' } }, en), 400, '"callback.phone" is missing.');
    assertRefused(
      await rate({ scale: 'five-level', rating: 1, serviceId, callback: { name: '王', phone: 'call me' } }, en),
      400,
      'The phone number may only contain digits, spaces and + - ( ).',
    );
    assertRefused(await rate({ scale: 'five-level', rating: 3, serviceId, pageUrl: 'javascript:alert(1)' }, en), 400, '"pageUrl" must be an http or https URL.');
    assertRefused(await rate({ scale: 'five-level', rating: 3, serviceId, pageUrl: 'https://' }, en), 400, '"pageUrl" must be an http or https URL.');
    assertRefused(
      await rate({ scale: 'five-level', rating: 3, serviceId, pageUrl: `https://example.gov.cn/${'a'.repeat(2048)}` }, en),
      400,
      '"pageUrl" can be at most 2048 characters long.',
    );
    assertRefused(await rate({ scale: 'five-level', rating: 3, serviceId, submittedAt: 'yesterday' }, en), 400, 'The value of "submittedAt" is not valid.');
    assertRefused(await rate({ scale: 'five-level', rating: 3, serviceId, locale: 'x'.repeat(36) }, en), 400, '"locale" can be at most 35 characters long.');
    assert.equal((await summary({ service: serviceId })).total, 0);
  });

  test('keeps the page without its query string and fragment, and the call-back the citizen asked for', async () => {
    const response = await rate({
      scale: 'five-level',
      rating: 1,
      serviceId: newService(),
      pageUrl: 'https://user:secret@www.example.gov.cn/services/lift?session=abc&q=王#rate',
      callback: { name: '王女士', phone: '+86 (021) 6400-4488' },
    });
    assert.equal(response.statusCode, 201, response.body);
    const row = await readDb('SELECT page_url, callback_name, callback_phone FROM survey_responses WHERE id = ?', response.json().id);
    assert.deepEqual(row, {
      page_url: 'https://www.example.gov.cn/services/lift',
      callback_name: '王女士',
      callback_phone: '+86 (021) 6400-4488',
    });
  });
});

describe('Idempotency-Key on POST /surveys/responses', () => {
  test('a retry with the same key gets the first answer and stores nothing new', async () => {
    const serviceId = newService();
    const payload = { scale: 'five-level', rating: 4, serviceId };
    const headers = { 'idempotency-key': `retry-${serviceId}` };
    const first = await rate(payload, headers);
    const retry = await rate(payload, headers);
    assert.equal(first.statusCode, 201);
    assert.equal(retry.statusCode, 201);
    assert.deepEqual(retry.json(), first.json());
    assert.equal((await summary({ service: serviceId })).total, 1);

    const other = await rate(payload, { 'idempotency-key': `other-${serviceId}` });
    assert.notEqual(other.json().id, first.json().id);
    assert.equal((await summary({ service: serviceId })).total, 2);
  });

  test('the same key with a different rating is refused with 422 and stores nothing', async () => {
    const serviceId = newService();
    const headers = { 'idempotency-key': `reused-${serviceId}`, 'accept-language': 'en' };
    const first = await rate({ scale: 'five-level', rating: 5, serviceId }, headers);
    assert.equal(first.statusCode, 201);
    assertRefused(
      await rate({ scale: 'five-level', rating: 1, serviceId }, headers),
      422,
      'This Idempotency-Key was already used for a different submission.',
    );
    assert.equal((await rate({ scale: 'five-level', rating: 5, serviceId, comment: '补充' }, headers)).statusCode, 422);
    assert.equal((await summary({ service: serviceId })).total, 1);
    // The page URL counts as the server keeps it: a retry that differs only in its query string is the same rating.
    const page = { scale: 'helpful', rating: 1, serviceId, pageUrl: 'https://www.district.example/guide?utm=a' };
    const pageHeaders = { 'idempotency-key': `page-${serviceId}` };
    const stored = await rate(page, pageHeaders);
    assert.deepEqual((await rate({ ...page, pageUrl: 'https://www.district.example/guide?utm=b' }, pageHeaders)).json(), stored.json());
  });

  test('a refused try leaves the key free for the corrected retry', async () => {
    const serviceId = newService();
    const headers = { 'idempotency-key': `fix-${serviceId}` };
    assert.equal((await rate({ scale: 'five-level', rating: 9, serviceId }, headers)).statusCode, 400);
    const corrected = await rate({ scale: 'five-level', rating: 5, serviceId }, headers);
    assert.equal(corrected.statusCode, 201);
    assert.equal((await summary({ service: serviceId })).counts['5'], 1);
  });

  test('answers 409 while the first try with the key is still in progress', async () => {
    const serviceId = newService();
    const key = `busy-${serviceId}`;
    // A first try that has claimed the key but not yet stored its rating.
    const db = await rawDatabase(server.config);
    await db.run("INSERT INTO idempotency_keys (scope, key, state, created_at) VALUES ('survey-response', ?, 'pending', ?)", key, Date.now());
    await db.close();
    assertRefused(
      await rate({ scale: 'five-level', rating: 5, serviceId }, { 'idempotency-key': key, 'accept-language': 'en' }),
      409,
      'This submission is still being processed; try again shortly.',
    );
    assert.equal((await summary({ service: serviceId })).total, 0);
  });

  test('refuses a key that is empty, too long or not printable ASCII', async () => {
    for (const key of ['', 'k'.repeat(256), 'has space', '键']) {
      assertRefused(
        await rate({ scale: 'five-level', rating: 5, serviceId: newService() }, { 'idempotency-key': key, 'accept-language': 'en' }),
        400,
        'The Idempotency-Key header is not valid.',
      );
    }
  });
});

describe('GET /surveys/summary', () => {
  test('counts every grade of the five-level scale and the share of 好评 (3 and above)', async () => {
    const serviceId = newService();
    for (const rating of [5, 5, 4, 3, 2, 1, 1]) await rate({ scale: 'five-level', rating, serviceId });
    await rate({ scale: 'helpful', rating: 0, serviceId }); // another scale: not counted here
    const response = await app.inject({ method: 'GET', url: `/surveys/summary?service=${serviceId}` });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'public, max-age=60');
    const { from, to, ...rest } = response.json();
    assert.deepEqual(rest, {
      service: serviceId,
      scale: 'five-level',
      total: 7,
      counts: { 1: 2, 2: 1, 3: 1, 4: 1, 5: 2 },
      satisfied: 4,
      satisfiedShare: 0.5714,
    });
    assert.match(from, isoPattern);
    assert.match(to, isoPattern);
    assert.equal(Date.parse(to) - Date.parse(from), 90 * 86_400_000);
  });

  test('uses each scale’s own idea of satisfied', async () => {
    const cases = [
      { scale: 'helpful', ratings: [1, 1, 0], counts: { 0: 1, 1: 2 }, satisfied: 2 },
      { scale: 'csat', ratings: [5, 4, 3, 1], counts: { 1: 1, 2: 0, 3: 1, 4: 1, 5: 1 }, satisfied: 2 },
      { scale: 'ces', ratings: [7, 5, 4], counts: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 1, 6: 0, 7: 1 }, satisfied: 2 },
    ];
    for (const { scale, ratings, counts, satisfied } of cases) {
      const serviceId = newService();
      for (const rating of ratings) await rate({ scale, rating, serviceId });
      const result = await summary({ service: serviceId, scale });
      assert.deepEqual(result.counts, counts, scale);
      assert.equal(result.satisfied, satisfied, scale);
      assert.equal(result.satisfiedShare, Math.round((satisfied / ratings.length) * 10_000) / 10_000, scale);
      assert.equal('netPromoterScore' in result, false);
    }
  });

  test('gives the Net Promoter Score for nps: % promoters (9–10) minus % detractors (0–6)', async () => {
    const serviceId = newService();
    for (const rating of [10, 9, 9, 8, 7, 6, 0, 3]) await rate({ scale: 'nps', rating, serviceId });
    const result = await summary({ service: serviceId, scale: 'nps' });
    assert.equal(result.total, 8);
    assert.deepEqual(result.counts, { 0: 1, 1: 0, 2: 0, 3: 1, 4: 0, 5: 0, 6: 1, 7: 1, 8: 1, 9: 2, 10: 1 });
    assert.equal(result.satisfied, 3);
    assert.equal(result.satisfiedShare, 0.375);
    assert.equal(result.netPromoterScore, 0); // 3 promoters, 3 detractors
  });

  test('has every grade at 0 and null shares for a service nobody rated', async () => {
    const { from, to, ...rest } = await summary({ service: 'nobody-rated-this', scale: 'nps' });
    assert.ok(from < to);
    assert.deepEqual(rest, {
      service: 'nobody-rated-this',
      scale: 'nps',
      total: 0,
      counts: { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0, 10: 0 },
      satisfied: 0,
      satisfiedShare: null,
      netPromoterScore: null,
    });
  });

  test('counts only the last `days` days', async () => {
    const serviceId = newService();
    await rate({ scale: 'five-level', rating: 5, serviceId });
    // A rating received 100 days ago.
    const db = await rawDatabase(server.config);
    await db.run(
      "INSERT INTO survey_responses (service_id, scale, rating, received_at) VALUES (?, 'five-level', 1, ?)",
      serviceId,
      new Date(Date.now() - 100 * 86_400_000).toISOString(),
    );
    await db.close();
    assert.deepEqual((await summary({ service: serviceId })).counts, { 1: 0, 2: 0, 3: 0, 4: 0, 5: 1 });
    const longer = await summary({ service: serviceId, days: '120' });
    assert.deepEqual(longer.counts, { 1: 1, 2: 0, 3: 0, 4: 0, 5: 1 });
    assert.equal(Date.parse(longer.to) - Date.parse(longer.from), 120 * 86_400_000);
  });

  test('refuses a missing service, an unknown scale and days outside 1–3650', async () => {
    const get = (query) => app.inject({ method: 'GET', url: `/surveys/summary?${query}`, headers: { 'accept-language': 'en' } });
    assertRefused(await get('scale=five-level'), 400, '"service" is missing.');
    assertRefused(await get('service=a&scale=stars'), 400, 'The value of "scale" is not valid.');
    assertRefused(await get('service=a&days=0'), 400, 'The value of "days" is not valid.');
    assertRefused(await get('service=a&days=3651'), 400, 'The value of "days" is not valid.');
    assertRefused(await get('service=a&days=ninety'), 400, 'The value of "days" is not valid.');
    // Checked as text before it is a number: coercion would have taken these.
    assertRefused(await get('service=a&days=0x10'), 400, 'The value of "days" is not valid.');
    assertRefused(await get('service=a&days=1e3'), 400, 'The value of "days" is not valid.');
    assert.equal((await get('service=a&days=3650')).statusCode, 200);
  });
});

describe('rate limit', () => {
  test('the third rating within the window gets 429 with Retry-After, and is not stored', async () => {
    const limited = await testApp({ 'rate-limit': '2' });
    try {
      const post = (rating) =>
        limited.app.inject({
          method: 'POST',
          url: '/surveys/responses',
          payload: { scale: 'five-level', rating, serviceId: 'limited' },
          headers: { 'accept-language': 'en' },
        });
      assert.equal((await post(5)).statusCode, 201);
      assert.equal((await post(4)).statusCode, 201);
      const refused = await post(3);
      assert.equal(refused.statusCode, 429);
      assert.equal(refused.headers['content-type'], problemType);
      const seconds = Number(refused.headers['retry-after']);
      assert.ok(Number.isInteger(seconds) && seconds >= 1 && seconds <= 60, `Retry-After: ${refused.headers['retry-after']}`);
      assert.deepEqual(refused.json(), {
        type: 'about:blank',
        title: `Too many submissions; try again in ${seconds} seconds.`,
        status: 429,
      });
      const counted = await limited.app.inject({ method: 'GET', url: '/surveys/summary?service=limited' });
      assert.equal(counted.json().total, 2, 'reading the summary is not limited, and the refused rating was not stored');
    } finally {
      await limited.close();
    }
  });
});

describe('GET /surveys/summary caching', () => {
  const get = (serviceId, headers = {}) => app.inject({ url: `/surveys/summary?service=${serviceId}`, headers });

  test('a revalidation after a new rating gets the new count; without one it gets 304', async () => {
    const serviceId = newService();
    assert.equal((await rate({ scale: 'five-level', rating: 5, serviceId })).statusCode, 201);
    const first = await get(serviceId);
    assert.equal(first.json().total, 1);
    const etag = first.headers.etag;
    assert.match(etag, /^W\/"[\w-]+"$/);
    assert.ok(first.headers['last-modified'], 'Last-Modified: the latest rating');
    assert.match(first.headers['cache-control'], /max-age=60/);

    // What a browser sends for fetch(url, { cache: 'no-cache' }) with the answer in its cache.
    const unchanged = await get(serviceId, { 'if-none-match': etag });
    assert.equal(unchanged.statusCode, 304);

    assert.equal((await rate({ scale: 'five-level', rating: 1, serviceId })).statusCode, 201);
    const fresh = await get(serviceId, { 'if-none-match': etag });
    assert.equal(fresh.statusCode, 200, 'the server-side cache was invalidated by the rating');
    assert.equal(fresh.json().total, 2);
    assert.notEqual(fresh.headers.etag, etag);
  });

  test('another service’s rating leaves a summary’s ETag alone', async () => {
    const serviceId = newService();
    const { etag } = (await get(serviceId)).headers;
    assert.equal((await rate({ scale: 'five-level', rating: 4, serviceId: newService() })).statusCode, 201);
    assert.equal((await get(serviceId, { 'if-none-match': etag })).statusCode, 304);
  });
});
