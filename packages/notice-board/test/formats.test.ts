import { expect } from '@open-wc/testing';
import { feedOrigin } from '/test-config.js';
import { feedFile, formatFiles, FeedServer, type FeedFormat } from './helpers/feed-server.js';
import {
  contentOf,
  listStatus,
  notices,
  query,
  queryAll,
  recordOpens,
  renderBoard,
  toggleNotice,
  useCleanState,
  type Board,
  type NoticeFacts,
} from './helpers/board.js';

// The same six district notices as JSON Feed 1.1, RSS 2.0 and Atom 1.0
// (test/feeds/notices.*), served by the feed test server: every format must
// give the same list, in the same order, with the same facts and content.

const formats: FeedFormat[] = ['json', 'rss', 'atom'];
const files = `${feedOrigin}/feeds/files/`;

/** What every format must show, newest first with the pinned notice on top. */
const expected = [
  {
    title: '关于做好2026年汛期安全防范工作的通知',
    pinned: true,
    datetime: '2026-03-02T01:00:00.000Z',
    tags: ['安全'],
    attachments: [{ name: '防汛安全指南.pdf', href: `${files}%E9%98%B2%E6%B1%9B%E5%AE%89%E5%85%A8%E6%8C%87%E5%8D%97.pdf`, facts: 'PDF · 1.3 MB' }],
    content: '各社区、各单位：汛期将至，请居民提前熟悉就近避险场所，关注气象预警信息。检查阳台、屋顶的排水口低洼地区居民留意社区通知详见防汛指南。',
  },
  {
    title: '停水通知：滨江路部分路段3月12日暂停供水',
    pinned: false,
    datetime: '2026-03-10T23:30:00.000Z',
    tags: ['停水停电'],
    attachments: [],
    content: '因供水管网改造，3月12日8:00至18:00滨江路100号至300号暂停供水，请居民提前储水。停水安排路段时间滨江路100–300号8:00–18:00',
  },
  {
    title: 'Road works on Jiangbin Avenue from 16 March',
    pinned: false,
    datetime: '2026-03-09T02:00:00.000Z',
    tags: ['交通'],
    attachments: [{ name: 'diversion-map.png', href: `${files}diversion-map.png`, facts: 'PNG · 830 bytes' }],
    content: 'From 16 March, one lane of Jiangbin Avenue is closed between Binjiang Road and the ferry terminal. Buses 12 and 45 are diverted.',
  },
  {
    title: 'Vaccination day for residents over 60',
    pinned: false,
    datetime: '2026-03-08T02:00:00.000Z',
    tags: ['卫生健康', '社区'],
    attachments: [
      {
        name: 'vaccination-schedule.xlsx',
        href: `${files}vaccination-schedule.xlsx`,
        facts: 'XLSX · 48.2 kB',
      },
    ],
    content: 'The community health centre offers free influenza vaccination for residents over 60 on Saturday. Bring your ID card or 社保卡.',
  },
  {
    title: '生活垃圾分类投放时间调整',
    pinned: false,
    datetime: '2026-03-05T01:30:00.000Z',
    tags: ['社区', '环境'],
    attachments: [],
    content: '自3月15日起，湿垃圾定时投放时间调整为每天7:00–9:00和18:00–20:00。',
  },
  {
    title: '滨江街道长者食堂开业',
    pinned: false,
    datetime: '2026-03-01T03:00:00.000Z',
    tags: ['社区'],
    attachments: [],
    content: '长者食堂位于滨江路88号，每天11:00至13:00供应午餐，60岁以上居民凭敬老卡享受优惠。',
  },
];

/** The facts every format carries (RSS has no summary). */
function comparable(facts: NoticeFacts[]) {
  return facts.map(({ title, pinned, datetime, date, tags, attachments, titleKind }) => ({ title, pinned, datetime, date, tags, attachments, titleKind }));
}

