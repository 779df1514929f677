import { expect, waitUntil } from '@open-wc/testing';
import { FeedServer, feedFile, type RequestRecord } from './helpers/feed-server.js';
import {
  announcement,
  captureConsoleErrors,
  chips,
  click,
  clickChip,
  contentOf,
  controlIntervals,
  delay,
  has,
  listStatus,
  notices,
  renderBoard,
  search,
  titles,
  toggleNotice,
  useCleanState,
  waitForFocus,
  waitForShadow,
  type Board,
} from './helpers/board.js';

// `refresh`: the board re-fetches its feed in the background, revalidating
// with the ETag the server sent (If-None-Match → 304), keeps the list where it
// is, and offers new notices behind a button, announced politely. The test
// takes over setInterval, so "every 60 seconds" runs when the test says.

type Item = Record<string, unknown>;

async function districtItems(): Promise<Item[]> {
  return ((await (await fetch(feedFile('notices.json'))).json()) as { items: Item[] }).items;
}

function feedOf(items: Item[]): string {
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: '滨江区政务公告', items });
}

function newItem(n: number, date: string, extra: Item = {}): Item {
  return { id: `https://www.binjiang.example.gov.cn/notices/2026/01${n}`, title: `新通知 ${n}`, content_html: `<p>第${n}条新通知。</p>`, date_published: date, tags: ['社区'], ...extra };
}

const original = [
  '关于做好2026年汛期安全防范工作的通知',
  '停水通知：滨江路部分路段3月12日暂停供水',
  'Road works on Jiangbin Avenue from 16 March',
  'Vaccination day for residents over 60',
  '生活垃圾分类投放时间调整',
  '滨江街道长者食堂开业',
];

async function feedRequests(server: FeedServer, expected: number): Promise<RequestRecord[]> {
  await waitUntil(async () => (await server.requests('feed')).filter((request) => request.status !== 0).length >= expected, `the feed was not requested ${expected} times`);
  return server.requests('feed');
}

