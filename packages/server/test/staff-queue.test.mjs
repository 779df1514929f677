// The staff queue with a backlog: 30,000 reports, keyset pages, filters and
// totals. Every open report is reachable (the oldest first), none twice, and
// a flood of new reports cannot push old ones out of sight.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { staffHeaders, testApp } from './helpers/test-app.mjs';
import { rawDatabase } from './helpers/test-database.mjs';

const count = 30_000;
const codes = ['street-light', 'lift-breakdown', 'noise'];
const day = 86_400_000;
const start = Date.parse('2025-01-01T00:00:00Z');
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Report n (1-based): every third closed, categories in turn, one every 15 minutes from 2025-01-01. */
const reportOf = (n) => ({
  code: codes[n % codes.length],
  status: n % 3 === 0 ? 'closed' : 'open',
  requested: iso(start + n * 15 * 60_000),
  description: n === 12_345 ? '楼道灯不亮 needle_100%' : `第 ${n} 号诉求`,
});

describe('the staff queue with 30,000 reports', () => {
  let server;
  const queue = async (query = '') => {
    const answer = await server.app.inject({ url: `/staff/api/requests${query}`, headers: staffHeaders });
    assert.equal(answer.statusCode, 200, answer.body);
    return answer.json();
  };

  before(async () => {
    server = await testApp({ 'rate-limit': '1000' });
    const db = await rawDatabase(server.config);
    await db.run('BEGIN');
    for (let n = 1; n <= count; n++) {
      const { code, status, requested, description } = reportOf(n);
      await db.run(
        `INSERT INTO service_requests
         (service_request_id, service_code, status, description, requested_datetime, updated_datetime, closed_datetime)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        `2025-${String(n).padStart(6, '0')}`, code, status, description, requested, requested, status === 'closed' ? requested : null,
      );
    }
    await db.run('COMMIT');
    await db.close();
  });
  after(() => server.close());

  test('open reports come oldest first, every one exactly once over the pages, with the totals', async () => {
    const seen = [];
    let page = await queue('?limit=200');
    assert.equal(page.total, 20_000);
    assert.deepEqual(page.totals, { open: 20_000, closed: 10_000, suspected_spam: 0 });
    assert.equal(page.requests[0].service_request_id, '2025-000001', 'the oldest open report first');
    for (;;) {
      seen.push(...page.requests.map((request) => request.service_request_id));
      if (page.next === null) break;
      page = await queue(`?limit=200&cursor=${page.next}`);
    }
    assert.equal(seen.length, 20_000);
    assert.equal(new Set(seen).size, 20_000, 'no report twice');
    assert.deepEqual(seen, [...seen].sort(), 'oldest first throughout');
    assert.ok(seen.every((id) => reportOf(Number(id.slice(5))).status === 'open'));
  });

  test('reports arriving while staff page through neither repeat nor hide an old one', async () => {
    const first = await queue('?limit=50');
    for (let index = 0; index < 60; index++) {
      const answer = await server.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'service_code=street-light',
        remoteAddress: `10.9.${index}.1`,
      });
      assert.equal(answer.statusCode, 200);
    }
    const second = await queue(`?limit=50&cursor=${first.next}`);
    assert.equal(second.requests[0].service_request_id, '2025-000076', 'the 51st oldest open report follows the 50th');
    assert.equal(second.total, 20_060);
  });

  test('filters: closed newest first, by category, by date range, by text (literally, % and _ too)', async () => {
    const closed = await queue('?status=closed&limit=3');
    assert.equal(closed.total, 10_000);
    assert.deepEqual(closed.requests.map((request) => request.service_request_id), ['2025-030000', '2025-029997', '2025-029994']);

    const lifts = await queue('?status=all&service_code=lift-breakdown&limit=200');
    assert.equal(lifts.total, 10_000);
    assert.ok(lifts.requests.every((request) => request.service_code === 'lift-breakdown'));

    // 2025-01-02 in Shanghai: the 96 reports of that day (one every 15 minutes), by their UTC times.
    const from = '2025-01-02T00:00:00+08:00';
    const to = '2025-01-02T23:59:59+08:00';
    const dayPage = await queue(`?status=all&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=200`);
    assert.equal(dayPage.total, 96);
    for (const request of dayPage.requests) {
      const time = Date.parse(request.requested_datetime);
      assert.ok(time >= Date.parse(from) && time <= Date.parse(to), request.requested_datetime);
    }

    const found = await queue(`?status=all&q=${encodeURIComponent('needle_100%')}`);
    assert.deepEqual(found.requests.map((request) => request.service_request_id), ['2025-012345']);
    assert.equal((await queue(`?status=all&q=${encodeURIComponent('needle_1000')}`)).total, 0, '% and _ are not wildcards');
    assert.equal((await queue('?status=all&q=2025-000042')).requests[0].service_request_id, '2025-000042', 'by tracking number');
  });

  test('a bad cursor, limit or date is refused', async () => {
    for (const query of ['?cursor=abc', '?limit=0', '?limit=1e3', '?from=yesterday', '?status=pending']) {
      const answer = await server.app.inject({ url: `/staff/api/requests${query}`, headers: staffHeaders });
      assert.equal(answer.statusCode, 400, query);
    }
  });
});
