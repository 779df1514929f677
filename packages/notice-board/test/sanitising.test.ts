import { expect, waitUntil } from '@open-wc/testing';
import { allowedContentElements, forbiddenElements, hostilePayloads, materialize } from './hostile-payloads.js';
import { FeedServer, type FeedFormat } from './helpers/feed-server.js';
import { count, delay, frames, queryAll, renderBoard, squash, useCleanState, watchUncaught, type Board } from './helpers/board.js';

// The hostile corpus (hostile-payloads.ts) in titles, summaries, tags,
// attachment names and content of all three formats, and in CAP alerts. The
// test listens for any effect: the canary `window.__pwned` that every script
// payload sets, a hit on the test server's beacon that every loading payload
// points at, uncaught errors, and changes to the page outside the board. Then
// it walks the shadow root for anything that is not inert.

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

const formats: FeedFormat[] = ['json', 'rss', 'atom'];
const safeSchemes = ['http:', 'https:'];
/** Attributes that can run script, load something, restyle or move focus: none may be in the board. */
const forbiddenAttributes = ['style', 'srcdoc', 'formaction', 'action', 'background', 'poster', 'srcset', 'ping', 'target', 'autofocus', 'data', 'codebase', 'xmlns', 'is'];
/** The board's own buttons, by class. */
const ownButtons = ['title', 'chip', 'more', 'link'];

/** Everything in the board that is not inert, as readable problems ([] when clean). */
function violations(el: Board): string[] {
  const problems: string[] = [];
  const root = el.shadowRoot!;
  const ids = new Map<string, number>();
  for (const node of root.querySelectorAll('*')) {
    const where = `<${node.localName}${node.closest('.notice') ? ` in notice ${node.closest('.notice')!.getAttribute('data-index')}` : ''}>`;
    if (forbiddenElements.includes(node.localName)) problems.push(`${where} is there`);
    if (node.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`${where} is in ${node.namespaceURI}`);
    if (node.shadowRoot) problems.push(`${where} has a shadow root`);
    if (node.localName === 'input' && node.id !== 'notice-search') problems.push(`${where} is an input`);
    if (node.localName === 'button' && !ownButtons.some((name) => node.classList.contains(name))) problems.push(`${where} is a button the board did not make`);
    if (node.id) ids.set(node.id, (ids.get(node.id) ?? 0) + 1);
    const inContent = node.closest('.content') !== null && !node.classList.contains('content');
    if (inContent && !allowedContentElements.includes(node.localName)) problems.push(`${where} is not on the content allow-list`);
    for (const { name, value } of [...node.attributes]) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) problems.push(`${where} has ${name}="${value}"`);
      if (forbiddenAttributes.includes(lower) || lower.includes(':')) problems.push(`${where} has ${name}`);
      if (inContent && ['id', 'name', 'tabindex', 'class', 'part', 'slot', 'role'].includes(lower)) problems.push(`${where} in content has ${name}="${value}"`);
      if (lower === 'href' || lower === 'src') {
        let scheme = 'unparsable:';
        try {
          scheme = new URL(value, document.baseURI).protocol;
        } catch {
          // stays unparsable
        }
        if (!safeSchemes.includes(scheme)) problems.push(`${where} has ${name}="${value}"`);
      }
    }
  }
  for (const [id, times] of ids) if (times > 1) problems.push(`id "${id}" is used ${times} times`);
  return problems;
}

/** What a payload could change in the page outside the board (taken with the board in the page). */
function pageState() {
  return {
    baseURI: document.baseURI,
    title: document.title,
    location: location.href,
    dangerous: document.querySelectorAll('base, meta, link, style, script, iframe, object, embed, form').length,
    styleSheets: document.styleSheets.length,
    elements: document.querySelectorAll('*').length,
  };
}

async function openEveryNotice(el: Board): Promise<number> {
  const buttons = queryAll<HTMLButtonElement>(el, '.notices > li button.title');
  for (const button of buttons) {
    button.click();
    await el.updateComplete;
  }
  return buttons.length;
}

/** Gives anything that got through time to run: event handlers, lazy images, frames, refreshes. */
async function letItRun(): Promise<void> {
  await frames(5);
  await delay(300);
}

/** How a feed string is shown: trimmed, and cut to the parser's limit. */
function shown(payload: string, limit = 2000): string {
  return payload.trim().slice(0, limit);
}

