// What Prometheus sees: requests by route pattern and status, latency, reports
// stored, outbox replays, rate-limit refusals and the database pool; only with
// the staff token, or on a listen address of its own.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { loadConfig, ConfigError } from '../dist/config.js';
import { freePort } from './helpers/cli-server.mjs';
import { staffHeaders, testApp } from './helpers/test-app.mjs';

const report = new URLSearchParams({ service_code: 'street-light', description: '路灯不亮', phone: '13812345678' });

/** The value of one sample line, `name{labels} value`, 0 when absent. */
function sample(text, name, labels = '') {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('metrics at /metrics', () => {
  let server;
  let origin;
  before(async () => {
    // Two reports per window per address: the third is refused.
    server = await testApp({ 'rate-limit': '2', 'rate-window': '600' });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${server.app.server.address().port}`;
  });
  after(() => server.close());

  const scrape = async () => {
    const answer = await fetch(`${origin}/metrics`, { headers: staffHeaders });
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type'), /^text\/plain; version=0\.0\.4/);
    return answer.text();
  };
  const post = (key) =>
    fetch(`${origin}/open311/v2/requests.json?email=someone%40example.cn`, { method: 'POST', headers: { 'idempotency-key': key }, body: report });

  test('are refused without the staff token, and with a wrong one', async () => {
    const anonymous = await fetch(`${origin}/metrics`);
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('cache-control'), 'no-store');
    assert.doesNotMatch(await anonymous.text(), /http_requests_total/);
    const wrong = await fetch(`${origin}/metrics`, { headers: { authorization: 'Bearer not-the-staff-token-0123456789' } });
    assert.equal(wrong.status, 401);
  });

  test('count a stored report, its replay and a refused report, by route pattern and status', async () => {
    const before = await scrape();
    const first = await post('key-one');
    assert.equal(first.status, 200);
    const [{ service_request_id: id }] = await first.json();
    const replay = await post('key-one');
    assert.equal(replay.status, 200);
    assert.equal((await replay.json())[0].service_request_id, id, 'the replay answers the stored answer');
    assert.equal((await post('key-two')).status, 429);
    assert.equal((await fetch(`${origin}/open311/v2/requests/${id}.json?phone=13812345678`)).status, 200);
    await fetch(`${origin}/no/such/page/${id}`);

    const after = await scrape();
    const delta = (name, labels) => sample(after, name, labels) - sample(before, name, labels);
    const posts = 'method="POST",route="/open311/v2/requests.json"';
    assert.equal(delta('civic_reports_accepted_total'), 1, 'the replay is no new report');
    assert.equal(delta('civic_idempotent_replays_total', 'scope="open311-request"'), 1);
    assert.equal(delta('civic_rate_limit_refusals_total', 'route="/open311/v2/requests.json"'), 1);
    assert.equal(delta('http_requests_total', `${posts},status_code="200"`), 2);
    assert.equal(delta('http_requests_total', `${posts},status_code="429"`), 1);
    assert.equal(delta('http_requests_total', 'method="GET",route="/open311/v2/requests/:file",status_code="200"'), 1);
    assert.equal(delta('http_requests_total', 'method="GET",route="(unmatched)",status_code="404"'), 1);
    assert.equal(delta('http_request_duration_seconds_count', `${posts},status_code="200"`), 2);
    assert.ok(sample(after, 'http_request_duration_seconds_bucket', `le="+Inf",${posts},status_code="200"`) >= 2);
    assert.equal(sample(after, 'civic_db_pool_connections', 'state="total"'), 1);
    assert.equal(sample(after, 'civic_db_pool_connections', 'state="waiting"'), 0);
    assert.ok(sample(after, 'process_resident_memory_bytes') > 0, 'the process’s default metrics');
    // Labels carry route patterns only: no tracking number, query or personal data.
    for (const leak of [id, 'email', '13812345678', 'no/such']) assert.ok(!after.includes(leak), `the metrics contain ${leak}`);
  });

  test('count a rating’s replay in its own scope, and no report', async () => {
    const before = await scrape();
    const rate = () =>
      fetch(`${origin}/surveys/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'rating-one' },
        body: JSON.stringify({ scale: 'helpful', rating: 1, serviceId: 'page-a' }),
      });
    assert.equal((await rate()).status, 201);
    assert.equal((await rate()).status, 201);
    const after = await scrape();
    const delta = (name, labels) => sample(after, name, labels) - sample(before, name, labels);
    assert.equal(delta('civic_idempotent_replays_total', 'scope="survey-response"'), 1);
    assert.equal(delta('civic_reports_accepted_total'), 0);
    assert.equal(delta('http_requests_total', 'method="POST",route="/surveys/responses",status_code="201"'), 2);
  });
});

describe('metrics on a listen address of their own', () => {
  let server;
  let metricsPort;
  before(async () => {
    metricsPort = await freePort();
    server = await testApp({ 'metrics-listen': `127.0.0.1:${metricsPort}` });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => server.close());

  test('are served there without a token, and still need it on the main address', async () => {
    const origin = `http://127.0.0.1:${server.app.server.address().port}`;
    assert.equal((await fetch(`${origin}/open311/v2/services.json`)).status, 200);
    const scraped = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    assert.equal(scraped.status, 200);
    assert.ok(sample(await scraped.text(), 'http_requests_total', 'method="GET",route="/open311/v2/services.json",status_code="200"') >= 1);
    assert.equal((await fetch(`http://127.0.0.1:${metricsPort}/open311/v2/services.json`)).status, 404, 'nothing else is served there');
    assert.equal((await fetch(`${origin}/metrics`)).status, 401);
  });

  test('closes with the server', async () => {
    await server.app.close();
    await assert.rejects(fetch(`http://127.0.0.1:${metricsPort}/metrics`));
  });
});

test('a metrics port in use stops the start with one line naming it', async () => {
  const taken = createServer();
  await new Promise((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const port = taken.address().port;
  const server = await testApp({ 'metrics-listen': `127.0.0.1:${port}` });
  try {
    await assert.rejects(server.app.listen({ port: 0, host: '127.0.0.1' }), (error) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.message, `--metrics-listen 127.0.0.1:${port}: the port is in use.`);
      return true;
    });
  } finally {
    await server.close();
    taken.close();
  }
});

test('--metrics-listen takes HOST:PORT only', () => {
  assert.deepEqual(loadConfig(['--metrics-listen', '[::1]:9464'], {}).metricsListen, { host: '::1', port: 9464 });
  assert.deepEqual(loadConfig([], { CIVIC_METRICS_LISTEN: '127.0.0.1:9464' }).metricsListen, { host: '127.0.0.1', port: 9464 });
  for (const bad of ['9464', '127.0.0.1', '127.0.0.1:0', '::1:9464', 'host:99999']) {
    assert.throws(() => loadConfig(['--metrics-listen', bad], {}), ConfigError, bad);
  }
});
