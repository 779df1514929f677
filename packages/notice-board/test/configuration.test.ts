import { expect } from '@open-wc/testing';
import { FeedServer, feedFile } from './helpers/feed-server.js';
import {
  captureConsoleErrors,
  chips,
  count,
  has,
  listSettled,
  listStatus,
  notices,
  query,
  renderBoard,
  search,
  textOf,
  titles,
  useCleanState,
  waitForShadow,
  watchUncaught,
  type Attrs,
} from './helpers/board.js';

// Bad configuration and bad data: a plain, localized message (or a
// best-effort list), exactly one console error for the web team, and never an
// uncaught exception.

const messages = {
  // Every set-up mistake: plain words and another way to find out; the attribute and its value go to the console only.
  notSetUp: {
    en: 'The notices cannot be shown here at the moment. For urgent questions, please call the 12345 hotline.',
    'zh-Hans': '通知暂时无法在此显示。如有急事，请拨打 12345 市民服务热线。',
  },
  format: { en: 'The notices cannot be shown: the feed is not in a format this board reads.', 'zh-Hans': '无法显示通知：订阅源的格式无法识别。' },
  load: { en: 'The notices could not be loaded. Check your connection and try again later.', 'zh-Hans': '通知暂时无法加载，请检查网络后稍后再试。' },
};

