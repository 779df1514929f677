import { expect, waitUntil } from '@open-wc/testing';
import { feedOrigin } from '/test-config.js';
import { materialize } from './hostile-payloads.js';
import { FeedServer, type FeedFormat } from './helpers/feed-server.js';
import { delay, frames, useCleanState } from './helpers/board.js';

// A district page with a strict Content-Security-Policy: hostile notice HTML
// must not make the browser report a single violation (a district's CSP
// reporting would be flooded). The page is an iframe whose <meta> sets the
// policy (a meta CSP enforces script-src, style-src and img-src and fires
// securitypolicyviolation; only report-uri, frame-ancestors and sandbox need
// the header), and which loads the board's module itself.

/** Script only from the page's origin, no inline script or style, images from the page and the feed server, fetches to the feed server. */
const policy = `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' ${feedOrigin}; connect-src ${feedOrigin}`;

interface StrictPage {
  frame: HTMLIFrameElement;
  document: Document;
  violations: string[];
}

async function strictPage(): Promise<StrictPage> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px';
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${policy}">
    <script type="module" src="${new URL('../src/define.ts', import.meta.url).pathname}"></script></head><body></body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const page = frame.contentDocument!;
  const violations: string[] = [];
  page.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`.trim()));
  const win = frame.contentWindow as Window & typeof globalThis;
  await waitUntil(() => win.customElements.get('civic-notice-board'), 'the board module did not load in the strict page', { timeout: 8000 });
  return { frame, document: page, violations };
}

describe('<civic-notice-board> on a page with a strict CSP', () => {
  useCleanState();
  let page: StrictPage | undefined;
  afterEach(() => {
    page?.frame.remove();
    page = undefined;
  });

  it('the listener hears violations: an inline handler put in the strict page is reported', async () => {
    page = await strictPage();
    const probe = page.document.createElement('div');
    probe.innerHTML = '<img src="x" onerror="1">';
    page.document.body.append(probe);
    await waitUntil(() => page!.violations.length > 0, 'no violation was heard', { timeout: 3000 });
  });

  it('hostile CAP warnings raise no violation report either', async () => {
    page = await strictPage();
    const server = new FeedServer();
    await server.setPayloads(materialize(server.beaconBase));
    const board = page.document.createElement('civic-notice-board');
    board.setAttribute('lang', 'en');
    board.setAttribute('alerts-src', server.hostileAlerts);
    page.document.body.append(board);
    await waitUntil(() => board.shadowRoot!.querySelector('.alert'), 'the warnings did not show', { timeout: 8000 });
    await frames(5);
    await delay(300);
    expect(page.violations).to.deep.equal([]);
  });

  for (const format of ['json', 'rss', 'atom'] as FeedFormat[]) {
    it(`hostile ${format} notices, listed and all opened, raise no violation report`, async () => {
      page = await strictPage();
      const server = new FeedServer();
      await server.setPayloads(materialize(server.beaconBase));
      const board = page.document.createElement('civic-notice-board');
      board.setAttribute('lang', 'en');
      board.setAttribute('page-size', '200');
      board.setAttribute('src', server.hostile(format));
      page.document.body.append(board);
      const root = () => board.shadowRoot!;
      await waitUntil(() => root().querySelector('.notices > li'), 'the notices did not show', { timeout: 8000 });
      for (const button of root().querySelectorAll<HTMLButtonElement>('.notices > li button.title')) button.click();
      await frames(5);
      await delay(300);
      expect(root().querySelectorAll('.notices > li .content').length, 'notices opened').to.be.above(40);
      expect(page.violations).to.deep.equal([]);
    });
  }
});
