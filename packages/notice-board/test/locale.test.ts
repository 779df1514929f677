import { expect, fixture, waitUntil } from '@open-wc/testing';
import { feedFile } from './helpers/feed-server.js';
import {
  listSettled,
  listStatus,
  notices,
  query,
  renderBoard,
  shadow,
  squash,
  textOf,
  toggleNotice,
  useCleanState,
  type Board,
} from './helpers/board.js';

// Language and dates: the board speaks the page's language (English,
// Simplified or Traditional Chinese), writes dates with Intl in that locale
// and in Asia/Shanghai unless told otherwise, and keeps the machine-readable
// date in <time datetime>.

/** The water notice: published 2026-03-10T23:30Z, which is already 11 March in Shanghai. */
const water = 1;

function chromeText(el: Board) {
  return {
    rootLang: query(el, '.root').getAttribute('lang'),
    searchLabel: textOf(el, 'label[for="notice-search"]'),
    chipsLabel: query(el, '.chips').getAttribute('aria-label'),
    status: listStatus(el),
    pinned: textOf(el, '.pinned-badge'),
    unread: textOf(el, '.unread-mark'),
    categories: textOf(el, '.tags .visually-hidden'),
    attachments: query(el, '.attachments').getAttribute('aria-label'),
    more: textOf(el, 'button.more'),
    date: notices(el)[water]!.date,
    size: notices(el)[0]!.attachments[0]!.facts,
  };
}

describe('<civic-notice-board> language and dates', () => {
  useCleanState();

  it('English', async () => {
    const el = await renderBoard({ lang: 'en', src: feedFile('notices.json'), 'page-size': 5 });
    expect(chromeText(el)).to.deep.equal({
      rootLang: 'en',
      searchLabel: 'Search notices',
      chipsLabel: 'Categories',
      status: 'Showing 5 of 6',
      pinned: 'Pinned',
      unread: 'Unread:',
      categories: 'Categories:',
      attachments: 'Attachments',
      more: 'Show more notices',
      date: 'March 11, 2026',
      size: 'PDF · 1.3 MB',
    });
  });

  it('Simplified Chinese', async () => {
    const el = await renderBoard({ lang: 'zh-Hans', src: feedFile('notices.json'), 'page-size': 5 });
    expect(chromeText(el)).to.deep.equal({
      rootLang: 'zh-Hans',
      searchLabel: '搜索通知',
      chipsLabel: '分类',
      status: '显示第 1–5 条，共 6 条',
      pinned: '置顶',
      unread: '未读：',
      categories: '分类：',
      attachments: '附件',
      more: '显示更多通知',
      date: '2026年3月11日',
      size: 'PDF · 1.3 MB',
    });
    await toggleNotice(el, water);
    expect(textOf(el, '.details > p > a')).to.equal('在单独页面阅读《停水通知：滨江路部分路段3月12日暂停供水》');
  });

  it('Traditional Chinese', async () => {
    const el = await renderBoard({ lang: 'zh-Hant', src: feedFile('notices.json'), 'page-size': 5 });
    const text = chromeText(el);
    expect([text.rootLang, text.date, text.searchLabel, text.chipsLabel, text.pinned]).to.deep.equal(['zh-Hant', '2026年3月11日', '搜尋通知', '分類', '置頂']);
  });

  it('dates are in Asia/Shanghai unless time-zone says otherwise; <time datetime> is the instant', async () => {
    const cases: Array<[string | null, string]> = [
      [null, 'March 11, 2026'],
      ['Asia/Shanghai', 'March 11, 2026'],
      ['UTC', 'March 10, 2026'],
      ['America/New_York', 'March 10, 2026'],
      ['Asia/Tokyo', 'March 11, 2026'],
    ];
    for (const [zone, date] of cases) {
      const el = await renderBoard({ src: feedFile('notices.rss'), 'time-zone': zone });
      expect([notices(el)[water]!.date, notices(el)[water]!.datetime], String(zone)).to.deep.equal([date, '2026-03-10T23:30:00.000Z']);
      el.remove();
    }
  });

  it("follows the page's language: <html lang>, a [lang] ancestor, and a change at run time", async () => {
    document.documentElement.setAttribute('lang', 'zh-CN');
    const el = await renderBoard({ lang: null, src: feedFile('notices.json') });
    expect(textOf(el, 'label[for="notice-search"]')).to.equal('搜索通知');

    document.documentElement.setAttribute('lang', 'en-GB');
    await waitUntil(() => textOf(el, 'label[for="notice-search"]') === 'Search notices', 'the board did not follow <html lang>');
    expect(notices(el)[water]!.date).to.equal('March 11, 2026');

    const wrapper = await fixture<HTMLDivElement>(`<div lang="zh-TW"><civic-notice-board src="${feedFile('notices.json')}"></civic-notice-board></div>`);
    const nested = wrapper.querySelector('civic-notice-board')!;
    await nested.updateComplete;
    await listSettled(nested);
    expect(query(nested, '.root').getAttribute('lang')).to.equal('zh-Hant');
  });

  it('alert dates and words follow the language too', async () => {
    const en = await renderBoard({ lang: 'en', 'alerts-src': feedFile('cap/severe-immediate.xml') });
    await waitUntil(() => shadow(en).querySelector('.alert') !== null, 'no warning');
    expect(squash(query(en, '.alert .expires').textContent)).to.equal('Until March 11, 2099 at 6:00 PM');
    en.remove();
    const zh = await renderBoard({ lang: 'zh-Hans', 'alerts-src': feedFile('cap/severe-immediate.xml') });
    await waitUntil(() => shadow(zh).querySelector('.alert') !== null, 'no warning');
    expect(squash(query(zh, '.alert .expires').textContent)).to.equal('有效期至 2099年3月11日 18:00');
    expect(squash(query(zh, '.alert .instruction strong').textContent)).to.equal('防御指引：');
    expect(squash(query(zh, '.alert .severity').textContent)).to.equal('严重预警');
  });
});
