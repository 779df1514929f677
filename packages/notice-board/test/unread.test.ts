import { expect } from '@open-wc/testing';
import { FeedServer, feedFile } from './helpers/feed-server.js';
import { notices, query, queryAll, recordOpens, renderBoard, squash, toggleNotice, useCleanState, watchUncaught, type Board } from './helpers/board.js';

// Unread marks: remembered in localStorage per notice id and version
// (date_modified, else date_published), so a changed notice is unread again.

const waterId = 'https://www.binjiang.example.gov.cn/notices/2026/0002';

function unread(el: Board): boolean[] {
  return notices(el).map((notice) => notice.unread);
}

/** notices.json with the water notice changed (a new date_modified and text). */
async function modifiedFeed(): Promise<string> {
  const feed = (await (await fetch(feedFile('notices.json'))).json()) as { items: Array<Record<string, unknown>> };
  const water = feed.items.find((item) => item.id === waterId)!;
  water.date_modified = '2026-03-11T08:00:00+08:00';
  water.content_html = '<p>停水时间调整为3月12日9:00至17:00。</p>';
  return JSON.stringify(feed);
}

describe('<civic-notice-board> unread notices', () => {
  useCleanState();
  const uncaught = watchUncaught();

  it('marks every notice unread at first, with a word for screen readers', async () => {
    const el = await renderBoard({ src: feedFile('notices.json') });
    expect(unread(el)).to.deep.equal([true, true, true, true, true, true]);
    expect(squash(query(el, '.notices > li h2').textContent)).to.equal('Unread: 关于做好2026年汛期安全防范工作的通知');
    expect(query(el, '.unread-mark .visually-hidden').textContent).to.equal('Unread:');
  });

  it('opening a notice marks it read, and it stays read', async () => {
    const el = await renderBoard({ src: feedFile('notices.json') });
    await toggleNotice(el, 1);
    expect(unread(el)).to.deep.equal([true, false, true, true, true, true]);
    expect(localStorage.getItem(`civic-notice-read:${waterId}`)).to.equal(String(Date.parse('2026-03-10T23:30:00Z')));
    // Closing it again does not make it unread.
    await toggleNotice(el, 1);
    expect(unread(el)[1]).to.equal(false);
    el.remove();
    const again = await renderBoard({ src: feedFile('notices.json') });
    expect(unread(again)).to.deep.equal([true, false, true, true, true, true]);
  });

  it('a read notice is read in every format (same id, same date)', async () => {
    const json = await renderBoard({ src: feedFile('notices.json') });
    await toggleNotice(json, 2);
    const atom = await renderBoard({ src: feedFile('notices.atom') });
    expect(unread(atom)).to.deep.equal([true, true, false, true, true, true]);
    const rss = await renderBoard({ src: feedFile('notices.rss') });
    await toggleNotice(rss, 4);
    expect(unread(rss)).to.deep.equal([true, true, false, true, false, true]);
  });

  it('a modified notice (new date_modified) is unread again', async () => {
    const server = new FeedServer();
    await server.setFeed({ file: 'notices.json' });
    const el = await renderBoard({ src: server.feedUrl });
    await toggleNotice(el, 0);
    await toggleNotice(el, 1);
    expect(unread(el).slice(0, 2)).to.deep.equal([false, false]);
    el.remove();
    await server.setFeed({ body: await modifiedFeed() });
    const changed = await renderBoard({ src: server.feedUrl });
    expect(unread(changed).slice(0, 2)).to.deep.equal([false, true]);
  });

  it('following the link of a notice without content marks it read', async () => {
    const server = new FeedServer();
    await server.setFeed({
      body: JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 't',
        items: [{ id: 'link-only', url: 'https://www.binjiang.example.gov.cn/news/1.html', title: '区政府网站改版上线', date_published: '2026-03-11T09:00:00+08:00' }],
      }),
    });
    const el = await renderBoard({ src: server.feedUrl });
    const opened = recordOpens(el);
    el.addEventListener('click', (event) => event.preventDefault());
    query(el, 'a.title').click();
    await el.updateComplete;
    expect([unread(el), opened]).to.deep.equal([[false], ['link-only']]);
  });

  it('without usable storage every notice stays unread and nothing breaks', async () => {
    const { getItem, setItem } = Storage.prototype;
    Storage.prototype.getItem = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const el = await renderBoard({ src: feedFile('notices.json') });
      await toggleNotice(el, 0);
      expect(queryAll(el, '.notices > li')[0]!.querySelector('.details')).not.to.equal(null);
      expect(unread(el)).to.deep.equal([true, true, true, true, true, true]);
    } finally {
      Object.assign(Storage.prototype, { getItem, setItem });
    }
    expect(uncaught()).to.deep.equal([]);
  });
});
