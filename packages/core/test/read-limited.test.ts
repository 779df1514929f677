import { expect } from '@open-wc/testing';
import { open311Origin } from '/test-config.js';
import { newEndpoint, setMode } from '../../feedback/test/helpers/open311.js';
import { MalformedResponseError, readJsonLimited, ResponseTooLargeError } from '../src/index.js';

// Reading with a byte limit, against the Open311 test server: its
// 'huge-catalogue' mode answers services.json with about 3 MB.

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected a rejection');
}

describe('readJsonLimited', () => {
  it('reads an answer within the limit', async () => {
    expect(await readJsonLimited(await fetch(`${open311Origin}/slow?ms=1`), 1000)).to.deep.equal({ waited: 1 });
  });

  it('stops past the limit with ResponseTooLargeError naming the URL and the limit', async () => {
    const endpoint = newEndpoint();
    await setMode(endpoint, 'huge-catalogue');
    const url = `${endpoint}/services.json`;
    const error = await rejection(readJsonLimited(await fetch(url), 2 * 1024 * 1024));
    expect(error).to.be.instanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).limitBytes).to.equal(2 * 1024 * 1024);
    expect((error as ResponseTooLargeError).url).to.equal(url);
  });

  it('reads the same answer whole when the limit allows it', async () => {
    const endpoint = newEndpoint();
    await setMode(endpoint, 'huge-catalogue');
    const services = await readJsonLimited(await fetch(`${endpoint}/services.json`), 10 * 1024 * 1024);
    expect((services as unknown[]).length).to.equal(20_000);
  });

  it('says when the answer is not JSON', async () => {
    expect(await rejection(readJsonLimited(await fetch(`${open311Origin}/json-broken`), 1000))).to.be.instanceOf(MalformedResponseError);
  });
});
