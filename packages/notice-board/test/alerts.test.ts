import { expect, waitUntil } from '@open-wc/testing';
import { feedOrigin } from '/test-config.js';
import { FeedServer, feedFile } from './helpers/feed-server.js';
import {
  captureConsoleErrors,
  controlIntervals,
  count,
  delay,
  focused,
  has,
  notices,
  query,
  queryAll,
  renderBoard,
  squash,
  textOf,
  useCleanState,
  waitForFocus,
  waitForShadow,
  type Board,
} from './helpers/board.js';

// Warnings above the notices, from CAP 1.2 files and Atom feeds of them,
// rendered: how loud each is, which can be dismissed and for how long, which
// never show, and in which language.

interface Banner {
  role: string | null;
  urgent: boolean;
  heading: string;
  lang: string | null;
  dismissible: boolean;
}

function banners(el: Board): Banner[] {
  return queryAll(el, '.alert').map((alert) => ({
    role: alert.getAttribute('role'),
    urgent: alert.classList.contains('urgent'),
    heading: squash(alert.querySelector('h2')?.textContent),
    // The language the alert's own text claims (its headline), not the widget's words around it.
    lang: alert.querySelector('h2 .alert-text')?.getAttribute('lang') ?? null,
    dismissible: alert.querySelector('button') !== null,
  }));
}

function headings(el: Board): string[] {
  return banners(el).map((banner) => banner.heading);
}

async function waitForBanners(el: Board, expected: number, timeout = 5000): Promise<void> {
  await waitUntil(() => count(el, '.alert') === expected, `expected ${expected} warnings, saw ${count(el, '.alert')}`, { timeout });
  await el.updateComplete;
}

async function dismiss(el: Board, headline: string): Promise<void> {
  const banner = queryAll(el, '.alert').find((alert) => squash(alert.querySelector('h2')?.textContent).includes(headline));
  if (!banner) throw new Error(`No warning "${headline}"; there are ${headings(el).join(' | ')}`);
  banner.querySelector('button')!.click();
  await el.updateComplete;
}

const rain = 'Severe warning 滨江区气象台发布暴雨红色预警信号';
const fogUpdate = 'Warning 大雾黄色预警信号更新：延长至14时';
const heat = 'Advisory 滨江区气象台发布高温蓝色预警信号';

