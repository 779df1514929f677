import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { GeolocationController, LoadController, PoliteAnnouncer } from '@civic-widgets/core';

// The reactive controllers the widgets share: the position asked only on
// request and dropped when the widget goes, one polite announcer that clears
// before it speaks, and loading that aborts the request it supersedes.

class Host extends LitElement {
  readonly geolocation = new GeolocationController(this, { timeout: 8000 });
  readonly announcer = new PoliteAnnouncer(this);
  readonly loader = new LoadController<string>(this);
  override render() {
    return this.announcer.render();
  }
}
const tag = `test-controllers-${crypto.randomUUID()}`;
customElements.define(tag, Host);

async function host(): Promise<Host> {
  return fixture<Host>(html`${document.createElement(tag)}`);
}

const region = (el: Host) => el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent!.trim();

describe('GeolocationController', () => {
  it('is idle until asked, then found, and forgets the position when the host leaves the page', async () => {
    await executeServerCommand('set-geolocation', { latitude: 31.2, longitude: 121.44 });
    const el = await host();
    expect(el.geolocation.status).to.equal('idle');
    const asked = el.geolocation.request();
    expect(el.geolocation.status).to.equal('asking');
    expect(await asked).to.equal('found');
    expect(el.geolocation.position).to.include({ latitude: 31.2, longitude: 121.44 });
    el.remove();
    expect(el.geolocation.status).to.equal('idle');
    expect(el.geolocation.position).to.equal(undefined);
  });

  it('reports a refusal as denied', async () => {
    await executeServerCommand('set-geolocation', { deny: true });
    const el = await host();
    expect(await el.geolocation.request()).to.equal('denied');
    expect(el.geolocation.position).to.equal(undefined);
  });

  it('ignores a late answer to a request that was forgotten', async () => {
    await executeServerCommand('set-geolocation', { latitude: 31.2, longitude: 121.44 });
    const el = await host();
    const asked = el.geolocation.request();
    el.geolocation.forget();
    await asked;
    expect(el.geolocation.status).to.equal('idle');
    expect(el.geolocation.position).to.equal(undefined);
  });
});

describe('PoliteAnnouncer', () => {
  it('clears the region before it speaks, so the same words are read again', async () => {
    const el = await host();
    el.announcer.announce('3 results');
    await waitUntil(() => region(el) === '3 results', 'not announced');
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(region(el)));
    observer.observe(el.shadowRoot!, { subtree: true, characterData: true, childList: true });
    el.announcer.announce('3 results');
    await waitUntil(() => seen.at(-1) === '3 results', 'not announced again');
    observer.disconnect();
    expect(seen).to.include('');
  });

  it('says only the last message once typing pauses, worked out when the pause ends', async () => {
    const el = await host();
    let count = 1;
    el.announcer.announceWhenPaused(() => `${count} found`, 100);
    count = 2;
    el.announcer.announceWhenPaused(() => `${count} found`, 100);
    count = 3;
    await waitUntil(() => region(el) === '3 found', 'the last state was not announced');
  });
});

describe('LoadController', () => {
  it('aborts the request a new load supersedes, and keeps only the new result', async () => {
    const el = await host();
    let first: AbortSignal | undefined;
    const never = el.loader.load((signal) => {
      first = signal;
      return new Promise<string>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    });
    expect(el.loader.state.kind).to.equal('loading');
    await el.loader.load(async () => 'second');
    await never;
    expect(first?.aborted).to.equal(true);
    expect(el.loader.state).to.deep.equal({ kind: 'loaded', value: 'second' });
  });

  it('reports a failure, and aborts a load under way when the host leaves the page', async () => {
    const el = await host();
    await el.loader.load(async () => {
      throw new Error('offline');
    });
    expect(el.loader.state.kind).to.equal('failed');
    let signal: AbortSignal | undefined;
    void el.loader.load((given) => ((signal = given), new Promise<string>(() => undefined)));
    el.remove();
    expect(signal?.aborted).to.equal(true);
    expect(el.loader.state.kind).to.equal('idle');
  });

  it('keeps the value shown while a refresh loads and when it fails; a refresh with nothing shown is a plain load', async () => {
    const el = await host();
    await el.loader.load(async () => 'first', true);
    expect(el.loader.state).to.deep.equal({ kind: 'loaded', value: 'first' });
    let fail: (error: Error) => void = () => undefined;
    const refreshing = el.loader.load(() => new Promise<string>((_resolve, reject) => (fail = reject)), true);
    expect(el.loader.state).to.deep.equal({ kind: 'loaded', value: 'first' });
    fail(new Error('offline'));
    await refreshing;
    expect(el.loader.state).to.deep.equal({ kind: 'loaded', value: 'first' });
    await el.loader.load(async () => 'second', true);
    expect(el.loader.state).to.deep.equal({ kind: 'loaded', value: 'second' });
  });

  it('clear() aborts the load under way and shows nothing, also after the host leaves the page and comes back', async () => {
    const el = await host();
    let signal: AbortSignal | undefined;
    const loading = el.loader.load((given) => ((signal = given), new Promise<string>(() => undefined)));
    el.loader.clear();
    expect(signal?.aborted).to.equal(true);
    expect(el.loader.state.kind).to.equal('idle');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    expect(el.loader.state.kind).to.equal('idle');
    void loading;
  });
});