describe('<civic-notice-board> configuration and bad data', () => {
  useCleanState();
  const consoleErrors = captureConsoleErrors();
  const uncaught = watchUncaught();
  afterEach(() => {
    expect(uncaught(), 'uncaught errors').to.deep.equal([]);
  });

  /** Renders, and returns the problem shown (text and role) and the console errors. */
  async function problemOf(attrs: Attrs) {
    const el = await renderBoard(attrs);
    await waitForShadow(el, '.problem');
    // Render again a few times: the console still gets one error.
    el.requestUpdate();
    await el.updateComplete;
    el.requestUpdate();
    await el.updateComplete;
    return { el, text: textOf(el, '.problem'), role: query(el, '.problem').getAttribute('role'), errors: consoleErrors() };
  }

  describe('configuration', () => {
    for (const lang of ['en', 'zh-Hans'] as const) {
      it(`no src (${lang})`, async () => {
        const { text, role, errors } = await problemOf({ lang });
        expect([text, role]).to.deep.equal([messages.notSetUp[lang], 'alert']);
        expect(errors).to.deep.equal(['[civic-widgets] <civic-notice-board>: Neither src nor alerts-src is set.']);
      });

      it(`an unknown time-zone (${lang})`, async () => {
        const { text, errors } = await problemOf({ lang, src: feedFile('notices.json'), 'time-zone': 'Mars/Olympus_Mons' });
        expect(text).to.equal(messages.notSetUp[lang]);
        expect(errors).to.deep.equal(['[civic-widgets] <civic-notice-board>: time-zone "Mars/Olympus_Mons" is not an IANA time zone.']);
      });
    }

    for (const [name, value] of [
      ['page-size', '0'],
      ['page-size', '-5'],
      ['page-size', '2.5'],
      ['page-size', 'ten'],
      ['refresh', '-1'],
      ['refresh', 'often'],
      ['timeout', '0'],
      ['timeout', '99999999999'],
    ] as const) {
      it(`${name}="${value}"`, async () => {
        const { text, errors } = await problemOf({ src: feedFile('notices.json'), [name]: value });
        expect(text).to.equal(messages.notSetUp.en);
        expect(errors.length).to.equal(1);
        expect(errors[0]).to.contain('page-size must be a whole number above 0');
      });
    }

    it('in Chinese too', async () => {
      const { text } = await problemOf({ lang: 'zh-Hans', src: feedFile('notices.json'), 'page-size': '0' });
      expect(text).to.equal(messages.notSetUp['zh-Hans']);
    });

    it('set up later, the board loads', async () => {
      const { el } = await problemOf({});
      el.src = feedFile('notices.json');
      await el.updateComplete;
      await waitForShadow(el, '.notices');
      expect([titles(el).length, has(el, '.problem')]).to.deep.equal([6, false]);
    });

    it('alerts-src alone is a complete setup: warnings and no list', async () => {
      const el = await renderBoard({ 'alerts-src': feedFile('cap/minor.xml') });
      await waitForShadow(el, '.alert');
      expect([has(el, '.problem'), has(el, '.notices'), has(el, '#notice-search')]).to.deep.equal([false, false, false]);
      expect(consoleErrors()).to.deep.equal([]);
    });
  });

  describe('bad data', () => {
    const unreadable: Array<[string, string, string]> = [
      ['broken JSON', 'broken.json', 'The feed looks like JSON but does not parse.'],
      ['broken XML', 'broken.rss', 'The feed is not well-formed XML.'],
      ['an HTML page', 'not-a-feed.html', 'The feed is not well-formed XML.'],
      ['JSON that is not a JSON Feed', 'not-json-feed.json', 'This JSON is not a JSON Feed'],
      ['a CAP alert where a feed belongs', 'cap/minor.xml', 'The XML is not an RSS or Atom feed (its root is <alert>).'],
    ];
    for (const [name, file, detail] of unreadable) {
      it(`${name}: "not in a format this board reads", one console error`, async () => {
        const { text, role, errors } = await problemOf({ src: feedFile(file) });
        expect([text, role]).to.deep.equal([messages.format.en, 'alert']);
        expect(errors.length).to.equal(1);
        expect(errors[0]).to.contain(`The feed at ${feedFile(file)} cannot be read: ${detail}`);
      });
    }

    it('a feed that is not a feed, in Chinese', async () => {
      const { text } = await problemOf({ lang: 'zh-Hans', src: feedFile('not-a-feed.html') });
      expect(text).to.equal(messages.format['zh-Hans']);
    });

    for (const status of ['500', '404', '503'] as const) {
      it(`the server answers ${status}: "could not be loaded", one console error`, async () => {
        const server = new FeedServer();
        await server.setMode(status);
        const { text, errors } = await problemOf({ src: server.file('notices.json') });
        expect(text).to.equal(messages.load.en);
        expect(errors).to.deep.equal([`[civic-widgets] <civic-notice-board>: The feed at ${server.file('notices.json')} could not be loaded: ${server.file('notices.json')} answered ${status}.`]);
      });
    }

    it('no server at all, in Chinese', async () => {
      const { text, errors } = await problemOf({ lang: 'zh-Hans', src: 'http://127.0.0.1:9/feed.json' });
      expect(text).to.equal(messages.load['zh-Hans']);
      expect(errors.length).to.equal(1);
    });

    it('a server that never answers: "could not be loaded" once the timeout passes', async () => {
      const server = new FeedServer();
      await server.setMode('hang');
      const el = await renderBoard({ src: server.file('notices.json'), timeout: 300 }, { settle: false });
      expect(textOf(el, '.loading')).to.equal('Loading notices…');
      await waitForShadow(el, '.problem');
      expect(textOf(el, '.problem')).to.equal(messages.load.en);
      expect(consoleErrors()[0]).to.contain('No answer within 300 ms');
    });

    it('an empty feed: "There are no notices at the moment." and no error', async () => {
      const el = await renderBoard({ src: feedFile('empty.json') });
      expect([listStatus(el), count(el, '.notices > li'), has(el, '.problem')]).to.deep.equal(['There are no notices at the moment.', 0, false]);
      expect(consoleErrors()).to.deep.equal([]);
    });

    it('an enclosure whose name is not valid percent-encoding: the list still shows, the name as it stands', async () => {
      const el = await renderBoard({ src: feedFile('bad-enclosure.rss') });
      expect(titles(el)).to.deep.equal(['老旧小区加装电梯意见征询', '社区义诊活动']);
      expect(notices(el)[0]!.attachments.map((attachment) => attachment.name)).to.deep.equal(['%E5%8A%A0%E8%A3%85%E7%94%B5%E6%A2%AF%E6.pdf', 'form.docx']);
      expect(consoleErrors()).to.deep.equal([]);
    });

    it('messy JSON Feed items: what can be shown is, the rest is skipped', async () => {
      const server = new FeedServer();
      await server.setFeed({
        body: JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 't',
          items: [
            'not an item',
            null,
            { title: 'no id, skipped', content_text: 'x' },
            { id: '', title: 'empty id, skipped', content_text: 'x' },
            { id: 42, title: 'numeric id', content_text: 'x', date_published: '2026-03-11T09:00:00+08:00' },
            { id: 'no-title', title: { text: 'object' }, content_html: '<p>内容</p>', date_published: 'yesterday', tags: ['社区', 7, null, ''] },
            { id: 'bad-civic', title: '坏的扩展', content_text: 'x', _civic: 'pinned', date_published: '2026-03-10T09:00:00+08:00', attachments: [{ url: 'files/a.pdf', size_in_bytes: -1 }, { url: 'files/b.pdf', size_in_bytes: '12' }, 'x'] },
            { id: 'pinned-string', title: '置顶为字符串', content_text: 'x', _civic: { pinned: 'true', expires: 'never' }, date_published: '2026-03-09T09:00:00+08:00' },
          ],
        }),
      });
      const el = await renderBoard({ src: server.feedUrl });
      const shown = notices(el);
      expect(shown.map((notice) => notice.title)).to.deep.equal(['numeric id', '坏的扩展', '置顶为字符串', '(untitled notice)']);
      expect(shown.map((notice) => notice.pinned)).to.deep.equal([false, false, false, false]);
      expect(shown[3]!.datetime).to.equal('');
      expect(shown[3]!.tags).to.deep.equal(['社区']);
      expect(shown[1]!.attachments.map((attachment) => [attachment.name, attachment.facts])).to.deep.equal([
        // A negative size is no size; a size written as text is still read.
        // No type given: the file name's extension says what it is.
        ['Attachment', 'PDF'],
        ['Attachment', 'PDF · 12 bytes'],
      ]);
      expect(consoleErrors()).to.deep.equal([]);
    });

    for (const format of ['json', 'rss', 'atom'] as const) {
      it(`a 50,000-item ${format} feed: the first 10,000 are listed, and says so; paging, chips and search work`, async function () {
        // 15 to 19 MB to fetch and parse (XML takes seconds in a slow container): past the 5 MB
        // that feed-max-bytes allows unless raised, as a district with such an archive raises it.
        this.timeout(40_000);
        const server = new FeedServer();
        const el = await renderBoard({ src: server.generated(50_000, format), timeout: 30_000, 'feed-max-bytes': 20_000_000 }, { settle: false });
        await listSettled(el, 35_000);
        expect([count(el, '.notices > li'), listStatus(el)]).to.deep.equal([10, 'Showing 10 of 10,000']);
        expect(el.shadowRoot!.querySelector('.truncated')?.textContent?.trim()).to.equal('This feed has 50,000 notices; the first 10,000 are listed here.');
        expect(titles(el)[0]).to.equal('第1号通知 Notice 1');
        expect(chips(el).length).to.equal(5);
        await search(el, 'notice 9999');
        expect(titles(el)).to.deep.equal(['第9999号通知 Notice 9999']);
        expect(consoleErrors()).to.deep.equal([]);
      });
    }
  });
});