describe('<civic-notice-board> refresh', () => {
  useCleanState();
  const intervals = controlIntervals();
  const consoleErrors = captureConsoleErrors();

  async function board(server: FeedServer, attrs: Record<string, string | number> = {}): Promise<Board> {
    await server.setFeed({ file: 'notices.json' });
    return renderBoard({ src: server.feedUrl, refresh: 60, ...attrs });
  }

  it('is scheduled every `refresh` seconds, never more often than every 10, and not at all for 0', async () => {
    const server = new FeedServer();
    await board(server);
    expect(intervals.delays()).to.deep.equal([60_000]);
    const eager = await renderBoard({ src: server.feedUrl, refresh: 1 });
    expect(intervals.delays()).to.deep.equal([60_000, 10_000]);
    eager.refresh = 0;
    await eager.updateComplete;
    expect(intervals.delays()).to.deep.equal([60_000]);
  });

  it('revalidates with the ETag: the server answers 304 and nothing moves', async () => {
    const server = new FeedServer();
    const el = await board(server);
    const [first] = await feedRequests(server, 1);
    expect([first!.status, first!.ifNoneMatch]).to.deep.equal([200, null]);
    expect(first!.etag).to.match(/^"[0-9a-f]{20}"$/);

    intervals.fire();
    const [, second] = await feedRequests(server, 2);
    expect([second!.status, second!.ifNoneMatch]).to.deep.equal([304, first!.etag]);
    await delay(100);
    expect(titles(el)).to.deep.equal(original);
    expect([has(el, '.list-status button'), announcement(el)]).to.deep.equal([false, '']);

    intervals.fire();
    const [, , third] = await feedRequests(server, 3);
    expect([third!.status, third!.ifNoneMatch]).to.deep.equal([304, first!.etag]);
  });

  it('holds new notices behind a button, announces them, and keeps the list, the open notice and the focus where they are', async () => {
    const server = new FeedServer();
    const el = await board(server);
    await toggleNotice(el, 2);
    await search(el, '');
    const [first] = await feedRequests(server, 1);
    const items = await districtItems();
    const fresh = [newItem(1, '2026-03-12T09:00:00+08:00'), newItem(2, '2026-03-12T10:00:00+08:00'), ...items];
    const etag = await server.setFeed({ body: feedOf(fresh) });

    intervals.fire();
    await waitForShadow(el, '.list-status button');
    const [, second] = await server.requests('feed');
    expect([second!.ifNoneMatch, second!.status, second!.etag]).to.deep.equal([first!.etag, 200, etag]);
    expect(listStatus(el)).to.equal('Show 2 new notices');
    await waitUntil(() => announcement(el) === '2 new notices', `announced "${announcement(el)}"`);
    // Nothing moved under the reader.
    expect(titles(el)).to.deep.equal(original);
    expect(notices(el)[2]!.expanded).to.equal('true');
    expect(el.shadowRoot!.activeElement?.id).to.equal('notice-search');

    await click(el, '.list-status button');
    expect(titles(el)).to.deep.equal([original[0], '新通知 2', '新通知 1', ...original.slice(1)]);
    // On the first of the new notices, not on the pinned one above them.
    await waitForFocus(el, '.notices > li[data-index="1"] .title');
    expect(listStatus(el)).to.equal('Showing 8 of 8');
  });

  it('updates changed notices in place (unread again) and drops removed ones', async () => {
    const server = new FeedServer();
    const el = await board(server);
    await toggleNotice(el, 1);
    await toggleNotice(el, 1);
    expect(notices(el)[1]!.unread).to.equal(false);
    const items = await districtItems();
    const water = items[1]!;
    water.date_modified = '2026-03-11T08:00:00+08:00';
    water.content_html = '<p>停水时间调整为3月12日9:00至17:00。</p>';
    await server.setFeed({ body: feedOf(items.filter((item) => item.title !== '滨江街道长者食堂开业')) });
    intervals.fire();
    await waitUntil(() => titles(el).length === 5, 'the removed notice is still listed');
    expect(has(el, '.list-status button')).to.equal(false);
    expect(notices(el)[1]!.unread).to.equal(true);
    await toggleNotice(el, 1);
    expect(contentOf(el, 1)).to.equal('停水时间调整为3月12日9:00至17:00。');
  });

  it('says "1 new notice", and speaks Chinese on a Chinese page', async () => {
    const server = new FeedServer();
    const el = await board(server, { lang: 'zh-Hans' });
    await server.setFeed({ body: feedOf([newItem(1, '2026-03-12T09:00:00+08:00'), ...(await districtItems())]) });
    intervals.fire();
    await waitForShadow(el, '.list-status button');
    expect(listStatus(el)).to.equal('显示 1 条新通知');
    await waitUntil(() => announcement(el) === '有 1 条新通知', `announced "${announcement(el)}"`);

    const two = await board(new FeedServer(), { lang: 'en' });
    expect(titles(two).length).to.equal(6);
  });

  it('new notices outside the board\'s categories, or already expired, are not offered', async () => {
    const server = new FeedServer();
    const el = await board(server, { categories: '交通' });
    const items = await districtItems();
    await server.setFeed({
      body: feedOf([
        newItem(1, '2026-03-12T09:00:00+08:00'),
        newItem(2, '2026-03-12T09:00:00+08:00', { tags: ['交通'], _civic: { expires: '2020-01-01T00:00:00Z' } }),
        newItem(3, '2026-03-12T10:00:00+08:00', { tags: ['交通'] }),
        ...items,
      ]),
    });
    intervals.fire();
    await waitForShadow(el, '.list-status button');
    expect(listStatus(el)).to.equal('Show 1 new notice');
    await click(el, '.list-status button');
    expect(titles(el)).to.deep.equal(['新通知 3', 'Road works on Jiangbin Avenue from 16 March']);
  });

  it('a refresh that fails keeps the list, says nothing and logs nothing', async () => {
    const server = new FeedServer();
    const el = await board(server);
    let expected = 1;
    for (const mode of ['500', '404'] as const) {
      await server.setMode(mode);
      intervals.fire();
      await feedRequests(server, ++expected);
    }
    // Then a 200 that is not JSON.
    await server.setFeed({ body: '{"version": "https://jsonfeed.org/version/1.1", "items": [' });
    await server.setMode('ok');
    intervals.fire();
    const requests = await feedRequests(server, ++expected);
    expect(requests.map((request) => request.status)).to.deep.equal([200, 500, 404, 200]);
    await delay(100);
    expect([titles(el), has(el, '.problem'), announcement(el)]).to.deep.equal([original, false, '']);
    expect(consoleErrors()).to.deep.equal([]);
  });

  it('a notice offered by one refresh and withdrawn before the next is no longer offered', async () => {
    const server = new FeedServer();
    const el = await board(server);
    const items = await districtItems();
    await server.setFeed({ body: feedOf([newItem(1, '2026-03-12T09:00:00+08:00'), ...items]) });
    intervals.fire();
    await waitForShadow(el, '.list-status button');
    await server.setFeed({ body: feedOf(items) });
    intervals.fire();
    await waitUntil(() => !has(el, '.list-status button'), `still offering: ${listStatus(el)}`);
    expect([listStatus(el), titles(el)]).to.deep.equal(['Showing 6 of 6', original]);
  });

  it('a board whose first load failed shows the list once a refresh succeeds', async () => {
    const server = new FeedServer();
    await server.setFeed({ file: 'notices.json' });
    await server.setMode('503');
    const el = await renderBoard({ src: server.feedUrl, refresh: 60 });
    expect(has(el, '.problem')).to.equal(true);
    await server.setMode('ok');
    intervals.fire();
    await waitForShadow(el, '.notices');
    expect([titles(el), has(el, '.problem'), has(el, '.list-status button')]).to.deep.equal([original, false, false]);
    expect(consoleErrors().length).to.equal(1);
  });

  it('a chosen category that leaves the board stops filtering (its chip is gone, so it could not be turned off)', async () => {
    const server = new FeedServer();
    const el = await board(server);
    await clickChip(el, '交通');
    expect(titles(el)).to.deep.equal([original[2]]);
    const items = await districtItems();
    await server.setFeed({ body: feedOf(items.filter((item) => !(item.tags as string[]).includes('交通'))) });
    intervals.fire();
    await waitUntil(() => titles(el).length === 5, `the list shows ${titles(el).join(' | ')}`);
    expect(chips(el).some((chip) => chip.label === '交通')).to.equal(false);
    expect(listStatus(el)).to.equal('Showing 5 of 5');
  });

  it('stops when the board leaves the page and starts again when it comes back', async () => {
    const server = new FeedServer();
    const el = await board(server);
    const parent = el.parentElement!;
    el.remove();
    expect(intervals.delays()).to.deep.equal([]);
    parent.append(el);
    await el.updateComplete;
    expect(intervals.delays()).to.deep.equal([60_000]);
  });
});
