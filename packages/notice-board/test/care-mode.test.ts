import { expect, waitUntil } from '@open-wc/testing';
import { careModeAttribute } from '@civic-widgets/core';
import { FeedServer, feedFile } from './helpers/feed-server.js';
import { controlIntervals, count, has, queryAll, renderBoard, toggleNotice, useCleanState, waitForShadow, type Attrs, type Board } from './helpers/board.js';

// Targets big enough to hit (44 px; in care mode, 适老化, 48 px) and, in care
// mode, text of at least 18 px everywhere, in every part of the board.

/** The smallest height (and, for `width`, width) among the elements matching `selector`. */
function smallest(el: Board, selector: string): { width: number; height: number; count: number } {
  const boxes = queryAll(el, selector).map((node) => node.getBoundingClientRect());
  return { width: Math.min(...boxes.map((box) => box.width)), height: Math.min(...boxes.map((box) => box.height)), count: boxes.length };
}

/** The smallest computed font size of any element that holds text of its own, with the element that has it. */
function smallestText(el: Board): { size: number; where: string } {
  let result = { size: Infinity, where: '' };
  for (const node of queryAll(el, '.root *')) {
    const ownText = [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim() !== '');
    if (!ownText || node.closest('.visually-hidden')) continue;
    const size = parseFloat(getComputedStyle(node).fontSize);
    if (size < result.size) result = { size, where: `${node.localName}.${[...node.classList].join('.')}` };
  }
  return result;
}

/** A board with every kind of target on screen: warnings (one dismissible), chips, notices, an open one, "show more" and "show N new notices". */
async function everything(attrs: Attrs, intervals: { fire: () => void }): Promise<Board> {
  const server = new FeedServer();
  await server.setFeed({ file: 'notices.json' });
  const el = await renderBoard({ src: server.feedUrl, 'alerts-src': feedFile('alerts-embedded.atom'), 'page-size': 3, refresh: 60, ...attrs });
  await waitUntil(() => count(el, '.alert') === 3, 'the warnings did not appear');
  await toggleNotice(el, 0);
  await server.setFeed({ file: 'notices.atom' });
  const feed = (await (await fetch(feedFile('notices.json'))).json()) as { items: Array<Record<string, unknown>> };
  feed.items.unshift({ id: 'new', title: '新通知', content_text: '新', date_published: '2026-03-12T09:00:00+08:00' });
  await server.setFeed({ body: JSON.stringify(feed) });
  intervals.fire();
  await waitForShadow(el, '.list-status button');
  return el;
}

describe('<civic-notice-board> target sizes and care mode', () => {
  useCleanState();
  const intervals = controlIntervals();
  afterEach(() => document.documentElement.removeAttribute(careModeAttribute));

  const targets: Array<[string, string]> = [
    ['chips', '.chip'],
    ['notice titles', '.notices .title'],
    ['show more', 'button.more'],
    ['show new notices', '.list-status button'],
    ['dismiss', '.alert button'],
    ['search field', '#notice-search'],
  ];

  it('every target is at least 44 px high', async () => {
    const el = await everything({}, intervals);
    expect(has(el, '.root.care')).to.equal(false);
    for (const [name, selector] of targets) {
      const box = smallest(el, selector);
      expect(box.count, name).to.be.at.least(1);
      expect(box.height, name).to.be.at.least(44);
    }
    expect(smallest(el, '.chip').width, 'chip width').to.be.at.least(44);
  });

  for (const [how, attrs, page] of [
    ['care-mode attribute', { 'care-mode': true }, false],
    ['data-civic-care-mode on <html>', {}, true],
  ] as const) {
    it(`${how}: targets at least 48 px and all text at least 18 px`, async () => {
      if (page) document.documentElement.setAttribute(careModeAttribute, '');
      const el = await everything(attrs, intervals);
      expect(has(el, '.root.care')).to.equal(true);
      for (const [name, selector] of targets) expect(smallest(el, selector).height, name).to.be.at.least(48);
      expect(smallestText(el).size, smallestText(el).where).to.be.at.least(18);
    });
  }

  it('care mode never goes below 18 px text, even when a district sets its care font size to the minimum', async () => {
    const el = await everything({ 'care-mode': true }, intervals);
    el.style.setProperty('--civic-care-font-size', '18px');
    await el.updateComplete;
    const text = smallestText(el);
    expect(text.size, text.where).to.be.at.least(18);
  });
});
