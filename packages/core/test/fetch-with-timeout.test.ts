import { expect } from '@open-wc/testing';
import { open311Origin } from '/test-config.js';
import { fetchWithTimeout, MalformedResponseError, readJson, TimeoutError } from '../src/index.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected a rejection');
}

describe('fetchWithTimeout', () => {
  it('gives up with a TimeoutError when the server is slower than the timeout', async () => {
    const started = performance.now();
    const error = await rejection(fetchWithTimeout(`${open311Origin}/slow?ms=2000`, {}, 200));
    expect(error).to.be.instanceOf(TimeoutError);
    expect((error as Error).name).to.equal('TimeoutError');
    expect(performance.now() - started).to.be.below(1500);
  });

  it('answers normally within the timeout', async () => {
    const response = await fetchWithTimeout(`${open311Origin}/slow?ms=10`, {}, 2000);
    expect(await readJson(response)).to.deep.equal({ waited: 10 });
  });

  it("passes the caller's own abort through, not as a timeout", async () => {
    const controller = new AbortController();
    const pending = fetchWithTimeout(`${open311Origin}/slow?ms=2000`, { signal: controller.signal }, 5000);
    controller.abort();
    const error = await rejection(pending);
    expect(error).not.to.be.instanceOf(TimeoutError);
    expect((error as Error).name).to.equal('AbortError');
  });
});

describe('readJson', () => {
  it('raises MalformedResponseError for a body that is not JSON', async () => {
    const response = await fetchWithTimeout(`${open311Origin}/json-broken`);
    const error = await rejection(readJson(response));
    expect(error).to.be.instanceOf(MalformedResponseError);
    expect((error as Error).message).to.include('{oops');
  });
});

describe('fetchWithTimeout privacy', () => {
  // The Open311 server on the page's own host name (the port differs), so the
  // page's cookies are same-site for it and would be sent if fetch allowed it.
  const sameSiteOrigin = open311Origin.replace('127.0.0.1', location.hostname);
  const cookie = `civic-test-session-${crypto.randomUUID().slice(0, 8)}=1`;
  type Echo = { referer: string | null; cookie: string | null; origin: string | null };
  before(() => {
    document.cookie = `${cookie}; path=/; SameSite=Lax`;
  });
  after(() => {
    document.cookie = `${cookie.split('=')[0]}=; path=/; max-age=0`;
  });

  it('sends the server no Referer and no cookies', async () => {
    // What a plain fetch that includes credentials gives away: the server would see both.
    const plain = (await (await fetch(`${sameSiteOrigin}/echo-headers`, { credentials: 'include' })).json()) as Echo;
    expect(plain.referer, 'a plain fetch sends a Referer').to.be.a('string');
    expect(plain.cookie ?? '', 'a plain fetch with credentials sends the cookie').to.include(cookie);

    const echo = (await (await fetchWithTimeout(`${sameSiteOrigin}/echo-headers`)).json()) as Echo;
    expect(echo).to.deep.equal({ referer: null, cookie: null, origin: echo.origin });
  });
});
