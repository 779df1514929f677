import { expect, waitUntil } from '@open-wc/testing';
import { FeedServer, feedFile } from './helpers/feed-server.js';
import { captureConsoleErrors, count, notices, renderBoard, shadow, textOf, useCleanState, type Board } from './helpers/board.js';

// Hostile or huge data from the host's own servers: a feed or an alert is read
// up to a byte limit (feed-max-bytes, 5 MB; alerts-max-bytes, 1 MB), never
// parsed whole past it; an alert keeps one info block per language and its
// first areas. Beyond a limit: a clear message and one console error.

async function waitForProblem(el: Board, selector = '.problem'): Promise<void> {
  await waitUntil(() => textOf(el, selector) !== '', `no message in ${selector}`, { timeout: 8000 });
  await el.updateComplete;
}

/** Elements the board has in its shadow root: what the page must lay out. */
function elementCount(el: Board): number {
  return shadow(el).querySelectorAll('*').length;
}

describe('<civic-notice-board> with huge or hostile data', () => {
  useCleanState();
  const consoleErrors = captureConsoleErrors();

  it('a 50 MB feed is not read past 5 MB: a clear message, one console error, and the download stops', async () => {
    const server = new FeedServer();
    const el = await renderBoard({ src: server.hugeFeed(50) });
    expect(textOf(el, '.problem')).to.equal('The notices cannot be shown: the feed is too large for this board to read.');
    expect(consoleErrors()).to.have.length(1);
    expect(consoleErrors()[0]).to.include('5000000 bytes').and.to.include('feed-max-bytes');
    await waitUntil(async () => (await server.requests('huge-feed.json'))[0]?.sent != null, 'the server never saw the reader stop');
    const [request] = await server.requests('huge-feed.json');
    // What was in flight when the board stopped reading (socket buffers), not the 50 MB.
    expect(request!.sent!, `${request!.sent} bytes sent`).to.be.below(20_000_000);
  });

  it('a feed that declares its size is refused before reading, in the page’s language', async () => {
    const server = new FeedServer();
    const el = await renderBoard({ lang: 'zh-Hans', src: server.hugeFeed(8, { declared: true }) });
    expect(textOf(el, '.problem')).to.equal('无法显示通知：订阅源过大，本通知栏无法读取。');
    expect(consoleErrors()).to.have.length(1);
  });

  it('feed-max-bytes sets the limit', async () => {
    const small = await renderBoard({ src: feedFile('notices.json'), 'feed-max-bytes': 2000 });
    expect(textOf(small, '.problem')).to.equal('The notices cannot be shown: the feed is too large for this board to read.');
    const enough = await renderBoard({ src: feedFile('notices.json'), 'feed-max-bytes': 100_000 });
    expect(notices(enough).length).to.equal(6);
    const unusable = await renderBoard({ src: feedFile('notices.json'), 'feed-max-bytes': 0 });
    expect(textOf(unusable, '.problem')).to.equal('The notices cannot be shown here at the moment. For urgent questions, please call the 12345 hotline.');
  });

  it('a CAP alert with 10,000 info blocks (3 MB) is not read past 1 MB: warnings say so, the notices still show', async () => {
    const server = new FeedServer();
    const el = await renderBoard({ 'alerts-src': server.manyInfo(10_000), src: feedFile('notices.json') });
    await waitForProblem(el);
    expect(textOf(el, '.problem')).to.equal(
      'Warnings cannot be shown here: the warnings file is too large for this board. Official channels such as radio and SMS still apply.',
    );
    await waitUntil(() => notices(el).length === 6, 'the notices did not show beside the message', { timeout: 8000 });
    expect(consoleErrors()).to.have.length(1);
    expect(consoleErrors()[0]).to.include('alerts-max-bytes');
  });

  it('an alert with thousands of info blocks within the limit shows one, in the reader’s language, with a handful of elements', async () => {
    const server = new FeedServer();
    const el = await renderBoard({ lang: 'zh-Hans', 'alerts-src': server.manyInfo(2_000), 'alerts-max-bytes': 10_000_000 });
    await waitUntil(() => count(el, '.alert') === 1, 'the warning did not show', { timeout: 8000 });
    // The zh-CN block is the last of 2,000: kept because it is the first in its language.
    expect(textOf(el, '.alert h2')).to.equal('提示 高温蓝色预警');
    expect(elementCount(el), 'elements in the board').to.be.below(40);
  });

  it('an info block with 5,000 areas lists the first 20 and counts the rest', async () => {
    const server = new FeedServer();
    const el = await renderBoard({ 'alerts-src': server.manyInfo(1, 5_000), 'alerts-max-bytes': 10_000_000 });
    await waitUntil(() => count(el, '.alert') === 1, 'the warning did not show', { timeout: 8000 });
    const area = textOf(el, '.alert .area');
    expect(area.startsWith('Area: Area 1；Area 2；'), area.slice(0, 40)).to.equal(true);
    expect(area.endsWith('Area 20 (and 4,980 more)'), area.slice(-40)).to.equal(true);
  });
});
