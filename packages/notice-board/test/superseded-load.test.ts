import { expect, waitUntil } from '@open-wc/testing';
import { FeedServer, feedFile } from './helpers/feed-server.js';
import { captureConsoleErrors, count, has, listSettled, renderBoard, titles, useCleanState, type Board } from './helpers/board.js';

// A feed or a warnings file that is slow to come is given up on, not merely
// ignored, when the board is pointed elsewhere or leaves the page: its
// connection is closed (the test server sees it), and only the new data shows.

const firstNotice = '关于做好2026年汛期安全防范工作的通知';

/** Resolves once the held request for `path` has reached the server, and returns whether the client has given up on it. */
async function heldRequest(server: FeedServer, path: string): Promise<() => Promise<boolean>> {
  await waitUntil(async () => (await server.requests(path)).length === 1, `${path} was not requested`);
  return async () => (await server.requests(path))[0]!.cancelled;
}

describe('<civic-notice-board> superseded loads', () => {
  useCleanState();
  const widgetErrors = captureConsoleErrors();

  it('a new src cancels the request for the old feed, and the new notices show', async () => {
    const slow = new FeedServer();
    await slow.setMode('hang');
    const el: Board = await renderBoard({ src: slow.file('notices.rss') }, { settle: false });
    const cancelled = await heldRequest(slow, 'feeds/notices.rss');
    expect(has(el, '.loading')).to.equal(true);
    el.src = feedFile('notices.json');
    await listSettled(el);
    expect(titles(el)[0]).to.equal(firstNotice);
    await waitUntil(cancelled, 'the request for the old feed was left open');
    expect(widgetErrors()).to.deep.equal([]);
  });

  it('a new alerts-src cancels the request for the old warnings, and the new warnings show', async () => {
    const slow = new FeedServer();
    await slow.setMode('hang');
    const el = await renderBoard({ 'alerts-src': slow.file('alerts-embedded.atom'), src: feedFile('empty.json') });
    const cancelled = await heldRequest(slow, 'feeds/alerts-embedded.atom');
    expect(count(el, '.alert')).to.equal(0);
    el.alertsSrc = feedFile('cap/minor.xml');
    await waitUntil(() => count(el, '.alert') === 1, 'the new warning is not shown');
    await waitUntil(cancelled, 'the request for the old warnings was left open');
    expect(widgetErrors()).to.deep.equal([]);
  });

  it('leaving the page cancels a feed still loading; back in the page, it loads again', async () => {
    const server = new FeedServer();
    await server.setMode('hang');
    const el = await renderBoard({ src: server.file('notices.json') }, { settle: false });
    const cancelled = await heldRequest(server, 'feeds/notices.json');
    const parent = el.parentElement!;
    el.remove();
    await waitUntil(cancelled, 'the request was left open after the board left the page');
    await server.setMode('ok');
    parent.append(el);
    await listSettled(el);
    expect(titles(el)[0]).to.equal(firstNotice);
    expect((await server.requests('feeds/notices.json')).length).to.equal(2);
  });
});