describe('<civic-notice-board> warnings', () => {
  useCleanState();
  const consoleErrors = captureConsoleErrors();

  it('shows the active alerts of an Atom feed, the most severe first; urgent ones are role="alert" and stay', async () => {
    const el = await renderBoard({ 'alerts-src': feedFile('alerts-embedded.atom') });
    await waitForBanners(el, 3);
    expect(banners(el)).to.deep.equal([
      { role: 'alert', urgent: true, heading: rain, lang: 'zh-CN', dismissible: false },
      { role: 'status', urgent: false, heading: fogUpdate, lang: 'zh-CN', dismissible: true },
      { role: 'status', urgent: false, heading: heat, lang: 'zh-CN', dismissible: true },
    ]);
    const first = query(el, '.alert');
    expect(squash(first.querySelector('.area')?.textContent)).to.equal('Area: 滨江区全境');
    expect(squash(first.querySelector('.instruction')?.textContent)).to.equal('What to do: 停止户外活动，远离河道和低洼地区，危险地带人员立即转移。');
    expect(squash(first.querySelector('.expires')?.textContent)).to.equal('Until March 11, 2099 at 6:00 PM');
    const more = first.querySelector('a')!;
    expect([more.textContent, more.getAttribute('href'), more.getAttribute('rel')]).to.deep.equal([
      'More about this warning',
      'https://weather.binjiang.example.gov.cn/warnings/0311-rain',
      'noopener noreferrer',
    ]);
    // Each banner is named by its heading.
    expect(queryAll(el, '.alert').every((alert) => alert.getAttribute('aria-labelledby') === alert.querySelector('h2')!.id)).to.equal(true);
    expect(consoleErrors()).to.deep.equal([]);
  });

  it('never shows the replaced, the cancelled, the expired or a Test alert', async () => {
    const el = await renderBoard({ 'alerts-src': feedFile('alerts-embedded.atom') });
    await waitForBanners(el, 3);
    const shown = textOf(el, '.root');
    for (const hidden of ['滨江区气象台发布大雾黄色预警信号', '大风蓝色预警', '寒潮', '预警系统测试']) expect(shown, hidden).not.to.contain(hidden);
  });

  it('a single CAP file is read too; a Cancel alone, an expired or a Test alert shows nothing', async () => {
    const el = await renderBoard({ 'alerts-src': feedFile('cap/minor.xml') });
    await waitForBanners(el, 1);
    expect(headings(el)).to.deep.equal([heat]);
    for (const file of ['cap/wind-cancel.xml', 'cap/expired.xml', 'cap/test-status.xml']) {
      const server = new FeedServer();
      const quiet = await renderBoard({ 'alerts-src': server.file(file), src: feedFile('empty.json') });
      await waitUntil(async () => (await server.requests(`feeds/${file}`)).some((request) => request.status === 200), 'the alert was not fetched');
      await delay(100);
      await quiet.updateComplete;
      expect(count(quiet, '.alert'), file).to.equal(0);
      expect(has(quiet, '.problem'), file).to.equal(false);
    }
  });

  it('a dismissed advisory stays dismissed, fires civic-alert-dismiss and moves the focus on', async () => {
    const el = await renderBoard({ 'alerts-src': feedFile('alerts-embedded.atom'), src: feedFile('notices.json') });
    await waitForBanners(el, 3);
    const dismissed: string[] = [];
    el.addEventListener('civic-alert-dismiss', (event) => dismissed.push(event.detail.identifier));
    await dismiss(el, '大雾黄色预警信号更新');
    expect(headings(el)).to.deep.equal([rain, heat]);
    expect(dismissed).to.deep.equal(['CN-BJ-2026-0309-FOG-U1']);
    // Focus goes to what follows: the next dismiss button.
    await waitForFocus(el, '.alert button');
    await dismiss(el, '高温蓝色预警');
    await waitForFocus(el, '#notice-search');
    expect(headings(el)).to.deep.equal([rain]);
    el.remove();

    const again = await renderBoard({ 'alerts-src': feedFile('alerts-embedded.atom') });
    await waitForBanners(again, 1);
    expect(headings(again)).to.deep.equal([rain]);
    expect(focused(again)).to.match(/^outside/);
  });

  it('dismissing the only warning of a board of warnings moves the focus to a confirmation in its place, not to the page top', async () => {
    const el = await renderBoard({ 'alerts-src': feedFile('cap/minor.xml') });
    await waitForBanners(el, 1);
    query(el, '.alert button').focus();
    query(el, '.alert button').click();
    await waitForFocus(el, '#alert-dismissed');
    expect(count(el, '.alert')).to.equal(0);
    expect(textOf(el, '#alert-dismissed')).to.equal('Warning dismissed. It will not show again on this device.');
  });

  it('dismissing the last advisory of a board of warnings, under an urgent one, moves the focus to the urgent one’s heading', async () => {
    const server = new FeedServer();
    const severe = await (await fetch(feedFile('cap/severe-immediate.xml'))).text();
    const minor = await (await fetch(feedFile('cap/minor.xml'))).text();
    const strip = (cap: string) => cap.replace(/^<\?xml[^>]*>\s*/, '');
    await server.setFeed({
      body: `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>urn:t</id><title>t</title><updated>2026-03-11T09:00:00+08:00</updated>
        <entry><id>urn:a</id><title>a</title><updated>2026-03-11T09:00:00+08:00</updated><content type="application/cap+xml">${strip(minor)}</content></entry>
        <entry><id>urn:b</id><title>b</title><updated>2026-03-11T09:00:00+08:00</updated><content type="application/cap+xml">${strip(severe)}</content></entry></feed>`,
      type: 'application/atom+xml',
    });
    const el = await renderBoard({ 'alerts-src': server.feedUrl });
    await waitForBanners(el, 2);
    query(el, '.alert button').click();
    await waitForFocus(el, '.alert.urgent h2');
  });

  it('an Update of a dismissed alert shows again (dismissal is per identifier and sent time)', async () => {
    const server = new FeedServer();
    await server.setFeed({ file: 'cap/fog-alert.xml' });
    const el = await renderBoard({ 'alerts-src': server.feedUrl });
    await waitForBanners(el, 1);
    await dismiss(el, '大雾黄色预警');
    expect(count(el, '.alert')).to.equal(0);
    el.remove();

    const reloaded = await renderBoard({ 'alerts-src': server.feedUrl });
    await waitUntil(async () => (await server.requests('feed')).length === 2, 'the alert was not fetched again');
    await delay(100);
    expect(count(reloaded, '.alert')).to.equal(0);
    reloaded.remove();

    await server.setFeed({ file: 'cap/fog-update.xml' });
    const updated = await renderBoard({ 'alerts-src': server.feedUrl });
    await waitForBanners(updated, 1);
    expect(headings(updated)).to.deep.equal([fogUpdate]);
  });

  it("speaks the page's language: the info block in English, Simplified or Traditional Chinese", async () => {
    const expected = {
      en: ['Severe warning Typhoon orange warning for Riverside District', 'en-US', 'Area: All of Riverside District'],
      'zh-Hans': ['严重预警 滨江区气象台发布台风橙色预警信号', 'zh-CN', '影响区域：滨江区全境'],
      'zh-Hant': ['嚴重預警 濱江區氣象台發佈颱風橙色預警信號', 'zh-TW', '影響區域：濱江區全境'],
    };
    for (const [lang, [heading, infoLang, area]] of Object.entries(expected)) {
      const el = await renderBoard({ lang, 'alerts-src': feedFile('cap/multi-language.xml') });
      await waitForBanners(el, 1);
      expect([headings(el)[0], banners(el)[0]!.lang, textOf(el, '.alert .area')], lang).to.deep.equal([heading, infoLang, area]);
      el.remove();
    }
  });

  describe('language of parts', () => {
    /** The language each part of the first banner is in: its `lang`, inherited within the widget. */
    function languages(el: Board) {
      const banner = query(el, '.alert');
      const of = (node: Element | null | undefined) => node?.closest('[lang]')?.getAttribute('lang') ?? 'none';
      const texts = [...banner.querySelectorAll('.alert-text')];
      return {
        words: [of(banner.querySelector('.severity')), of(banner.querySelector('.area')), of(banner.querySelector('.instruction strong')), of(banner.querySelector('button'))],
        texts: [...new Set(texts.map((text) => text.getAttribute('lang') ?? 'none'))],
        textCount: texts.length,
      };
    }

    it('a zh-CN alert on an English page: the widget’s words in English, the alert’s texts in Chinese', async () => {
      const el = await renderBoard({ lang: 'en', 'alerts-src': feedFile('cap/minor.xml') });
      await waitForBanners(el, 1);
      expect(languages(el)).to.deep.equal({ words: ['en', 'en', 'en', 'en'], texts: ['zh-CN'], textCount: 4 });
      expect(query(el, '.alert').hasAttribute('lang')).to.equal(false);
    });

    it('an alert without <language> claims none for its texts, and is not called en-US (CAP’s default)', async () => {
      const server = new FeedServer();
      const minor = await (await fetch(feedFile('cap/minor.xml'))).text();
      await server.setFeed({ body: minor.replace('<language>zh-CN</language>', ''), type: 'application/cap+xml' });
      for (const lang of ['en', 'zh-Hans']) {
        const el = await renderBoard({ lang, 'alerts-src': server.feedUrl });
        await waitForBanners(el, 1);
        const expectedWords = lang === 'en' ? 'en' : 'zh-Hans';
        // The texts inherit nothing but the widget's language from the tree; no part of the banner claims en-US.
        expect(languages(el).texts, lang).to.deep.equal(['none']);
        expect(languages(el).words, lang).to.deep.equal([expectedWords, expectedWords, expectedWords, expectedWords]);
        expect(query(el, '.alert').querySelector('[lang="en-US"]'), lang).to.equal(null);
        el.remove();
      }
    });
  });

  it('follows the links of an Atom feed of CAP alerts', async () => {
    const server = new FeedServer();
    const el = await renderBoard({ 'alerts-src': server.file('alerts-links.atom') });
    await waitForBanners(el, 3);
    expect(headings(el)).to.deep.equal([rain, 'Severe warning Typhoon orange warning for Riverside District', heat]);
    const fetched = (await server.requests('feeds/cap/')).map((request) => request.path).sort();
    expect(fetched).to.deep.equal(['feeds/cap/expired.xml', 'feeds/cap/minor.xml', 'feeds/cap/multi-language.xml', 'feeds/cap/severe-immediate.xml']);
  });

  it('follows at most 10 links', async () => {
    const server = new FeedServer();
    const el = await renderBoard({ 'alerts-src': server.alertLinks(12) });
    await waitForBanners(el, 10);
    await delay(200);
    const fetched = (await server.requests('linked-cap/')).map((request) => request.path);
    expect(fetched.length).to.equal(10);
    expect(fetched).not.to.include('linked-cap/11.xml');
    expect(fetched).not.to.include('linked-cap/12.xml');
  });

  it('alerts that cannot be read give a localized message and one console error; the notices still show', async () => {
    for (const [lang, message] of [
      ['en', 'Warnings could not be checked just now. Official channels such as radio and SMS still apply.'],
      ['zh-Hans', '暂时无法获取预警信息，请以广播、短信等官方渠道发布的信息为准。'],
    ] as const) {
      const el = await renderBoard({ lang, 'alerts-src': feedFile('not-a-feed.html'), src: feedFile('notices.json') });
      await waitForShadow(el, '.problem');
      expect([textOf(el, '.problem'), query(el, '.problem').getAttribute('role')], lang).to.deep.equal([message, 'alert']);
      expect(notices(el).length, lang).to.equal(6);
      el.remove();
    }
    expect(consoleErrors().length).to.equal(2);
    expect(consoleErrors()[0]).to.contain(`The alerts at ${feedOrigin}/feeds/not-a-feed.html could not be read`);
  });

  describe('refresh', () => {
    const intervals = controlIntervals();

    it('a refresh that fails keeps the warnings already shown', async () => {
      const server = new FeedServer();
      await server.setFeed({ file: 'cap/severe-immediate.xml' });
      const el = await renderBoard({ 'alerts-src': server.feedUrl, refresh: 60 });
      await waitForBanners(el, 1);
      await server.setMode('503');
      intervals.fire();
      await waitUntil(async () => (await server.requests('feed')).some((request) => request.status === 503), 'no refresh was tried');
      await delay(100);
      expect([headings(el), has(el, '.problem')]).to.deep.equal([[rain], false]);
      expect(consoleErrors()).to.deep.equal([]);
    });

    it('a refresh brings new warnings and drops cancelled ones', async () => {
      const server = new FeedServer();
      await server.setFeed({ file: 'cap/wind-alert.xml' });
      const el = await renderBoard({ 'alerts-src': server.feedUrl, refresh: 60 });
      await waitForBanners(el, 1);
      expect(headings(el)).to.deep.equal(['Advisory 滨江区气象台发布大风蓝色预警信号']);
      await server.setFeed({ file: 'alerts-embedded.atom' });
      intervals.fire();
      await waitForBanners(el, 3);
      expect(headings(el)).to.deep.equal([rain, fogUpdate, heat]);
    });
  });
});
