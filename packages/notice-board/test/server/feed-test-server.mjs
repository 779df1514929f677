// A real feed server for the <civic-notice-board> tests, in plain node:http.
//
// It serves the real feed files in ../feeds/ (JSON Feed, RSS, Atom, CAP 1.2 and
// the broken ones) the way a district CMS would: with an ETag and a
// Last-Modified, answering 304 to a matching If-None-Match (or, without one, to
// an If-Modified-Since that is not older), and to any origin (CORS `*`, no
// credentials). Beside them it makes feeds on demand:
//
//   GET /feeds/{path}                     a file of ../feeds/ (files/* and img/* answer with a small stand-in)
//   GET /generated?items=N&format=F       N notices (F: json | rss | atom), e.g. items=50000
//   GET /ns/{ns}/…                        all of the above, plus, per namespace:
//   GET /ns/{ns}/feed                     a feed whose content the test sets (for refresh)
//   GET /ns/{ns}/hostile.{json|rss|atom}  a feed built from the payloads the test posted
//   GET /ns/{ns}/hostile-alerts.atom      an Atom feed of CAP alerts built from the same payloads
//   GET /ns/{ns}/alerts-links.atom?count=N  an Atom feed linking to N CAP alerts (/ns/{ns}/linked-cap/{i}.xml)
//   GET /ns/{ns}/beacon/{id}              records that something loaded it (it should never be loaded)
//   GET /ns/{ns}/huge-feed.json?mb=N[&declared=1]  a valid JSON Feed of about N MB, streamed (with
//                                         Content-Length only with declared=1); the log's `sent` says
//                                         how many bytes went out before the client stopped reading
//   GET /ns/{ns}/many-info.xml?count=N[&areas=M]  a CAP alert with N info blocks (en-US, the last
//                                         zh-CN), the first with M areas
//
// Every request under /ns/{ns}/ is recorded, with its If-None-Match, and
// /ns/{ns}/__control/ changes a namespace:
//
//   GET  __control/log                    what arrived, in order (and what was answered)
//   POST __control/feed                   {"file": "notices.json"} or {"body": "…", "type": "…"}: the new content of /feed
//   POST __control/hostile                {"payloads": ["…", …]}: the corpus the hostile feeds are built from
//   POST __control/mode?set=ok|hang|500|503|404   how the namespace answers (control routes always answer)
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const feedsDir = fileURLToPath(new URL('../feeds/', import.meta.url));
const maxBodyBytes = 4 * 1024 * 1024;

