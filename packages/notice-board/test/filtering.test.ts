import { expect, waitUntil } from '@open-wc/testing';
import { FeedServer, feedFile } from './helpers/feed-server.js';
import {
  announcement,
  chips,
  clickChip,
  count,
  delay,
  has,
  listStatus,
  query,
  renderBoard,
  search,
  titles,
  useCleanState,
  waitForFocus,
  type Board,
} from './helpers/board.js';

// Category chips, search and "show more", on the district notices
// (test/feeds/notices.json) and on generated feeds.

const flood = '关于做好2026年汛期安全防范工作的通知';
const water = '停水通知：滨江路部分路段3月12日暂停供水';
const roads = 'Road works on Jiangbin Avenue from 16 March';
const vaccination = 'Vaccination day for residents over 60';
const waste = '生活垃圾分类投放时间调整';
const canteen = '滨江街道长者食堂开业';

/** Waits for the polite count that follows a pause in typing or a chip. */
async function announced(el: Board, text: string): Promise<void> {
  await waitUntil(() => announcement(el) === text, `the announcement stayed "${announcement(el)}", not "${text}"`, { timeout: 3000 });
}

describe('<civic-notice-board> categories, search and paging', () => {
  useCleanState();

  describe('category chips', () => {
    it('are toggle buttons for every category, the most used first, in a labelled group', async () => {
      const el = await renderBoard({ src: feedFile('notices.json') });
      const shown = chips(el);
      expect(shown[0]).to.deep.equal({ label: '社区', pressed: 'false' });
      expect(shown.map((chip) => chip.label).sort()).to.deep.equal(['交通', '停水停电', '卫生健康', '安全', '环境', '社区'].sort());
      expect(shown.every((chip) => chip.pressed === 'false')).to.equal(true);
      const group = query(el, '.chips');
      expect([group.getAttribute('role'), group.getAttribute('aria-label')]).to.deep.equal(['group', 'Categories']);
      expect(query(el, '.chip').localName).to.equal('button');
      // The expired notice's category counts for nothing: it is not on the board.
      expect(shown.filter((chip) => chip.label === '社区').length).to.equal(1);
    });

    it('show the notices of any chosen category, keep the order, and announce the count politely', async () => {
      const el = await renderBoard({ src: feedFile('notices.json') });
      await clickChip(el, '社区');
      expect(chips(el).find((chip) => chip.label === '社区')!.pressed).to.equal('true');
      expect(titles(el)).to.deep.equal([vaccination, waste, canteen]);
      expect(listStatus(el)).to.equal('Showing 3 of 3');
      await announced(el, '3 notices found');

      await clickChip(el, '交通');
      expect(titles(el)).to.deep.equal([roads, vaccination, waste, canteen]);
      await announced(el, '4 notices found');

      await clickChip(el, '社区');
      expect(chips(el).find((chip) => chip.label === '社区')!.pressed).to.equal('false');
      expect(titles(el)).to.deep.equal([roads]);
      await announced(el, '1 notice found');

      await clickChip(el, '交通');
      expect(titles(el)).to.deep.equal([flood, water, roads, vaccination, waste, canteen]);
    });
  });

  describe('search', () => {
    it('looks through titles, summaries and content, any case, every word', async () => {
      const el = await renderBoard({ src: feedFile('notices.json') });
      const cases: Array<[string, string[]]> = [
        ['停水', [water]],
        ['jiangbin', [roads]],
        ['VACCINATION', [vaccination]],
        // Only in a summary.
        ['避险常识', [flood]],
        // Only in the content.
        ['社保卡', [vaccination]],
        ['敬老卡', [canteen]],
        ['  vaccination   saturday ', [vaccination]],
        ['滨江路', [water, canteen]],
        // A category is not text of the notice.
        ['环境', []],
        // Markup is not text either.
        ['strong', []],
        ['', [flood, water, roads, vaccination, waste, canteen]],
      ];
      for (const [words, expected] of cases) {
        await search(el, words);
        expect(titles(el), words).to.deep.equal(expected);
      }
    });

    it('announces the count once the reader pauses, not at every keystroke', async () => {
      const el = await renderBoard({ src: feedFile('notices.json') });
      await search(el, '停');
      await search(el, '停水');
      await delay(100);
      expect(announcement(el)).to.equal('');
      await announced(el, '1 notice found');
      const live = query(el, '.root > [aria-live]');
      expect([live.getAttribute('role'), live.getAttribute('aria-live')]).to.deep.equal(['status', 'polite']);
      await search(el, 'vaccination 停水');
      expect([titles(el).length, listStatus(el)]).to.deep.equal([0, 'No notices match.']);
      await announced(el, 'No notices match.');
      await search(el, 'notice');
      await search(el, '');
      await announced(el, '6 notices found');
    });

    it('combines with the chips', async () => {
      const el = await renderBoard({ src: feedFile('notices.json') });
      await clickChip(el, '社区');
      await search(el, '60');
      expect(titles(el)).to.deep.equal([vaccination, canteen]);
      await clickChip(el, '社区');
      expect(titles(el)).to.deep.equal([vaccination, canteen]);
      await search(el, '60岁');
      expect(titles(el)).to.deep.equal([canteen]);
    });

    it('announces in Chinese on a Chinese page', async () => {
      const el = await renderBoard({ lang: 'zh-Hans', src: feedFile('notices.json') });
      await search(el, '滨江路');
      await announced(el, '找到 2 条通知');
      expect(listStatus(el)).to.equal('显示第 1–2 条，共 2 条');
      await search(el, 'nothing like this');
      await announced(el, '没有符合条件的通知。');
    });
  });

  describe('the categories attribute', () => {
    it('restricts the board to notices with one of its categories', async () => {
      const el = await renderBoard({ src: feedFile('notices.json'), categories: ' 社区 , 交通 ' });
      expect(titles(el)).to.deep.equal([roads, vaccination, waste, canteen]);
      expect(chips(el).map((chip) => chip.label)).not.to.include.members(['安全']);
      expect(chips(el).map((chip) => chip.label)).not.to.include.members(['停水停电']);
      // Search never reaches past the board.
      await search(el, '停水');
      expect(titles(el)).to.deep.equal([]);
    });

    it('with one category the chips are left out; with none that match the board is empty', async () => {
      const one = await renderBoard({ src: feedFile('notices.json'), categories: '交通' });
      expect([titles(one), has(one, '.chips')]).to.deep.equal([[roads], false]);
      const none = await renderBoard({ src: feedFile('notices.json'), categories: '文化' });
      expect([titles(none), listStatus(none)]).to.deep.equal([[], 'There are no notices at the moment.']);
    });

    it('changed at run time, the chips and the list follow; a chip chosen before no longer hides anything', async () => {
      const el = await renderBoard({ src: feedFile('notices.json') });
      await clickChip(el, '环境');
      expect(titles(el)).to.deep.equal([waste]);
      el.categories = '交通, 安全';
      await el.updateComplete;
      expect(titles(el)).to.deep.equal([flood, roads]);
      expect(chips(el).map((chip) => chip.pressed)).to.deep.equal(['false', 'false']);
      // Back on the board, the chip is shown pressed again, and filters again.
      el.categories = '';
      await el.updateComplete;
      expect(chips(el).find((chip) => chip.label === '环境')!.pressed).to.equal('true');
      expect(titles(el)).to.deep.equal([waste]);
    });
  });

  describe('show more', () => {
    it('shows page-size notices, then page-size more, focusing the first new one', async () => {
      const server = new FeedServer();
      const el = await renderBoard({ src: server.generated(25), 'page-size': 10 });
      expect([count(el, '.notices > li'), listStatus(el)]).to.deep.equal([10, 'Showing 10 of 25']);
      expect(titles(el)[0]).to.equal('第1号通知 Notice 1');
      await el.updateComplete;
      query(el, 'button.more').click();
      await waitForFocus(el, '.notices > li[data-index="10"] .title');
      expect([count(el, '.notices > li'), listStatus(el)]).to.deep.equal([20, 'Showing 20 of 25']);
      expect(titles(el)[10]).to.equal('第11号通知 Notice 11');
      query(el, 'button.more').click();
      await waitForFocus(el, '.notices > li[data-index="20"] .title');
      expect([count(el, '.notices > li'), listStatus(el), has(el, 'button.more')]).to.deep.equal([25, 'Showing 25 of 25', false]);
    });

    it('pages the results of a filter, and a new filter starts again at one page', async () => {
      const server = new FeedServer();
      const el = await renderBoard({ src: server.generated(40, 'rss'), 'page-size': 3 });
      await clickChip(el, '社区');
      // Notices 5, 10, 15 … carry 社区 (the generator tags notice i with the (i mod 5)th category).
      expect(titles(el)).to.deep.equal(['第5号通知 Notice 5', '第10号通知 Notice 10', '第15号通知 Notice 15']);
      expect(listStatus(el)).to.equal('Showing 3 of 8');
      query(el, 'button.more').click();
      await el.updateComplete;
      expect(count(el, '.notices > li')).to.equal(6);
      await search(el, 'Notice 2');
      // 20, 25 (and not 2, 12 or 22: they are not 社区).
      expect(titles(el)).to.deep.equal(['第20号通知 Notice 20', '第25号通知 Notice 25']);
      await search(el, '');
      expect(count(el, '.notices > li')).to.equal(3);
    });

    it('a new page-size applies at once', async () => {
      const server = new FeedServer();
      const el = await renderBoard({ src: server.generated(12, 'atom'), 'page-size': 5 });
      expect(count(el, '.notices > li')).to.equal(5);
      el.pageSize = 20;
      await el.updateComplete;
      expect([count(el, '.notices > li'), has(el, 'button.more')]).to.deep.equal([12, false]);
    });
  });
});
