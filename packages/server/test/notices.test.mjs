// Notice feeds (JSON Feed 1.1 and RSS 2.0) and the staff routes that edit notices.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { staffHeaders, testApp } from './helpers/test-app.mjs';
import { rawDatabase } from './helpers/test-database.mjs';

const seed = JSON.parse(readFileSync(new URL('../seed/notices.json', import.meta.url), 'utf8'));
const problemType = 'application/problem+json; charset=utf-8';
const base = 'http://localhost:80';
const byNewest = (a, b) => Date.parse(b.date_published) - Date.parse(a.date_published);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['item', 'category', 'enclosure'].includes(name) });

/** A fresh server per test: the staff tests change the notices. */
async function withServer(run, flags = {}) {
  const server = await testApp({ 'rate-limit': '1000', ...flags });
  try {
    await run(server.app);
  } finally {
    await server.close();
  }
}

const get = (app, url, headers = {}) => app.inject({ method: 'GET', url, headers });
const staff = (app, method, url, payload, headers = staffHeaders) => app.inject({ method, url, payload, headers });
const rssItems = (response) => parser.parse(response.body).rss.channel.item ?? [];
const assertRefused = (response, status, title) => {
  assert.equal(response.statusCode, status, response.body);
  assert.equal(response.headers['content-type'], problemType);
  assert.deepEqual(response.json(), { type: 'about:blank', title, status });
};

let server;
let app;
before(async () => {
  server = await testApp({ 'rate-limit': '1000' });
  app = server.app;
});
after(() => server.close());

describe('GET /notices/feed.json', () => {
  test('is a JSON Feed 1.1 in Chinese by default, every notice newest first', async () => {
    const response = await get(app, '/notices/feed.json');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/feed+json; charset=utf-8');
    assert.equal(response.headers['content-language'], 'zh-Hans');
    assert.match(response.headers.vary, /Accept-Language/);
    const feed = response.json();
    assert.deepEqual(Object.keys(feed), ['version', 'title', 'home_page_url', 'feed_url', 'language', 'items']);
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.title, '示范区通知公告');
    assert.equal(feed.home_page_url, `${base}/`);
    assert.equal(feed.feed_url, `${base}/notices/feed.json?lang=zh-Hans`);
    assert.equal(feed.language, 'zh-Hans');
    // Expired notices too (n-2026-001 expired on 1 October): the widget hides them itself.
    assert.deepEqual(
      feed.items.map((item) => item.id),
      [...seed].sort(byNewest).map((notice) => notice.id),
    );
    assert.ok(feed.items.some((item) => item.id === 'n-2026-001'));
  });

  test('gives each item its texts, dates, tags, attachments and _civic, leaving out what is not set', async () => {
    const { items } = (await get(app, '/notices/feed.json')).json();
    const parks = items.find((item) => item.id === 'n-2026-009');
    const source = seed.find((notice) => notice.id === 'n-2026-009');
    assert.deepEqual(parks, {
      id: 'n-2026-009',
      url: 'https://example.gov.cn/consultation/pocket-parks',
      title: '漕溪北路沿线口袋公园更新方案公开征求意见',
      summary: source.summary['zh-Hans'],
      content_html: source.content_html['zh-Hans'],
      date_published: '2026-11-05T09:00:00+08:00',
      tags: ['社区生活', '市容环境'],
      language: 'zh-Hans',
      attachments: [
        {
          url: `${base}/files/caoxi-pocket-park-draft-plan.pdf`,
          mime_type: 'application/pdf',
          title: '漕溪北路沿线口袋公园更新方案（草案）',
          size_in_bytes: 651,
        },
      ],
      _civic: { pinned: true },
    });
    const works = items.find((item) => item.id === 'n-2026-010');
    assert.equal('url' in works, false);
    assert.equal('date_modified' in works, false);
    assert.equal('attachments' in works, false);
    assert.deepEqual(works._civic, { pinned: false, expires: '2027-01-20T23:59:59+08:00', severity: 'Minor' });
    const outages = items.find((item) => item.id === 'n-2026-011');
    assert.equal(outages.date_modified, '2026-11-20T09:30:00+08:00');
    assert.deepEqual(outages._civic, { pinned: false, severity: 'Moderate' });
  });

  test('speaks English with ?lang=en or Accept-Language: en, and ?lang wins', async () => {
    for (const [url, headers] of [
      ['/notices/feed.json?lang=en', {}],
      ['/notices/feed.json', { 'accept-language': 'en-GB,en;q=0.9' }],
    ]) {
      const response = await get(app, url, headers);
      assert.equal(response.headers['content-language'], 'en');
      const feed = response.json();
      assert.equal(feed.title, 'Demo District notices');
      assert.equal(feed.language, 'en');
      assert.equal(feed.home_page_url, `${base}/en/`);
      assert.equal(feed.feed_url, `${base}/notices/feed.json?lang=en`);
      const meals = feed.items.find((item) => item.id === 'n-2026-004');
      assert.equal(meals.title, 'How to apply for the senior meal subsidy');
      assert.deepEqual(meals.tags, ['Elderly care']);
      assert.equal(meals.language, 'en');
      assert.equal(meals.attachments[0].title, 'Senior meal subsidy application form');
    }
    const chinese = (await get(app, '/notices/feed.json?lang=zh-CN', { 'accept-language': 'en' })).json();
    assert.equal(chinese.title, '示范区通知公告');
  });
});

