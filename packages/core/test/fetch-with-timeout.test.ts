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