async function openAll(el: Board): Promise<string[]> {
  const contents: string[] = [];
  for (let index = 0; index < notices(el).length; index++) {
    await toggleNotice(el, index);
    contents.push(contentOf(el, index));
  }
  return contents;
}

describe('<civic-notice-board> feed formats', () => {
  useCleanState();

  for (const format of formats) {
    describe(format, () => {
      it('lists the notices newest first, the pinned one on top, with their dates, categories and files', async () => {
        const el = await renderBoard({ src: feedFile(formatFiles[format]) });
        const shown = notices(el);
        expect(shown.map((notice) => notice.title)).to.deep.equal(expected.map((notice) => notice.title));
        expect(shown.map((notice) => notice.pinned)).to.deep.equal(expected.map((notice) => notice.pinned));
        expect(shown.map((notice) => notice.datetime)).to.deep.equal(expected.map((notice) => notice.datetime));
        expect(shown.map((notice) => notice.tags)).to.deep.equal(expected.map((notice) => notice.tags));
        expect(shown.map((notice) => notice.attachments)).to.deep.equal(expected.map((notice) => notice.attachments));
        expect(shown.every((notice) => notice.titleKind === 'button' && notice.expanded === 'false')).to.equal(true);
        expect(listStatus(el)).to.equal('Showing 6 of 6');
      });

      it('opens each notice in place and shows its content', async () => {
        const el = await renderBoard({ src: feedFile(formatFiles[format]) });
        expect(await openAll(el)).to.deep.equal(expected.map((notice) => notice.content));
        expect(notices(el).every((notice) => notice.expanded === 'true')).to.equal(true);
        // aria-controls names the region that opened.
        const first = query(el, '.notices > li .title');
        expect(query(el, `#${first.getAttribute('aria-controls')}`).classList.contains('details')).to.equal(true);
      });

      it('links to the notice page and to files without an opener or referrer; images load lazily without a referrer', async () => {
        const el = await renderBoard({ src: feedFile(formatFiles[format]) });
        await openAll(el);
        const links = queryAll<HTMLAnchorElement>(el, 'a');
        expect(links.length).to.be.at.least(10);
        expect(links.filter((link) => link.rel !== 'noopener noreferrer').map((link) => link.href)).to.deep.equal([]);
        expect(links.filter((link) => link.target !== '').length).to.equal(0);
        const ownPage = queryAll<HTMLAnchorElement>(el, '.details > p > a').map((link) => [link.textContent?.trim(), link.href]);
        expect(ownPage[1]).to.deep.equal(['Read “停水通知：滨江路部分路段3月12日暂停供水” on its own page', 'https://www.binjiang.example.gov.cn/notices/2026/0002.html']);
        const images = queryAll<HTMLImageElement>(el, '.content img');
        expect(images.map((image) => [image.getAttribute('loading'), image.getAttribute('referrerpolicy'), image.alt])).to.deep.equal([
          ['lazy', 'no-referrer', 'Map of the bus diversion'],
        ]);
        // A relative image in the content is the feed's, not the embedding page's.
        expect(images[0]!.getAttribute('src')).to.equal(`${feedOrigin}/feeds/img/diversion-map.png`);
      });
    });
  }

  it('gives the same list from every format (JSON Feed hides its expired notice, which RSS and Atom cannot mark)', async () => {
    const lists: Record<string, unknown> = {};
    const contents: Record<string, string[]> = {};
    for (const format of formats) {
      const el = await renderBoard({ src: feedFile(formatFiles[format]) });
      lists[format] = comparable(notices(el));
      contents[format] = await openAll(el);
      el.remove();
    }
    expect(lists['rss']).to.deep.equal(lists['json']);
    expect(lists['atom']).to.deep.equal(lists['json']);
    expect(contents['rss']).to.deep.equal(contents['json']);
    expect(contents['atom']).to.deep.equal(contents['json']);
  });

  it('shows summaries where the format has them (JSON Feed summary, Atom summary)', async () => {
    for (const format of ['json', 'atom'] as const) {
      const el = await renderBoard({ src: feedFile(formatFiles[format]) });
      expect(notices(el)[2]!.summary, format).to.equal('Lane closures between Binjiang Road and the ferry terminal.');
      el.remove();
    }
  });

  it('shows plain-text content (JSON Feed content_text) as text', async () => {
    const el = await renderBoard({ src: feedFile('notices.json') });
    await toggleNotice(el, 5);
    expect(queryAll(el, '.notices > li')[5]!.querySelector('.content')!.classList.contains('plain')).to.equal(true);
  });

  it('fires civic-notice-open with the notice when one is opened, not when it is closed', async () => {
    const el = await renderBoard({ src: feedFile('notices.json') });
    const opened = recordOpens(el);
    await toggleNotice(el, 1);
    await toggleNotice(el, 1);
    await toggleNotice(el, 0);
    expect(opened).to.deep.equal(['https://www.binjiang.example.gov.cn/notices/2026/0002', 'https://www.binjiang.example.gov.cn/notices/2026/0001']);
    expect(notices(el).map((notice) => notice.expanded)).to.deep.equal(['true', 'false', 'false', 'false', 'false', 'false']);
  });

  it('reads a feed whatever its Content-Type says, and a notice with only a link follows it', async () => {
    const server = new FeedServer();
    await server.setFeed({
      type: 'text/plain; charset=utf-8',
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://x.example/</link><description>d</description>
        <item><title>区政府网站改版上线</title><link>https://www.binjiang.example.gov.cn/news/redesign.html</link><pubDate>Wed, 11 Mar 2026 09:00:00 +0800</pubDate></item>
      </channel></rss>`,
    });
    const el = await renderBoard({ src: server.feedUrl });
    const opened = recordOpens(el);
    const [notice] = notices(el);
    expect(notice!.titleKind).to.equal('a');
    const link = query<HTMLAnchorElement>(el, 'a.title');
    expect([link.href, link.rel]).to.deep.equal(['https://www.binjiang.example.gov.cn/news/redesign.html', 'noopener noreferrer']);
    // Follow it, but keep the test page where it is.
    el.addEventListener('click', (event) => event.preventDefault());
    link.click();
    await el.updateComplete;
    expect(opened).to.deep.equal(['https://www.binjiang.example.gov.cn/news/redesign.html']);
    const [request] = await server.requests('feed');
    expect(request!.accept).to.contain('application/feed+json');
    expect([request!.referer, request!.cookie]).to.deep.equal([null, null]);
  });
  it("keeps the feed's language on its texts, and shows an RSS description as the summary when content:encoded holds the content", async () => {
    const server = new FeedServer();
    await server.setFeed({
      type: 'application/rss+xml',
      body: `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title><link>https://district.example/</link><description>d</description><language>zh-CN</language>
<item><guid>water-cut</guid><title>停水通知</title><description>&lt;p&gt;明天&lt;b&gt;停水&lt;/b&gt;半天&lt;/p&gt;</description><content:encoded>&lt;p&gt;全文&lt;/p&gt;</content:encoded><pubDate>Tue, 10 Mar 2026 09:00:00 +0800</pubDate></item>
</channel></rss>`,
    });
    const el = await renderBoard({ src: server.feedUrl, lang: 'en' });
    const summary = el.shadowRoot!.querySelector('.summary');
    expect(summary?.textContent?.trim()).to.equal('明天停水半天');
    expect(summary?.getAttribute('lang')).to.equal('zh-CN');
    expect(el.shadowRoot!.querySelector('.notices .title')?.getAttribute('lang')).to.equal('zh-CN');
    // The widget's own words stay in the page's language.
    expect(el.shadowRoot!.querySelector('label[for="notice-search"]')?.closest('[lang]')?.getAttribute('lang')).to.equal('en');
  });
});