const types = {
  '.json': 'application/feed+json; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.xml': 'application/cap+xml; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/** A 1×1 transparent PNG, for images and attachments the feeds point at. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** Starts the server on 127.0.0.1; `port = 0` picks a free port. */
export async function startFeedTestServer({ port = 0 } = {}) {
  const namespaces = new Map();
  const generated = new Map();
  const held = new Set();
  const server = createServer((req, res) => {
    handle(req, res, { namespaces, generated, held, origin }).catch((error) => {
      console.error('[feed-test-server]', error);
      if (!res.headersSent) sendText(res, 500, `Internal test server error: ${error}`, 'text/plain; charset=utf-8');
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    close() {
      for (const release of held) release();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function namespaceState() {
  return {
    mode: 'ok',
    /** Every request to this namespace, in arrival order. */
    log: [],
    /** The content of /ns/{ns}/feed. */
    feed: undefined,
    payloads: [],
  };
}

async function handle(req, res, context) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  allowCors(res);
  if (req.method === 'OPTIONS') return void res.writeHead(204).end();

  const match = /^\/ns\/([\w.-]+)\/(.*)$/.exec(url.pathname);
  if (!match) return serve(req, res, url, url.pathname.slice(1), undefined, context);

  let ns = context.namespaces.get(match[1]);
  if (!ns) context.namespaces.set(match[1], (ns = namespaceState()));
  const route = match[2];
  if (route.startsWith('__control/')) return control(req, res, ns, route.slice('__control/'.length), url);

  const entry = {
    method: req.method,
    path: route,
    search: url.search,
    ifNoneMatch: header(req, 'if-none-match'),
    ifModifiedSince: header(req, 'if-modified-since'),
    accept: header(req, 'accept'),
    referer: header(req, 'referer'),
    cookie: header(req, 'cookie'),
    status: 0,
    etag: null,
    /** Body bytes written, for the streamed routes (set when the connection closes). */
    sent: null,
    /** A request held in 'hang' mode whose connection the client closed (it gave up on it). */
    cancelled: false,
  };
  ns.log.push(entry);
  res.on('finish', () => {
    entry.status = res.statusCode;
    entry.etag = res.getHeader('etag') ?? null;
  });
  res.on('close', () => {
    entry.sent = res.civicSent ?? null;
  });
  if (ns.mode === 'hang') {
    // Only the client closes a held request's connection before the server stops.
    res.on('close', () => (entry.cancelled = true));
    return void context.held.add(() => req.socket.destroy());
  }
  if (/^\d{3}$/.test(ns.mode)) return sendText(res, Number(ns.mode), `The test server answers ${ns.mode}.`, 'text/plain; charset=utf-8');
  return serve(req, res, url, route, ns, context);
}

async function serve(req, res, url, route, ns, context) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'GET only', 'text/plain; charset=utf-8');
  if (route.startsWith('feeds/files/') || route.startsWith('feeds/img/')) {
    return route.endsWith('.png') ? sendBytes(res, 200, png, 'image/png') : sendText(res, 200, 'stand-in attachment', 'application/octet-stream');
  }
  if (route.startsWith('feeds/')) return serveFile(req, res, route.slice('feeds/'.length));
  if (route === 'generated') return serveGenerated(req, res, url, context.generated);
  if (ns && route.startsWith('beacon/')) return void res.writeHead(204).end();
  if (ns && route === 'huge-feed.json') return streamHugeFeed(req, res, url);
  if (ns && route === 'many-info.xml') {
    const count = Math.min(Number(url.searchParams.get('count') ?? 10) || 1, 100_000);
    const areas = Math.min(Number(url.searchParams.get('areas') ?? 1) || 1, 100_000);
    return sendCacheable(req, res, manyInfoAlert(count, areas), types['.xml']);
  }
  if (ns && route === 'feed') {
    if (!ns.feed) return sendText(res, 404, 'No feed set for this namespace yet.', 'text/plain; charset=utf-8');
    return sendCacheable(req, res, ns.feed.body, ns.feed.type, ns.feed.lastModified);
  }
  if (ns && /^hostile\.(json|rss|atom)$/.test(route)) {
    const format = route.split('.')[1];
    return sendCacheable(req, res, hostileFeed(format, ns.payloads, context.origin), types[`.${format}`]);
  }
  if (ns && route === 'hostile-alerts.atom') return sendCacheable(req, res, hostileAlerts(ns.payloads), types['.atom']);
  if (ns && route === 'alerts-links.atom') {
    const count = Math.min(Number(url.searchParams.get('count') ?? 12) || 0, 100);
    return sendCacheable(req, res, alertLinks(count), types['.atom']);
  }
  const linked = /^linked-cap\/(\d+)\.xml$/.exec(route);
  if (ns && linked) return sendCacheable(req, res, capAlert({ identifier: `LINKED-${linked[1]}`, headline: `Linked warning ${linked[1]}`, severity: 'Minor', sent: sentAt(Number(linked[1])) }), types['.xml']);
  return sendText(res, 404, `No route ${route}`, 'text/plain; charset=utf-8');
}

async function serveFile(req, res, relative) {
  const path = normalize(join(feedsDir, decodeURIComponent(relative)));
  if (!path.startsWith(feedsDir) || path.endsWith(sep)) return sendText(res, 404, 'Not found', 'text/plain; charset=utf-8');
  let text;
  let modified;
  try {
    [text, modified] = await Promise.all([readFile(path, 'utf8'), stat(path).then((info) => info.mtime)]);
  } catch {
    return sendText(res, 404, `No file ${relative}`, 'text/plain; charset=utf-8');
  }
  return sendCacheable(req, res, text, types[extname(path)] ?? 'application/octet-stream', modified);
}

// ---------------------------------------------------------------------------
// Conditional requests

function etagOf(text) {
  return `"${createHash('sha1').update(text).digest('hex').slice(0, 20)}"`;
}

/** RFC 9110 13.1.2: weak comparison; `*` matches any current representation. */
function matchesEtag(ifNoneMatch, etag) {
  if (ifNoneMatch.trim() === '*') return true;
  const bare = (tag) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
}

function sendCacheable(req, res, text, type, lastModified = new Date(0)) {
  const etag = etagOf(text);
  const modified = new Date(Math.floor(lastModified.getTime() / 1000) * 1000);
  const headers = {
    'Content-Type': type,
    ETag: etag,
    'Last-Modified': modified.toUTCString(),
    // Kept, but checked every time: a feed reader revalidates instead of refetching.
    'Cache-Control': 'no-cache',
  };
  const ifNoneMatch = header(req, 'if-none-match');
  const ifModifiedSince = header(req, 'if-modified-since');
  // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2).
  const unchanged = ifNoneMatch !== null ? matchesEtag(ifNoneMatch, etag) : ifModifiedSince !== null && Date.parse(ifModifiedSince) >= modified.getTime();
  if (unchanged) return void res.writeHead(304, headers).end();
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : text);
}

// ---------------------------------------------------------------------------
// Generated feeds

const generatedTags = ['社区', '交通', '安全', '环境', '卫生健康'];
const generatedBase = Date.parse('2026-03-11T09:00:00+08:00');

function serveGenerated(req, res, url, cache) {
  const items = Number(url.searchParams.get('items') ?? 20);
  const format = url.searchParams.get('format') ?? 'json';
  if (!Number.isInteger(items) || items < 0 || items > 200_000) return sendText(res, 400, 'items must be 0 to 200000', 'text/plain; charset=utf-8');
  if (!['json', 'rss', 'atom'].includes(format)) return sendText(res, 400, 'format must be json, rss or atom', 'text/plain; charset=utf-8');
  const key = `${format}:${items}`;
  if (!cache.has(key)) cache.set(key, generatedFeed(format, items));
  return sendCacheable(req, res, cache.get(key), types[`.${format}`]);
}

/** Notice i: "第 i 号通知 / Notice i", one hour older than notice i - 1, tagged in turn. */
function generatedNotice(i) {
  return {
    id: `https://www.binjiang.example.gov.cn/generated/${i}`,
    url: `https://www.binjiang.example.gov.cn/generated/${i}.html`,
    title: `第${i}号通知 Notice ${i}`,
    html: `<p>Generated notice number ${i}. 这是第${i}号测试通知。</p>`,
    date: new Date(generatedBase - i * 3_600_000),
    tags: [generatedTags[i % generatedTags.length]],
  };
}

function generatedFeed(format, count) {
  const notices = Array.from({ length: count }, (_, i) => generatedNotice(i + 1));
  if (format === 'json') {
    return JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Generated notices',
      items: notices.map((notice) => ({
        id: notice.id,
        url: notice.url,
        title: notice.title,
        content_html: notice.html,
        date_published: notice.date.toISOString(),
        tags: notice.tags,
      })),
    });
  }
  if (format === 'rss') {
    return rss(
      notices.map(
        (notice) => `<item><guid>${xml(notice.id)}</guid><title>${xml(notice.title)}</title><link>${xml(notice.url)}</link><description>${xml(notice.html)}</description><pubDate>${notice.date.toUTCString()}</pubDate>${notice.tags.map((tag) => `<category>${xml(tag)}</category>`).join('')}</item>`,
      ),
    );
  }
  return atom(
    notices.map(
      (notice) => `<entry><id>${xml(notice.id)}</id><title>${xml(notice.title)}</title><link href="${xml(notice.url)}"/><updated>${notice.date.toISOString()}</updated><content type="html">${xml(notice.html)}</content>${notice.tags.map((tag) => `<category term="${xml(tag)}"/>`).join('')}</entry>`,
    ),
  );
}

function rss(items) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Test feed</title><link>https://www.binjiang.example.gov.cn/</link><description>Test feed</description>\n${items.join('\n')}\n</channel></rss>\n`;
}