describe('<civic-notice-board> hostile content', () => {
  useCleanState();
  const uncaught = watchUncaught();
  beforeEach(() => {
    delete window.__pwned;
  });
  afterEach(() => {
    delete window.__pwned;
  });

  it(`has a corpus of at least 50 payloads (${hostilePayloads.length})`, () => {
    expect(hostilePayloads.length).to.be.at.least(50);
    expect(new Set(hostilePayloads.map((item) => item.payload)).size).to.equal(hostilePayloads.length);
  });

  it('the listeners work: a payload in the page outside the board sets the canary and hits the beacon', async () => {
    const server = new FeedServer();
    const probe = document.createElement('div');
    probe.innerHTML = `<img src="${server.base}/missing.png" onerror="window.__pwned='probe'"><link rel="stylesheet" href="${server.beaconBase}/beacon/probe">`;
    document.body.append(probe);
    try {
      await waitUntil(() => window.__pwned === 'probe', 'the canary was not set');
      await waitUntil(async () => (await server.requests('beacon/')).length === 1, 'the beacon was not hit');
    } finally {
      probe.remove();
    }
  });

  it('the DOM check finds what it looks for', async () => {
    const server = new FeedServer();
    await server.setFeed({ body: JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 't', items: [{ id: 'a', title: 'x', content_html: '<p>ok</p>' }] }) });
    const el = await renderBoard({ src: server.feedUrl });
    await openEveryNotice(el);
    expect(violations(el)).to.deep.equal([]);
    // Planted by the test itself, after the sanitiser: each must be reported.
    const content = el.shadowRoot!.querySelector('.content')!;
    const planted = document.createElement('div');
    planted.setAttribute('style', 'color:red');
    planted.setAttribute('onclick', 'void 0');
    planted.id = 'notice-search';
    const link = document.createElement('a');
    link.setAttribute('href', 'javascript:void 0');
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    content.append(planted, link, svg);
    expect(violations(el)).to.deep.equal([
      '<div in notice 0> is not on the content allow-list',
      '<div in notice 0> has style',
      '<div in notice 0> has onclick="void 0"',
      '<div in notice 0> in content has id="notice-search"',
      '<a in notice 0> has href="javascript:void 0"',
      '<svg in notice 0> is there',
      '<svg in notice 0> is in http://www.w3.org/2000/svg',
      '<svg in notice 0> is not on the content allow-list',
      'id "notice-search" is used 2 times',
    ]);
  });

  for (const format of formats) {
    it(`${format}: no payload runs, loads anything or reaches the DOM as markup, even with every notice open`, async () => {
      const server = new FeedServer();
      const payloads = materialize(server.beaconBase);
      await server.setPayloads(payloads);
      const el = await renderBoard({ src: server.hostile(format), 'page-size': 500 });
      const before = pageState();
      const expectedCount = payloads.length + (format === 'atom' ? 1 : 0);
      expect(count(el, '.notices > li')).to.equal(expectedCount);
      expect(await openEveryNotice(el)).to.equal(expectedCount);
      expect(count(el, '.details')).to.equal(expectedCount);
      await letItRun();

      expect(String(window.__pwned), 'window.__pwned').to.equal('undefined');
      expect((await server.requests('beacon/')).map((request) => hostilePayloads[Number(request.path.split('/')[1])]?.name)).to.deep.equal([]);
      expect(violations(el)).to.deep.equal([]);
      expect(pageState()).to.deep.equal(before);
      expect([getComputedStyle(el).display, el.getBoundingClientRect().height > 0]).to.deep.equal(['block', true]);
      expect(uncaught()).to.deep.equal([]);
    });

    it(`${format}: titles, categories, summaries and attachment names show the payload as literal text`, async () => {
      const server = new FeedServer();
      const payloads = materialize(server.beaconBase);
      await server.setPayloads(payloads);
      const el = await renderBoard({ src: server.hostile(format), 'page-size': 500 });
      const items = queryAll(el, '.notices > li').slice(0, payloads.length);
      const mismatches: string[] = [];
      items.forEach((item, i) => {
        const payload = payloads[i]!;
        const name = hostilePayloads[i]!.name;
        const title = item.querySelector('.title')?.textContent?.trim();
        if (title !== shown(payload)) mismatches.push(`title of "${name}": ${title}`);
        const tags = [...item.querySelectorAll('.tag')].map((tag) => tag.textContent);
        if (tags[0] !== shown(payload, 100) || tags[1] !== 'hostile') mismatches.push(`tags of "${name}": ${tags.join(' | ')}`);
        const attachments = [...item.querySelectorAll('.attachments a')].map((link) => link.textContent);
        if (attachments.length !== 1 || attachments[0] !== shown(payload)) mismatches.push(`attachments of "${name}": ${attachments.join(' | ')}`);
        if (format !== 'rss') {
          const summary = item.querySelector('.summary')?.textContent;
          if (summary !== shown(payload)) mismatches.push(`summary of "${name}": ${summary}`);
        }
      });
      expect(mismatches).to.deep.equal([]);
      // Markup in those places stays text: nothing but the board's own elements in titles, tags, summaries and file names.
      const stray = queryAll(el, '.title *, .tag *, .summary *, .attachments a *').filter((node) => !node.matches('.title .unread-mark, .title .unread-mark *'));
      expect(stray.map((node) => node.localName)).to.deep.equal([]);
    });
  }

  it('json: content_text with markup in it is shown as text', async () => {
    const server = new FeedServer();
    const payloads = materialize(server.beaconBase);
    await server.setPayloads(payloads);
    const el = await renderBoard({ src: server.hostile('json'), 'page-size': 500 });
    await openEveryNotice(el);
    const plain = queryAll(el, '.notices > li').flatMap((item, i) => {
      const content = item.querySelector('.content.plain');
      return content ? [{ i, text: content.textContent, children: content.children.length }] : [];
    });
    // The server gives every third item its payload as content_text.
    expect(plain.map((entry) => entry.i)).to.deep.equal(payloads.map((_, i) => i).filter((i) => i % 3 === 2));
    expect(plain.filter((entry) => entry.text !== shown(payloads[entry.i]!, 200_000) || entry.children !== 0).map((entry) => hostilePayloads[entry.i]!.name)).to.deep.equal([]);
  });

  it('CAP alerts carrying the payloads run nothing and show them as text', async () => {
    const server = new FeedServer();
    const payloads = materialize(server.beaconBase);
    await server.setPayloads(payloads);
    const el = await renderBoard({ 'alerts-src': server.hostileAlerts });
    const before = pageState();
    await waitUntil(() => count(el, '.alert') === payloads.length, `${count(el, '.alert')} warnings shown`, { timeout: 8000 });
    await letItRun();
    expect(String(window.__pwned)).to.equal('undefined');
    expect((await server.requests('beacon/')).length).to.equal(0);
    expect(violations(el)).to.deep.equal([]);
    expect(pageState()).to.deep.equal(before);
    const banners = queryAll(el, '.alert');
    const mismatches = payloads.flatMap((payload, i) => {
      // Sorted: the Severe ones first, then by sent time, which follows the corpus order.
      const banner = banners.find((candidate) => candidate.getAttribute('aria-labelledby')?.startsWith(`alert-HOSTILE-${i}|`));
      if (!banner) return [`no banner for ${i}`];
      const heading = banner.querySelector('h2 .severity')!.nextSibling;
      const texts = [...banner.querySelectorAll('p:not(.area):not(.instruction):not(.expires)')].map((p) => p.textContent);
      const problems: string[] = [];
      if (squash(banner.querySelector('h2')?.textContent).endsWith(squash(payload)) === false) problems.push(`headline of "${hostilePayloads[i]!.name}"`);
      if (!texts.includes(shown(payload, 5000))) problems.push(`description of "${hostilePayloads[i]!.name}"`);
      if (banner.querySelector('.area')?.textContent !== `Area: ${shown(payload, 500)}`) problems.push(`area of "${hostilePayloads[i]!.name}"`);
      if (heading === null) problems.push(`heading of ${i}`);
      return problems;
    });
    expect(mismatches).to.deep.equal([]);
    expect(uncaught()).to.deep.equal([]);
  });

  describe('what the sanitiser keeps', () => {
    it('structure, links (http, https, mailto, tel) and http(s) images resolved against the feed; not data: images', async () => {
      const server = new FeedServer();
      const content =
        '<h2>标题</h2><h3>小标题</h3><p>咨询电话：<a href="tel:12345">12345</a>，邮箱：<a href="mailto:office@binjiang.example.gov.cn">office@binjiang.example.gov.cn</a></p>' +
        '<p><a href="../files/form.pdf">申请表</a> <a href="https://www.example.gov.cn/" target="_blank">外部链接</a></p>' +
        '<p><img src="img/map.png" alt="示意图"><img src="data:image/png;base64,iVBORw0KGgo=" alt="内嵌图"><img src="//cdn.example.com/x.png" alt="协议相对"></p>';
      await server.setFeed({ body: JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 't', items: [{ id: 'a', title: '通知', content_html: content }] }) });
      const el = await renderBoard({ src: server.feedUrl });
      await openEveryNotice(el);
      const links = queryAll<HTMLAnchorElement>(el, '.content a').map((link) => [link.getAttribute('href'), link.getAttribute('rel'), link.getAttribute('target')]);
      const base = server.base;
      expect(links).to.deep.equal([
        ['tel:12345', 'noopener noreferrer', null],
        ['mailto:office@binjiang.example.gov.cn', 'noopener noreferrer', null],
        [`${base.slice(0, base.lastIndexOf('/'))}/files/form.pdf`, 'noopener noreferrer', null],
        ['https://www.example.gov.cn/', 'noopener noreferrer', null],
      ]);
      const images = queryAll<HTMLImageElement>(el, '.content img').map((image) => [image.getAttribute('src'), image.alt]);
      expect(images).to.deep.equal([
        [`${base}/img/map.png`, '示意图'],
        [null, '内嵌图'],
        ['http://cdn.example.com/x.png', '协议相对'],
      ]);
      // Headings start at h3: a notice cannot break the page's outline.
      expect(queryAll(el, '.content h2').length).to.equal(0);
      expect(queryAll(el, '.content h3').length).to.equal(1);
    });
  });
});
