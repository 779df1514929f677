import { expect } from '@open-wc/testing';
import { surveyOrigin } from '/test-config.js';
import { SurveyServer } from './helpers/survey-server.js';

// Checks the test tool itself, from the browser and through real CORS: the
// other test files trust what it records and counts.

function post(server: SurveyServer, body: unknown, key?: string): Promise<Response> {
  return fetch(server.endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
    body: JSON.stringify(body),
  });
}

const rating = { scale: 'five-level', rating: 4, serviceId: 'svc-test' };

describe('survey test server', () => {
  it('stores a rating (201 {id, receivedAt}) and replays the first answer for a repeated Idempotency-Key', async () => {
    const server = new SurveyServer();
    const key = crypto.randomUUID();
    const first = await post(server, rating, key);
    expect(first.status).to.equal(201);
    const answer = (await first.json()) as { id: number; receivedAt: string };
    expect(Object.keys(answer).sort()).to.deep.equal(['id', 'receivedAt']);
    const again = await post(server, rating, key);
    expect(again.status).to.equal(201);
    expect(JSON.stringify(await again.json())).to.equal(JSON.stringify(answer));

    const seen = await server.received();
    expect(seen.stored).to.equal(1);
    expect(seen.received.map((item) => item.headers['idempotency-key'])).to.deep.equal([key, key]);
    expect(seen.received[0]!.headers['content-type']).to.equal('application/json');
    expect(JSON.stringify(seen.received[0]!.body)).to.equal(JSON.stringify(rating));
  });

  it('keeps namespaces apart', async () => {
    const one = new SurveyServer();
    const other = new SurveyServer();
    await one.rate('svc-test', 'five-level', [5]);
    await other.setMode('fail-503');
    expect((await one.received()).stored).to.equal(1);
    expect((await other.received()).received).to.have.length(0);
    expect((await one.received()).mode).to.equal('ok');
  });

  it('refuses what the reference server refuses, with problem+json', async () => {
    const server = new SurveyServer();
    for (const body of [
      { ...rating, rating: 6 },
      { ...rating, scale: 'stars' },
      { ...rating, email: 'someone@example.com' },
      { ...rating, reasons: ['rude'] },
      { ...rating, callback: { name: 'Li', phone: 'call me' } },
      { scale: 'nps', rating: 11, serviceId: 'x' },
    ]) {
      const response = await post(server, body);
      expect(response.status, JSON.stringify(body)).to.equal(400);
      expect(response.headers.get('content-type')).to.match(/^application\/problem\+json/);
    }
    expect((await server.received()).stored).to.equal(0);
  });

  it('answers fail-400 with the district’s own RFC 9457 problem', async () => {
    const server = new SurveyServer();
    await server.setMode('fail-400');
    const response = await post(server, rating);
    expect(response.status).to.equal(400);
    expect(await response.text()).to.equal('{"type":"about:blank","title":"服务编号无效。","status":400}');
  });

  it('lets a page read Retry-After across origins, and drops the connection when down (control still answers)', async () => {
    const server = new SurveyServer();
    await server.setMode('retry-after-503');
    const response = await post(server, rating);
    expect(response.status).to.equal(503);
    expect(response.headers.get('retry-after')).to.equal('120');

    await server.setMode('down');
    const failed = await post(server, rating).then(
      () => 'answered',
      (error: Error) => error.name,
    );
    expect(failed).to.equal('TypeError');
    expect((await server.received()).mode).to.equal('down');
  });

  it('counts a summary from what it stored, in the reference server’s shape', async () => {
    const server = new SurveyServer();
    await server.rate('svc-a', 'five-level', [5, 5, 3, 2, 1]);
    await server.rate('svc-b', 'five-level', [1]);
    await server.rate('svc-a', 'csat', [5]);
    const summary = (await (await fetch(server.summaryUrl('svc-a'))).json()) as Record<string, unknown>;
    expect(Object.keys(summary).sort()).to.deep.equal(['counts', 'from', 'satisfied', 'satisfiedShare', 'scale', 'service', 'to', 'total']);
    expect([summary['service'], summary['scale'], summary['total'], summary['satisfied'], summary['satisfiedShare']]).to.deep.equal([
      'svc-a',
      'five-level',
      5,
      3,
      0.6,
    ]);
    expect(summary['counts']).to.deep.equal({ 1: 1, 2: 1, 3: 1, 4: 0, 5: 2 });
    const csat = (await (await fetch(server.summaryUrl('svc-a', { scale: 'csat' }))).json()) as Record<string, unknown>;
    expect([csat['total'], csat['satisfied']]).to.deep.equal([1, 1]);
  });

  it('lets browsers cache a summary for 60 s, and a revalidation gets the new counts as soon as a rating arrived', async () => {
    const server = new SurveyServer();
    await server.rate('svc-cache', 'five-level', [5]);
    const total = async (init: RequestInit = {}) => ((await (await fetch(server.summaryUrl('svc-cache'), init)).json()) as { total: number }).total;
    const first = await fetch(server.summaryUrl('svc-cache'));
    expect(first.headers.get('cache-control')).to.equal('public, max-age=60');
    expect(((await first.json()) as { total: number }).total).to.equal(1);
    await server.rate('svc-cache', 'five-level', [1]);
    expect(await total(), 'the cached copy').to.equal(1);
    expect(await total({ cache: 'no-cache' }), 'revalidated').to.equal(2);
  });

  it('serves broken summaries on request', async () => {
    const server = new SurveyServer();
    // Each mode's answer, not the one the browser may have cached from the one before.
    const fetch = (url: string) => window.fetch(url, { cache: 'no-store' });
    await server.setMode('malformed-summary');
    expect(await (await fetch(server.summaryUrl('svc-a'))).text()).to.match(/^<!doctype html>/);
    await server.setMode('hostile-summary');
    const hostile = (await (await fetch(server.summaryUrl('svc-a', { variant: 'negative' }))).json()) as { counts: Record<string, number> };
    expect(hostile.counts['4']).to.equal(-2);
    await server.setMode('fail-500');
    expect((await fetch(server.summaryUrl('svc-a'))).status).to.equal(500);
  });

  it('echoes a same-site cookie when a client does send one (so the widget tests can prove it does not)', async () => {
    const sameSite = surveyOrigin.replace('127.0.0.1', location.hostname);
    const cookie = `civic-survey-test-${crypto.randomUUID().slice(0, 8)}=1`;
    document.cookie = `${cookie}; path=/; SameSite=Lax`;
    try {
      const echo = (await (await fetch(`${sameSite}/echo-headers`, { credentials: 'include' })).json()) as { cookie: string | null };
      expect(echo.cookie ?? '').to.include(cookie);
    } finally {
      document.cookie = `${cookie.split('=')[0]}=; path=/; max-age=0`;
    }
  });
});