function atom(entries) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:test:feed</id><title>Test feed</title><updated>2026-03-11T09:00:00+08:00</updated>\n${entries.join('\n')}\n</feed>\n`;
}

// ---------------------------------------------------------------------------
// Hostile feeds: every payload as title, summary, tag, attachment name and content

/** Links and enclosures no board may ever follow; item i gets the (i mod n)th. */
const hostileUrls = [
  'javascript:window.__pwned=1001',
  'JAVASCRIPT:window.__pwned=1002',
  ' javascript:window.__pwned=1003',
  'java\tscript:window.__pwned=1004',
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xMDA1PC9zY3JpcHQ+',
  'vbscript:msgbox(1006)',
  'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1007"/>',
  'file:///etc/passwd',
];

/** Item i, published i minutes before the base time, so the board lists them in corpus order. */
function hostileDate(i) {
  return new Date(generatedBase - i * 60_000);
}

/** Enclosure URL whose last path segment decodes to the payload (RSS names an attachment by its file). */
function payloadFileUrl(origin, payload) {
  return `${origin}/feeds/files/${encodeURIComponent(payload)}`;
}

/** A CDATA section that holds any text, `]]>` included. */
function cdata(text) {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

function hostileFeed(format, payloads, origin) {
  const attachmentBase = origin;
  if (format === 'json') {
    return JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Hostile JSON Feed',
      items: payloads.map((payload, i) => ({
        id: `hostile-${i}`,
        url: hostileUrls[i % hostileUrls.length],
        external_url: hostileUrls[(i + 1) % hostileUrls.length],
        image: hostileUrls[(i + 2) % hostileUrls.length],
        title: payload,
        summary: payload,
        // Every third item carries its payload as plain text, which must stay text.
        ...(i % 3 === 2 ? { content_text: payload } : { content_html: payload }),
        date_published: hostileDate(i).toISOString(),
        tags: [payload, 'hostile'],
        attachments: [
          { url: payloadFileUrl(attachmentBase, payload), title: payload, mime_type: 'application/pdf', size_in_bytes: 1000 },
          { url: hostileUrls[(i + 3) % hostileUrls.length], title: `hostile link ${i}`, mime_type: 'text/html' },
        ],
      })),
    });
  }
  if (format === 'rss') {
    return rss(
      payloads.map((payload, i) => {
        // Escaped HTML, in a CDATA section, or as content:encoded beside an escaped description.
        const description = i % 3 === 0 ? `<description>${xml(payload)}</description>` : i % 3 === 1 ? `<description>${cdata(payload)}</description>` : `<description>${xml(payload)}</description><content:encoded>${cdata(payload)}</content:encoded>`;
        return `<item><guid isPermaLink="false">hostile-${i}</guid><title>${xml(payload)}</title><link>${xml(hostileUrls[i % hostileUrls.length])}</link>${description}<pubDate>${hostileDate(i).toUTCString()}</pubDate><category>${xml(payload)}</category><category>hostile</category><enclosure url="${xml(payloadFileUrl(attachmentBase, payload))}" length="1000" type="application/pdf"/><enclosure url="${xml(hostileUrls[(i + 3) % hostileUrls.length])}" length="1" type="text/html"/></item>`;
      }),
    );
  }
  const entries = payloads.map((payload, i) => {
    const content = i % 2 === 0 ? `<content type="html">${xml(payload)}</content>` : `<content type="html">${cdata(payload)}</content>`;
    return `<entry><id>hostile-${i}</id><title type="text">${xml(payload)}</title><link rel="alternate" href="${xml(hostileUrls[i % hostileUrls.length])}"/><link rel="enclosure" type="application/pdf" length="1000" title="${xml(payload)}" href="${xml(payloadFileUrl(attachmentBase, payload))}"/><link rel="enclosure" href="${xml(hostileUrls[(i + 3) % hostileUrls.length])}" title="hostile link ${i}"/><updated>${hostileDate(i).toISOString()}</updated><summary type="text">${xml(payload)}</summary>${content}<category term="${xml(payload)}"/><category term="hostile"/></entry>`;
  });
  // Well-formed XHTML content can carry markup no HTML payload can: namespaced script, SVG and XLink.
  entries.push(`<entry><id>hostile-xhtml</id><title>XHTML content</title><updated>${hostileDate(payloads.length).toISOString()}</updated><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p onclick="window.__pwned=2001">XHTML</p><script>window.__pwned=2002</script><img src="x" onerror="window.__pwned=2003"/><a href="javascript:window.__pwned=2004">link</a><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="window.__pwned=2005"><script>window.__pwned=2006</script><a xlink:href="javascript:window.__pwned=2007"><text>svg</text></a></svg><iframe src="javascript:parent.__pwned=2008"/><math xmlns="http://www.w3.org/1998/Math/MathML" href="javascript:window.__pwned=2009"><mi>x</mi></math><style>p{background:url(javascript:window.__pwned=2010)}</style></div></content><category term="hostile"/></entry>`);
  return atom(entries);
}

function sentAt(i) {
  return new Date(generatedBase - i * 60_000).toISOString().replace('.000Z', '+00:00');
}

function capAlert({ identifier, headline, severity = 'Minor', urgency = 'Expected', sent, description = '', instruction = '', areaDesc = '', web = '', event = '' }) {
  return `<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>${xml(identifier)}</identifier><sender>test@binjiang.example.gov.cn</sender><sent>${sent}</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope><info><language>zh-CN</language><category>Safety</category><event>${xml(event)}</event><urgency>${urgency}</urgency><severity>${severity}</severity><certainty>Likely</certainty><expires>2099-01-01T00:00:00+08:00</expires><headline>${xml(headline)}</headline><description>${xml(description)}</description><instruction>${xml(instruction)}</instruction>${web ? `<web>${xml(web)}</web>` : ''}<area><areaDesc>${xml(areaDesc)}</areaDesc></area></info></alert>`;
}

/** One embedded CAP alert per payload: headline, event, description, instruction and area are the payload; `web` is a hostile URL. */
function hostileAlerts(payloads) {
  return atom(
    payloads.map(
      (payload, i) =>
        `<entry><id>urn:hostile-alert:${i}</id><title>${xml(payload)}</title><updated>${sentAt(i)}</updated><content type="application/cap+xml">${capAlert({
          identifier: `HOSTILE-${i}`,
          headline: payload,
          event: payload,
          description: payload,
          instruction: payload,
          areaDesc: payload,
          web: hostileUrls[i % hostileUrls.length],
          sent: sentAt(i),
          // A few urgent ones, which are rendered without a dismiss button.
          severity: i % 10 === 0 ? 'Severe' : 'Minor',
          urgency: i % 10 === 0 ? 'Immediate' : 'Expected',
        })}</content></entry>`,
    ),
  );
}

function alertLinks(count) {
  return atom(
    Array.from(
      { length: count },
      (_, i) => `<entry><id>urn:linked:${i + 1}</id><title>Linked warning ${i + 1}</title><updated>${sentAt(i + 1)}</updated><link rel="alternate" type="application/cap+xml" href="linked-cap/${i + 1}.xml"/></entry>`,
    ),
  );
}

// ---------------------------------------------------------------------------
// Huge and hostile-by-size data

/**
 * A JSON Feed of about `mb` MB, written chunk by chunk as the client reads
 * (backpressure), so a client that stops reading stops the server too.
 */
async function streamHugeFeed(req, res, url) {
  const bytes = Math.min(Number(url.searchParams.get('mb') ?? 50) || 1, 200) * 1_000_000;
  const head = '{"version":"https://jsonfeed.org/version/1.1","title":"Huge feed","items":[';
  const item = (i) => `${i ? ',' : ''}{"id":"huge-${i}","title":"第${i}号通知 Notice ${i}","content_text":"${'这是一条很长的测试通知。'.repeat(20)}","date_published":"2026-03-11T09:00:00+08:00"}`;
  const itemBytes = Buffer.byteLength(item(1));
  const count = Math.max(1, Math.floor((bytes - head.length - 2) / itemBytes));
  const headers = { 'Content-Type': types['.json'], 'Cache-Control': 'no-store' };
  if (url.searchParams.get('declared') === '1') headers['Content-Length'] = String(head.length + Buffer.byteLength(item(0)) + (count - 1) * itemBytes + 2);
  res.writeHead(200, headers);
  res.civicSent = 0;
  const write = (text) => {
    res.civicSent += Buffer.byteLength(text);
    return res.write(text);
  };
  write(head);
  for (let i = 0; i < count; i++) {
    if (res.destroyed) return;
    if (!write(item(i))) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
  }
  if (!res.destroyed) {
    write(']}');
    res.end();
  }
}

/** One CAP alert with `count` info blocks, all en-US but the last (zh-CN); the first has `areas` areas. */
function manyInfoAlert(count, areas) {
  const info = (i) => {
    const language = i === count - 1 ? 'zh-CN' : 'en-US';
    const areaCount = i === 0 ? areas : 1;
    const areaList = Array.from({ length: areaCount }, (_, a) => `<area><areaDesc>Area ${a + 1}</areaDesc></area>`).join('');
    return `<info><language>${language}</language><category>Met</category><event>Heat</event><urgency>Expected</urgency><severity>Minor</severity><certainty>Likely</certainty><expires>2099-01-01T00:00:00+08:00</expires><headline>${language === 'zh-CN' ? '高温蓝色预警' : `Heat advisory ${i + 1}`}</headline><description>Block ${i + 1}</description>${areaList}</info>`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>MANY-INFO-${count}</identifier><sender>test@binjiang.example.gov.cn</sender><sent>2026-03-11T06:00:00+08:00</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope>${Array.from({ length: count }, (_, i) => info(i)).join('')}</alert>`;
}

