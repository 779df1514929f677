// What the logs keep of a citizen: the route and its path, the status, and the
// client's network. Never its address, the query, the body or credentials.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { staffToken, testApp } from './helpers/test-app.mjs';

const phone = '13812345678';
const email = 'li.mei@example.cn';
const wrongToken = 'not-the-staff-token-but-secret-0123';
const cookie = 'session-cookie-secret-4242';
const secrets = [phone, encodeURIComponent(email), email, wrongToken, staffToken, cookie, '203.0.113.77', '2001:db8:abcd:12:1:2:3:4', '独居'];

describe('request logs', () => {
  let server;
  let origin;
  const lines = [];
  before(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    // Behind a proxy on loopback, so that X-Forwarded-For gives each request its citizen's address.
    server = await testApp({ 'rate-limit': '1000', 'trust-proxy': '127.0.0.1' }, { logger: { level: 'info', stream } });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${server.app.server.address().port}`;
  });
  after(() => server.close());

  test('carry no phone, e-mail, address, token, cookie, query or body, but the route, path, status and network', async () => {
    const v4 = { 'x-forwarded-for': '203.0.113.77' };
    const v6 = { 'x-forwarded-for': '2001:db8:abcd:12:1:2:3:4' };
    const query = `?phone=${phone}&email=${encodeURIComponent(email)}`;
    const report = new URLSearchParams({ service_code: 'street-light', description: `我独居，电话 ${phone}`, phone, email });
    const posted = await fetch(`${origin}/open311/v2/requests.json${query}`, { method: 'POST', headers: { ...v4, cookie }, body: report });
    assert.equal(posted.status, 200, await posted.clone().text());
    const [{ service_request_id: id }] = await posted.json();

    assert.equal((await fetch(`${origin}/open311/v2/requests/${id}.json${query}`, { headers: v6 })).status, 200);
    await fetch(`${origin}/open311/v2/requests.json${query}`, { headers: v4 });
    await fetch(`${origin}/nothing-here${query}`, { headers: v4 });
    const rating = { scale: 'five-level', rating: 1, serviceId: 'page-a', comment: `电话 ${phone}`, callback: { name: '李', phone } };
    const rated = await fetch(`${origin}/surveys/responses${query}`, { method: 'POST', headers: { ...v6, 'content-type': 'application/json' }, body: JSON.stringify(rating) });
    assert.equal(rated.status, 201);
    const refused = await fetch(`${origin}/staff/api/requests${query}`, { headers: { ...v4, authorization: `Bearer ${wrongToken}`, cookie } });
    assert.equal(refused.status, 401);
    assert.equal((await fetch(`${origin}/staff/api/requests`, { headers: { ...v4, authorization: `Bearer ${staffToken}` } })).status, 200);

    // Should code ever log headers or a body, the credentials and the body stay out.
    server.app.log.warn({ headers: { authorization: `Bearer ${wrongToken}`, cookie, accept: 'text/html' }, body: { phone, email } }, 'a careless line');

    const log = lines.join('\n');
    for (const secret of secrets) assert.ok(!log.includes(secret), `the log contains ${secret}`);
    assert.doesNotMatch(log, /[?&](phone|email)=/, 'no query string');

    const entries = lines.map((line) => JSON.parse(line));
    const incoming = entries.filter((entry) => entry.msg === 'incoming request');
    assert.ok(incoming.length >= 7);
    const one = incoming.find((entry) => entry.req.path === `/open311/v2/requests/${id}.json`);
    assert.deepEqual(one.req, { method: 'GET', route: '/open311/v2/requests/:file', path: `/open311/v2/requests/${id}.json`, remoteAddress: '2001:db8:abcd::/48' });
    assert.ok(incoming.some((entry) => entry.req.remoteAddress === '203.0.113.0/24'));
    assert.ok(entries.some((entry) => entry.msg === 'request completed' && entry.res.statusCode === 201));
    const careless = entries.find((entry) => entry.msg === 'a careless line');
    assert.deepEqual(careless.headers, { authorization: '[not logged]', cookie: '[not logged]', accept: 'text/html' });
    assert.equal(careless.body, '[not logged]');
    const wrong = entries.find((entry) => entry.msg === 'wrong staff token');
    assert.equal(wrong.ip, '203.0.113.0/24');
    assert.equal(wrong.url, '/staff/api/requests');
  });
});

test('a database error in the log keeps its kind and message, never the failing row PostgreSQL puts in its detail', async () => {
  const { redactingLogger } = await import('../dist/ops/log-redaction.js');
  const failure = Object.assign(new Error('null value in column "service_code" violates not-null constraint'), {
    code: '23502',
    detail: 'Failing row contains (7, 王女士, 13812345678, wang@example.cn).',
    where: 'SQL statement',
  });
  const logged = JSON.stringify(redactingLogger(true).serializers.err(failure));
  assert.match(logged, /23502/);
  assert.match(logged, /not-null constraint/);
  for (const personal of ['13812345678', 'wang@example.cn', '王女士']) assert.ok(!logged.includes(personal), `${personal} was logged`);
});