describe('GET /notices/feed.xml', () => {
  test('is RSS 2.0 with the channel’s title, link, description, language, lastBuildDate and atom:link self', async () => {
    const response = await get(app, '/notices/feed.xml');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/rss+xml; charset=utf-8');
    assert.match(response.body, /^<\?xml version="1.0" encoding="UTF-8"\?>/);
    const { rss } = parser.parse(response.body);
    assert.equal(rss['@_version'], '2.0');
    assert.equal(rss['@_xmlns:atom'], 'http://www.w3.org/2005/Atom');
    const { channel } = rss;
    assert.equal(channel.title, '示范区通知公告');
    assert.equal(channel.link, `${base}/`);
    assert.equal(typeof channel.description, 'string');
    assert.equal(channel.language, 'zh-cn');
    assert.equal(channel.lastBuildDate, response.headers['last-modified']);
    assert.deepEqual(channel['atom:link'], {
      '@_href': `${base}/notices/feed.xml?lang=zh-Hans`,
      '@_rel': 'self',
      '@_type': 'application/rss+xml',
    });
  });

  test('leaves out expired notices and keeps the rest newest first', async () => {
    const now = Date.now();
    const current = [...seed].filter((notice) => !notice.expires || Date.parse(notice.expires) > now).sort(byNewest);
    const items = rssItems(await get(app, '/notices/feed.xml'));
    assert.deepEqual(
      items.map((item) => item.guid['#text']),
      current.map((notice) => notice.id),
    );
    assert.equal(items.some((item) => item.guid['#text'] === 'n-2026-001'), false, 'expired on 1 October 2026');
    assert.equal(items.some((item) => item.guid['#text'] === 'n-2026-002'), false, 'expired on 31 October 2026');
  });

  test('has guid, title, link, escaped HTML description, RFC 822 pubDate, categories and enclosures', async () => {
    const response = await get(app, '/notices/feed.xml?lang=en');
    const items = rssItems(response);
    const meals = items.find((item) => item.guid['#text'] === 'n-2026-004');
    const source = seed.find((notice) => notice.id === 'n-2026-004');
    assert.equal(meals.guid['@_isPermaLink'], 'false');
    assert.equal(meals.title, 'How to apply for the senior meal subsidy');
    assert.equal(meals.link, `${base}/en/`, 'no url of its own: the home page');
    assert.equal(meals.description, source.content_html.en, 'the HTML comes back whole once the XML is parsed');
    assert.equal(meals.pubDate, 'Tue, 22 Sep 2026 01:00:00 GMT');
    assert.deepEqual(meals.category, ['Elderly care', 'pinned']);
    assert.deepEqual(meals.enclosure, [
      { '@_url': `${base}/files/senior-meal-subsidy-application-form.pdf`, '@_length': '638', '@_type': 'application/pdf' },
    ]);
    const parks = items.find((item) => item.guid['#text'] === 'n-2026-009');
    assert.equal(parks.link, 'https://example.gov.cn/consultation/pocket-parks');
    const works = items.find((item) => item.guid['#text'] === 'n-2026-010');
    assert.deepEqual(works.category, ['Public works'], 'not pinned: no "pinned" category');
    assert.equal('enclosure' in works, false);
    // In the document itself the HTML is escaped text, not markup.
    assert.ok(response.body.includes('&lt;p&gt;Details of the senior meal subsidy are as follows:&lt;/p&gt;'));
    assert.equal(/<description><p>/.test(response.body), false);
  });
});