// ---------------------------------------------------------------------------
// Control, CORS, plumbing

async function control(req, res, ns, action, url) {
  if (action === 'log' && req.method === 'GET') return sendJson(res, 200, { mode: ns.mode, requests: ns.log });
  if (action === 'mode' && (req.method === 'GET' || req.method === 'POST')) {
    const mode = url.searchParams.get('set') ?? '';
    if (mode !== 'ok' && mode !== 'hang' && !/^[45]\d\d$/.test(mode)) return sendJson(res, 400, { error: `Unknown mode ${mode}` });
    ns.mode = mode;
    return sendJson(res, 200, { mode });
  }
  if (req.method !== 'POST') return sendJson(res, 404, { error: `Unknown control ${action}` });
  let body;
  try {
    body = JSON.parse((await readBody(req)) ?? '');
  } catch {
    return sendJson(res, 400, { error: 'Send JSON' });
  }
  if (action === 'feed') {
    if (typeof body.file === 'string') {
      const path = normalize(join(feedsDir, body.file));
      if (!path.startsWith(feedsDir)) return sendJson(res, 400, { error: 'No such file' });
      ns.feed = { body: await readFile(path, 'utf8'), type: types[extname(path)] ?? 'application/octet-stream', lastModified: new Date() };
    } else if (typeof body.body === 'string') {
      ns.feed = { body: body.body, type: body.type ?? types['.json'], lastModified: new Date() };
    } else {
      return sendJson(res, 400, { error: 'Send {file} or {body, type}' });
    }
    return sendJson(res, 200, { etag: etagOf(ns.feed.body) });
  }
  if (action === 'hostile') {
    if (!Array.isArray(body.payloads) || body.payloads.some((payload) => typeof payload !== 'string')) return sendJson(res, 400, { error: 'Send {payloads: string[]}' });
    ns.payloads = body.payloads;
    return sendJson(res, 200, { count: ns.payloads.length });
  }
  return sendJson(res, 404, { error: `Unknown control ${action}` });
}

// Feeds are public: any page may read them, never with credentials.
function allowCors(res) {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Accept, Content-Type, If-None-Match, If-Modified-Since');
  res.setHeader('Access-Control-Expose-Headers', 'ETag, Last-Modified');
  res.setHeader('Access-Control-Max-Age', '0');
}

/** Text for XML content and attribute values. Newlines and tabs in attributes survive as character references. */
function xml(text) {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\t', '&#9;')
    .replaceAll('\r', '&#13;');
}

function sendJson(res, status, value) {
  sendText(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function sendText(res, status, text, type) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendBytes(res, status, bytes, type) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': bytes.length });
  res.end(bytes);
}

async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > maxBodyBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function header(req, name) {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { origin, close } = await startFeedTestServer({ port: Number(process.argv[2] ?? 0) });
  console.log(`Feed test server: ${origin}/feeds/notices.json`);
  const stop = () => void close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
