import { expect } from '@open-wc/testing';
import { feedOrigin } from '/test-config.js';
import { parseFeed } from '../src/feeds/parse-feed.js';
import { materialize } from './hostile-payloads.js';
import { FeedServer, feedFile } from './helpers/feed-server.js';

// The feed test server itself: the other tests are only as good as what it
// serves and records.

/** A request the browser's cache stays out of, so the test sees the server's own status. */
function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { cache: 'no-store', headers });
}

describe('feed test server', () => {
  it('serves the feed files with an ETag, a Last-Modified, no-cache and CORS for any origin', async () => {
    const response = await get(feedFile('notices.json'));
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('application/feed+json; charset=utf-8');
    expect(response.headers.get('etag')).to.match(/^"[0-9a-f]{20}"$/);
    expect(Number.isNaN(Date.parse(response.headers.get('last-modified') ?? ''))).to.equal(false);
    expect(response.headers.get('cache-control')).to.equal('no-cache');
    // That this page (another origin) reads it at all, ETag included, is CORS at work.
    for (const [file, type] of [
      ['notices.rss', 'application/rss+xml; charset=utf-8'],
      ['notices.atom', 'application/atom+xml; charset=utf-8'],
      ['cap/minor.xml', 'application/cap+xml; charset=utf-8'],
      ['not-a-feed.html', 'text/html; charset=utf-8'],
    ]) {
      expect((await get(feedFile(file!))).headers.get('content-type'), file).to.equal(type);
    }
    expect((await get(feedFile('../server/feed-test-server.mjs'))).status).to.equal(404);
  });

  it('answers 304 to a matching If-None-Match (weak or strong) and to a fresh If-Modified-Since; If-None-Match wins', async () => {
    const first = await get(feedFile('notices.rss'));
    const etag = first.headers.get('etag')!;
    const modified = first.headers.get('last-modified')!;
    expect((await get(feedFile('notices.rss'), { 'If-None-Match': etag })).status).to.equal(304);
    expect((await get(feedFile('notices.rss'), { 'If-None-Match': `"other", W/${etag}` })).status).to.equal(304);
    expect((await get(feedFile('notices.rss'), { 'If-None-Match': '"other"' })).status).to.equal(200);
    expect((await get(feedFile('notices.rss'), { 'If-Modified-Since': modified })).status).to.equal(304);
    expect((await get(feedFile('notices.rss'), { 'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' })).status).to.equal(200);
    expect((await get(feedFile('notices.rss'), { 'If-None-Match': '"other"', 'If-Modified-Since': modified })).status).to.equal(200);
  });

  it('records every request of a namespace, with its If-None-Match and what it answered', async () => {
    const server = new FeedServer();
    const etag = await server.setFeed({ body: '{"version":"https://jsonfeed.org/version/1.1","items":[]}' });
    await get(server.feedUrl);
    await get(server.feedUrl, { 'If-None-Match': etag });
    await server.setMode('500');
    await get(server.file('notices.json'));
    const log = await server.log();
    expect(log.map((request) => [request.path, request.ifNoneMatch, request.status, request.etag])).to.deep.equal([
      ['feed', null, 200, etag],
      ['feed', etag, 304, etag],
      ['feeds/notices.json', null, 500, null],
    ]);
    // Another namespace saw none of it.
    expect(await new FeedServer().log()).to.deep.equal([]);
  });

  it('generates N notices in each format, newest first', async () => {
    for (const format of ['json', 'rss', 'atom'] as const) {
      const url = new FeedServer().generated(30, format);
      const { notices } = parseFeed(await (await get(url)).text(), url);
      expect(notices.length, format).to.equal(30);
      expect(notices[29]!.title, format).to.equal('第30号通知 Notice 30');
    }
  });

  it('builds hostile feeds that are well-formed and carry every payload exactly', async () => {
    const server = new FeedServer();
    const payloads = materialize(server.beaconBase);
    await server.setPayloads(payloads);
    for (const format of ['json', 'rss', 'atom'] as const) {
      const url = server.hostile(format);
      const notices = parseFeed(await (await get(url)).text(), url).notices.slice(0, payloads.length);
      expect(notices.map((notice) => notice.title), format).to.deep.equal(payloads.map((payload) => payload.trim()));
      expect(notices.map((notice) => notice.contentHtml || notice.contentText), format).to.deep.equal(payloads.map((payload) => payload.trim()));
    }
    expect(feedOrigin).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