describe('conditional GET of both feeds', () => {
  for (const path of ['/notices/feed.json', '/notices/feed.xml']) {
    test(`${path}: strong ETag and Last-Modified, 304 when they match, Cache-Control: no-cache`, async () => {
      const first = await get(app, path);
      const { etag } = first.headers;
      const lastModified = first.headers['last-modified'];
      assert.match(etag, /^"[A-Za-z0-9_-]{20,}"$/, 'a strong tag: no W/');
      assert.ok(!Number.isNaN(Date.parse(lastModified)));
      assert.ok(Date.parse(lastModified) <= Date.now());
      assert.equal(first.headers['cache-control'], 'no-cache');

      const again = await get(app, path);
      assert.equal(again.headers.etag, etag, 'same content, same tag');

      const notModified = await get(app, path, { 'if-none-match': etag });
      assert.equal(notModified.statusCode, 304);
      assert.equal(notModified.body, '');
      assert.equal(notModified.headers.etag, etag);
      assert.equal(notModified.headers['cache-control'], 'no-cache');
      assert.equal((await get(app, path, { 'if-none-match': `"other", W/${etag}` })).statusCode, 304);
      assert.equal((await get(app, path, { 'if-none-match': '"other"' })).statusCode, 200);

      assert.equal((await get(app, path, { 'if-modified-since': lastModified })).statusCode, 304);
      const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
      assert.equal((await get(app, path, { 'if-modified-since': earlier })).statusCode, 200);
      assert.equal(
        (await get(app, path, { 'if-none-match': '"other"', 'if-modified-since': lastModified })).statusCode,
        200,
        'If-None-Match wins over If-Modified-Since',
      );

      const english = await get(app, `${path}?lang=en`);
      assert.notEqual(english.headers.etag, etag, 'each language is its own representation');
      assert.equal((await get(app, `${path}?lang=en`, { 'if-none-match': etag })).statusCode, 200);
    });
  }

  test('Last-Modified is never before the newest notice date, nor in the future', async () => {
    await withServer(async (fresh) => {
      const newest = Math.max(...seed.flatMap((notice) => [notice.date_published, notice.date_modified].filter(Boolean).map(Date.parse)));
      const seeded = Date.parse((await get(fresh, '/notices/feed.json')).headers['last-modified']);
      assert.ok(seeded >= Math.floor(newest / 1000) * 1000 && seeded <= Date.now());
      // A notice dated ahead (scheduled) does not push Last-Modified past now.
      const scheduled = await staff(fresh, 'POST', '/notices', { title: { 'zh-Hans': '预告' }, date_published: '2030-01-01T00:00:00+08:00' });
      assert.equal(scheduled.statusCode, 201);
      for (const path of ['/notices/feed.json', '/notices/feed.xml']) {
        const response = await get(fresh, path);
        assert.ok(Date.parse(response.headers['last-modified']) <= Date.now(), path);
      }
    });
  });

  test('a change gives a new ETag, so the old one gets the new feed', async () => {
    await withServer(async (fresh) => {
      const before = await get(fresh, '/notices/feed.json');
      assert.equal((await staff(fresh, 'PATCH', '/notices/n-2026-012', { pinned: true })).statusCode, 200);
      const after = await get(fresh, '/notices/feed.json', { 'if-none-match': before.headers.etag });
      assert.equal(after.statusCode, 200);
      assert.notEqual(after.headers.etag, before.headers.etag);
      assert.equal(after.json().items[0]._civic.pinned, true);
    });
  });
});

