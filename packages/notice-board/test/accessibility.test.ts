import { expect, waitUntil } from '@open-wc/testing';
import { FeedServer, feedFile } from './helpers/feed-server.js';
import {
  announcement,
  captureConsoleErrors,
  clickChip,
  controlIntervals,
  count,
  renderBoard,
  search,
  toggleNotice,
  useCleanState,
  waitForShadow,
  type Board,
} from './helpers/board.js';

// axe in every state a citizen can meet, reached as they would reach it, in
// English and Simplified Chinese.

type Reach = (lang: string, tools: { fire: () => void }) => Promise<Board>;

/** Run after the test, e.g. to let a held request go without a late console error. */
let cleanups: Array<() => Promise<void>> = [];

async function withWarnings(lang: string, extra: Record<string, string | boolean> = {}): Promise<Board> {
  const el = await renderBoard({ lang, src: feedFile('notices.json'), 'alerts-src': feedFile('alerts-embedded.atom'), 'page-size': 3, ...extra });
  await waitUntil(() => count(el, '.alert') === 3, 'the warnings did not appear');
  return el;
}

const states: Array<[string, Reach]> = [
  [
    'loading',
    async (lang) => {
      const server = new FeedServer();
      await server.setMode('hang');
      const el = await renderBoard({ lang, src: server.file('notices.json') }, { settle: false });
      await waitForShadow(el, '.loading');
      cleanups.push(async () => {
        // A new src discards the held request, so it cannot report a problem later.
        el.src = feedFile('empty.json');
        await waitForShadow(el, '.notices');
      });
      return el;
    },
  ],
  ['the list, with "show more"', (lang) => renderBoard({ lang, src: feedFile('notices.json'), 'page-size': 3 })],
  [
    'notices opened (lists, a table, an image, links)',
    async (lang) => {
      const el = await renderBoard({ lang, src: feedFile('notices.json') });
      for (const index of [0, 1, 2, 5]) await toggleNotice(el, index);
      return el;
    },
  ],
  [
    'all read',
    async (lang) => {
      const el = await renderBoard({ lang, src: feedFile('notices.rss') });
      for (let index = 0; index < 6; index++) {
        await toggleNotice(el, index);
        await toggleNotice(el, index);
      }
      return el;
    },
  ],
  [
    'a category chosen and a search that finds notices',
    async (lang) => {
      const el = await renderBoard({ lang, src: feedFile('notices.atom') });
      await clickChip(el, '社区');
      await search(el, '60');
      await waitUntil(() => announcement(el) !== '', 'no count was announced');
      return el;
    },
  ],
  [
    'a search that finds nothing',
    async (lang) => {
      const el = await renderBoard({ lang, src: feedFile('notices.json') });
      await search(el, '没有这样的通知');
      return el;
    },
  ],
  ['an empty feed', (lang) => renderBoard({ lang, src: feedFile('empty.json') })],
  [
    'new notices offered after a refresh',
    async (lang, { fire }) => {
      const server = new FeedServer();
      await server.setFeed({ file: 'notices.json' });
      const el = await renderBoard({ lang, src: server.feedUrl, refresh: 60 });
      const feed = (await (await fetch(feedFile('notices.json'))).json()) as { items: Array<Record<string, unknown>> };
      feed.items.unshift({ id: 'new', title: '新通知', content_text: '新', date_published: '2026-03-12T09:00:00+08:00' });
      await server.setFeed({ body: JSON.stringify(feed) });
      fire();
      await waitForShadow(el, '.list-status button');
      return el;
    },
  ],
  ['urgent and advisory warnings above the list', (lang) => withWarnings(lang)],
  [
    'a warning in three languages, alone',
    async (lang) => {
      const el = await renderBoard({ lang, 'alerts-src': feedFile('cap/multi-language.xml') });
      await waitForShadow(el, '.alert');
      return el;
    },
  ],
  [
    'warnings that cannot be checked',
    async (lang) => {
      const el = await renderBoard({ lang, src: feedFile('notices.json'), 'alerts-src': feedFile('not-a-feed.html') });
      await waitForShadow(el, '.problem');
      return el;
    },
  ],
  ['a configuration problem', (lang) => renderBoard({ lang })],
  ['a feed that cannot be read', (lang) => renderBoard({ lang, src: feedFile('broken.json') })],
  [
    'a feed that cannot be loaded',
    async (lang) => {
      const server = new FeedServer();
      await server.setMode('500');
      return renderBoard({ lang, src: server.file('notices.json') });
    },
  ],
  [
    'a notice that only links',
    async (lang) => {
      const server = new FeedServer();
      await server.setFeed({
        body: JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          items: [{ id: 'l', url: 'https://www.binjiang.example.gov.cn/news/1.html', title: '区政府网站改版上线', date_published: '2026-03-11T09:00:00+08:00' }],
        }),
      });
      return renderBoard({ lang, src: server.feedUrl });
    },
  ],
  [
    'care mode, with warnings and an open notice',
    async (lang) => {
      const el = await withWarnings(lang, { 'care-mode': true });
      await toggleNotice(el, 1);
      return el;
    },
  ],
];

describe('<civic-notice-board> accessibility (axe)', () => {
  useCleanState();
  captureConsoleErrors(); // configuration and data problems are logged by design
  const intervals = controlIntervals();
  afterEach(async () => {
    for (const cleanup of cleanups) await cleanup();
    cleanups = [];
  });

  it('axe sees inside the board (a planted image without alt fails)', async () => {
    const el = await renderBoard({ src: feedFile('notices.json') });
    await toggleNotice(el, 0);
    const image = document.createElement('img');
    image.src = `${feedFile('img/planted.png')}`;
    el.shadowRoot!.querySelector('.content')!.append(image);
    await expect(el).not.to.be.accessible();
  });

  for (const lang of ['en', 'zh-Hans']) {
    for (const [name, reach] of states) {
      it(`${name} (${lang}) has no axe violations`, async () => {
        const el = await reach(lang, intervals);
        await expect(el).to.be.accessible();
      });
    }
  }
});