describe('staff: POST, PATCH and DELETE /notices', () => {
  test('need the staff token (401 with WWW-Authenticate), whatever the body', async () => {
    const wrong = { authorization: 'Bearer not-the-token-at-all' };
    const cases = [
      ['POST', '/notices', { title: { 'zh-Hans': '未授权' } }],
      ['POST', '/notices', { nonsense: true }],
      ['PATCH', '/notices/n-2026-012', { pinned: true }],
      ['DELETE', '/notices/n-2026-012', undefined],
    ];
    for (const [method, url, payload] of cases) {
      for (const headers of [{}, wrong]) {
        const response = await staff(app, method, url, payload, headers);
        assert.equal(response.statusCode, 401, `${method} ${url}`);
        assert.equal(response.headers['content-type'], problemType);
        assert.equal(response.headers['www-authenticate'], 'Bearer realm="civic-staff"');
        assert.equal(response.headers['cache-control'], 'no-store');
        assert.equal(response.json().status, 401);
      }
    }
    const feed = (await get(app, '/notices/feed.json')).json();
    assert.equal(feed.items.length, seed.length, 'nothing changed');
    assert.equal(feed.items.find((item) => item.id === 'n-2026-012')._civic.pinned, false);
  });

  test('POST creates a notice with a new id, published now, first in both feeds', async () => {
    await withServer(async (fresh) => {
      const before = Date.now();
      const response = await staff(fresh, 'POST', '/notices', {
        title: { 'zh-Hans': '元旦假期办事指南', en: 'Opening hours over New Year' },
        summary: { 'zh-Hans': '1月1日休息。', en: 'Closed on 1 January.' },
        content_html: { 'zh-Hans': '<p>1月1日休息。</p>' },
        tags: { 'zh-Hans': ['便民'], en: ['Services'] },
        pinned: true,
        attachments: [{ url: '/files/hours.pdf', mime_type: 'application/pdf', size_in_bytes: 1200 }],
      });
      assert.equal(response.statusCode, 201, response.body);
      const created = response.json();
      assert.match(created.id, /^n-\d{4}-[0-9a-f]{8}$/);
      assert.ok(Date.parse(created.date_published) >= before - 1000);
      assert.deepEqual(created, {
        id: created.id,
        title: { 'zh-Hans': '元旦假期办事指南', en: 'Opening hours over New Year' },
        summary: { 'zh-Hans': '1月1日休息。', en: 'Closed on 1 January.' },
        content_html: { 'zh-Hans': '<p>1月1日休息。</p>' },
        tags: { 'zh-Hans': ['便民'], en: ['Services'] },
        pinned: true,
        attachments: [{ url: '/files/hours.pdf', mime_type: 'application/pdf', size_in_bytes: 1200 }],
        date_published: created.date_published,
      });

      const feed = (await get(fresh, '/notices/feed.json?lang=en')).json();
      assert.equal(feed.items.length, seed.length + 1);
      assert.deepEqual(feed.items[0], {
        id: created.id,
        title: 'Opening hours over New Year',
        summary: 'Closed on 1 January.',
        // No English HTML: the Chinese is not mixed in, the item stays English...
        content_text: 'Closed on 1 January.',
        date_published: created.date_published,
        tags: ['Services'],
        language: 'en',
        attachments: [{ url: `${base}/files/hours.pdf`, mime_type: 'application/pdf', size_in_bytes: 1200 }],
        _civic: { pinned: true },
      });
      assert.equal(rssItems(await get(fresh, '/notices/feed.xml'))[0].guid['#text'], created.id);

      const onlyChinese = await staff(fresh, 'POST', '/notices', { id: 'zh-only', title: { 'zh-Hans': '仅中文' } });
      assert.equal(onlyChinese.statusCode, 201);
      const item = (await get(fresh, '/notices/feed.json?lang=en')).json().items.find((entry) => entry.id === 'zh-only');
      // ...and one without English at all is given in Chinese, and says so.
      assert.equal(item.title, '仅中文');
      assert.equal(item.language, 'zh-Hans');
      assert.equal(item.content_text, '仅中文', 'JSON Feed needs content_html or content_text');
    });
  });

  test('POST with an id that exists answers 409 and changes nothing', async () => {
    await withServer(async (fresh) => {
      const response = await staff(fresh, 'POST', '/notices?lang=en', { id: 'n-2026-012', title: { 'zh-Hans': '重复' } });
      assertRefused(response, 409, 'A notice with the id "n-2026-012" already exists.');
      const feed = (await get(fresh, '/notices/feed.json')).json();
      assert.equal(feed.items.find((item) => item.id === 'n-2026-012').title, '冬季取暖用电用气安全提示');
    });
  });

  test('POST refuses what a notice cannot be, naming the field', async () => {
    const post = (payload) => staff(app, 'POST', '/notices?lang=en', payload);
    const title = { 'zh-Hans': '标题' };
    assertRefused(await post({ title: { en: 'English only' } }), 400, '"title.zh-Hans" is missing.');
    assertRefused(await post({ summary: { 'zh-Hans': '无标题' } }), 400, '"title" is missing.');
    assertRefused(await post({ title: { 'zh-Hans': '长'.repeat(201) } }), 400, '"title.zh-Hans" can be at most 200 characters long.');
    assertRefused(await post({ title, summary: { en: 'x'.repeat(1001) } }), 400, '"summary.en" can be at most 1000 characters long.');
    assertRefused(await post({ title, content_html: { 'zh-Hans': 'x'.repeat(20_001) } }), 400, '"content_html.zh-Hans" can be at most 20000 characters long.');
    assertRefused(await post({ title, tags: { 'zh-Hans': Array.from({ length: 21 }, (_, i) => `t${i}`) } }), 400, 'The value of "tags.zh-Hans" is not valid.');
    assertRefused(await post({ title: { 'zh-Hans': '标题', fr: 'Titre' } }), 400, 'The field "title.fr" is not accepted.');
    assertRefused(await post({ title, author: 'someone' }), 400, 'The field "author" is not accepted.');
    assertRefused(await post({ id: 'has space', title }), 400, 'The value of "id" is not valid.');
    assertRefused(await post({ title, date_published: 'tomorrow' }), 400, 'The value of "date_published" is not valid.');
    assertRefused(await post({ title, severity: 'Dreadful' }), 400, 'The value of "severity" is not valid.');
    assertRefused(await post({ title, url: 'javascript:alert(1)' }), 400, 'The value of "url" is not valid.');
    const file = { url: '/files/a.pdf', mime_type: 'application/pdf' };
    for (const url of ['javascript:alert(1)', '/etc/passwd', '/files/../../etc/passwd', 'files/a.pdf']) {
      assertRefused(await post({ title, attachments: [{ ...file, url }] }), 400, 'The value of "attachments.url" is not valid.');
    }
    assertRefused(await post({ title, attachments: Array.from({ length: 11 }, () => file) }), 400, 'The value of "attachments" is not valid.');
    assertRefused(await post({ title, attachments: [{ url: '/files/a.pdf' }] }), 400, '"attachments.mime_type" is missing.');
    assert.equal((await get(app, '/notices/feed.json')).json().items.length, seed.length);
  });

  test('a link that no URL parser accepts is refused on POST and PATCH, and the feeds keep working', async () => {
    const title = { 'zh-Hans': '标题' };
    const pdf = { mime_type: 'application/pdf' };
    const post = (payload) => staff(app, 'POST', '/notices?lang=en', payload);
    assertRefused(await post({ title, url: 'https://[x' }), 400, '"url" must be an http or https URL.');
    assertRefused(await post({ title, url: 'http://exa%mple.com/' }), 400, '"url" must be an http or https URL.');
    const attachmentRefusal = '"attachments.url" must be an http or https URL, or a path starting with /files/.';
    assertRefused(await post({ title, attachments: [{ ...pdf, url: 'https://[x' }] }), 400, attachmentRefusal);
    assertRefused(await staff(app, 'PATCH', '/notices/n-2026-012?lang=en', { url: 'https://[x' }), 400, '"url" must be an http or https URL.');
    assertRefused(await staff(app, 'PATCH', '/notices/n-2026-012?lang=en', { attachments: [{ ...pdf, url: 'https://[x' }] }), 400, attachmentRefusal);
    const chinese = await staff(app, 'POST', '/notices', { title, url: 'https://[x' });
    assert.match(chinese.json().title, /“url”必须是 http 或 https 网址/);
    assert.equal((await get(app, '/notices/feed.json')).statusCode, 200);
    assert.equal((await get(app, '/notices/feed.xml')).statusCode, 200);
    assert.equal((await get(app, '/notices/feed.json')).json().items.length, seed.length);
  });

  test('a notice stored with links that do not parse is shown without them, and the feeds do not fail', async () => {
    const server = await testApp();
    try {
      const notice = {
        id: 'bad-links',
        title: { 'zh-Hans': '链接有误的通知' },
        date_published: new Date().toISOString(),
        url: 'https://[x',
        attachments: [
          { url: 'https://[y', mime_type: 'application/pdf' },
          { url: '/files/senior-meal-subsidy-application-form.pdf', mime_type: 'application/pdf' },
        ],
      };
      // Written straight into the database, as an older server or a script might have.
      const db = await rawDatabase(server.config);
      await db.run('INSERT INTO notices (id, data, date_published) VALUES (?, ?, ?)', notice.id, JSON.stringify(notice), notice.date_published);
      await db.close();

      const json = await get(server.app, '/notices/feed.json');
      assert.equal(json.statusCode, 200, json.body);
      const item = json.json().items.find((entry) => entry.id === 'bad-links');
      assert.equal('url' in item, false);
      assert.deepEqual(item.attachments, [{ url: `${base}/files/senior-meal-subsidy-application-form.pdf`, mime_type: 'application/pdf' }]);

      const xml = await get(server.app, '/notices/feed.xml');
      assert.equal(xml.statusCode, 200, xml.body);
      const rssItem = rssItems(xml).find((entry) => entry.guid['#text'] === 'bad-links');
      assert.equal(rssItem.link, `${base}/`, 'the home page instead of the broken link');
      assert.deepEqual(
        rssItem.enclosure.map((enclosure) => enclosure['@_url']),
        [`${base}/files/senior-meal-subsidy-application-form.pdf`],
      );
    } finally {
      await server.close();
    }
  });

  test('staff answers are never cached', async () => {
    await withServer(async (fresh) => {
      const created = await staff(fresh, 'POST', '/notices', { title: { 'zh-Hans': '不缓存' } });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.headers['cache-control'], 'no-store');
      const patched = await staff(fresh, 'PATCH', `/notices/${created.json().id}`, { pinned: true });
      assert.equal(patched.headers['cache-control'], 'no-store');
    });
  });

  test('PATCH changes only the fields sent, clears those sent as null, and sets date_modified', async () => {
    await withServer(async (fresh) => {
      const before = Date.now();
      const response = await staff(fresh, 'PATCH', '/notices/n-2026-010', {
        title: { 'zh-Hans': '宜山路施工交通提示（已更新）' },
        severity: null,
        pinned: true,
      });
      assert.equal(response.statusCode, 200, response.body);
      const updated = response.json();
      const source = seed.find((notice) => notice.id === 'n-2026-010');
      assert.deepEqual(updated.title, { 'zh-Hans': '宜山路施工交通提示（已更新）' });
      assert.equal('severity' in updated, false);
      assert.equal(updated.pinned, true);
      assert.deepEqual(updated.summary, source.summary, 'not sent, not changed');
      assert.equal(updated.date_published, source.date_published);
      assert.ok(Date.parse(updated.date_modified) >= before - 1000);

      const item = (await get(fresh, '/notices/feed.json')).json().items.find((entry) => entry.id === 'n-2026-010');
      assert.equal(item.title, '宜山路施工交通提示（已更新）');
      assert.equal(item.date_modified, updated.date_modified);
      assert.deepEqual(item._civic, { pinned: true, expires: source.expires });
    });
  });

  test('PATCH and DELETE answer 404 for an unknown notice; PATCH refuses an empty or invalid change', async () => {
    assertRefused(await staff(app, 'PATCH', '/notices/no-such-notice?lang=en', { pinned: true }), 404, 'No notice has the id "no-such-notice".');
    assertRefused(await staff(app, 'DELETE', '/notices/no-such-notice'), 404, '找不到编号为“no-such-notice”的通知。');
    assert.equal((await staff(app, 'PATCH', '/notices/n-2026-012', {})).statusCode, 400);
    assertRefused(await staff(app, 'PATCH', '/notices/n-2026-012?lang=en', { title: null }), 400, 'The value of "title" is not valid.');
    assertRefused(await staff(app, 'PATCH', '/notices/n-2026-012?lang=en', { id: 'renamed' }), 400, 'The field "id" is not accepted.');
  });

  test('DELETE answers 204 and the notice is gone from both feeds', async () => {
    await withServer(async (fresh) => {
      const before = await get(fresh, '/notices/feed.xml');
      const response = await staff(fresh, 'DELETE', '/notices/n-2026-012');
      assert.equal(response.statusCode, 204);
      assert.equal(response.body, '');
      const feed = (await get(fresh, '/notices/feed.json')).json();
      assert.equal(feed.items.some((item) => item.id === 'n-2026-012'), false);
      const after = await get(fresh, '/notices/feed.xml', { 'if-none-match': before.headers.etag });
      assert.equal(after.statusCode, 200);
      assert.equal(rssItems(after).some((item) => item.guid['#text'] === 'n-2026-012'), false);
      assert.equal((await staff(fresh, 'DELETE', '/notices/n-2026-012')).statusCode, 404);
    });
  });

  test('a notice that has expired stays in the JSON Feed and leaves RSS', async () => {
    await withServer(async (fresh) => {
      const expires = new Date(Date.now() - 60_000).toISOString();
      const created = await staff(fresh, 'POST', '/notices', { id: 'gone', title: { 'zh-Hans': '已过期' }, expires });
      assert.equal(created.statusCode, 201);
      const item = (await get(fresh, '/notices/feed.json')).json().items.find((entry) => entry.id === 'gone');
      assert.deepEqual(item._civic, { expires });
      assert.equal(rssItems(await get(fresh, '/notices/feed.xml')).some((entry) => entry.guid['#text'] === 'gone'), false);
    });
  });

  test('RSS escapes HTML and XML specials in what staff wrote, and it parses back unchanged', async () => {
    await withServer(async (fresh) => {
      const title = 'Fish & chips <script>alert("x")</script> ]]> \'quoted\'';
      const html = '<p>A &amp; B, <a href="https://example.gov.cn/?a=1&amp;b=2">link</a> ]]&gt; <script>alert(1)</script></p>';
      const created = await staff(fresh, 'POST', '/notices', {
        id: 'tricky',
        title: { 'zh-Hans': title },
        content_html: { 'zh-Hans': html },
        tags: { 'zh-Hans': ['<b>&'] },
        url: 'https://example.gov.cn/notice?a=1&b=2',
      });
      assert.equal(created.statusCode, 201, created.body);
      const response = await get(fresh, '/notices/feed.xml');
      assert.equal(response.body.includes('<script>'), false, 'no raw markup in the XML');
      const item = rssItems(response).find((entry) => entry.guid['#text'] === 'tricky');
      assert.equal(item.title, title);
      assert.equal(item.description, html);
      assert.deepEqual(item.category, ['<b>&']);
      assert.equal(item.link, 'https://example.gov.cn/notice?a=1&b=2');
    });
  });

  test('staff writes are rate limited in the staff bucket: 429 with Retry-After', async () => {
    await withServer(
      async (limited) => {
        assert.equal((await staff(limited, 'PATCH', '/notices/n-2026-012', { pinned: true })).statusCode, 200);
        assert.equal((await staff(limited, 'DELETE', '/notices/n-2026-011')).statusCode, 204);
        const refused = await staff(limited, 'POST', '/notices', { title: { 'zh-Hans': '第三次' } });
        assert.equal(refused.statusCode, 429);
        assert.ok(Number(refused.headers['retry-after']) >= 1);
        assert.equal(refused.headers['content-type'], problemType);
        assert.equal((await get(limited, '/notices/feed.json')).statusCode, 200, 'reading is not limited');
      },
      { 'staff-rate-limit': '2' },
    );
  });
});
