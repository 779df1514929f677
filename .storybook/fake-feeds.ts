import * as data from './fake-feeds-data';
import type { AlertKind, FeedLanguage } from './fake-feeds-data';

/**
 * A fake feed server inside the Storybook preview, for <civic-notice-board>,
 * installed like the fake Open311 server (see fake-open311.ts for why a
 * `window.fetch` fake and not a service worker). Everything is a GET under
 * `/fake-feeds/`; `{lang}` is `zh` (Simplified Chinese, as district sites
 * publish) or `en`:
 *
 * - `notices.{lang}.json|rss|atom`: the district's notices as JSON Feed 1.1,
 *   RSS 2.0 or Atom 1.0 (pinned, expired and with attachments among them);
 * - `empty.{lang}.json`: a JSON Feed with no items;
 * - `broken.{lang}.rss`: RSS that is not well-formed XML;
 * - `unavailable.json`: 503; `slow.json`: never answers (until the widget's timeout);
 * - `archive.{lang}.json?count=10000`: a generated archive of `count` notices (at most 50,000);
 * - `live.{lang}.json`: the notices, but the two newest only from the second
 *   request after restartLiveFeed() on, as if published in between;
 * - `warnings/{kind}.xml`: one CAP 1.2 alert (see AlertKind), zh-CN and en-US info
 *   (`?hour=` dates it from that hour, as the Atom feed links it);
 * - `warnings/updated.atom`: an Atom feed linking to a fog warning and the Update that raises it;
 * - `warnings/cancelled.atom`: an Atom feed carrying a road icing warning, its Cancel, and a gale warning.
 *
 * Warnings are dated from the start of the current hour, so they are always in
 * force and keep the same `sent` (the same version, for dismissals) all hour.
 * Only same-origin URLs under `/fake-feeds/` are answered.
 */

type Format = 'json' | 'rss' | 'atom';

export const fakeFeeds = {
  notices: (language: FeedLanguage, format: Format = 'json') => `/fake-feeds/notices.${language}.${format}`,
  empty: (language: FeedLanguage) => `/fake-feeds/empty.${language}.json`,
  broken: (language: FeedLanguage) => `/fake-feeds/broken.${language}.rss`,
  unavailable: '/fake-feeds/unavailable.json',
  slow: '/fake-feeds/slow.json',
  archive: (language: FeedLanguage, count = 10_000) => `/fake-feeds/archive.${language}.json?count=${count}`,
  live: (language: FeedLanguage) => `/fake-feeds/live.${language}.json`,
} as const;

/** `alerts-src` values: one kind of warning each. */
export const fakeWarnings = {
  /** Orange cold wave warning: Severe and Expected, so announced at once and not dismissible. */
  severe: '/fake-feeds/warnings/cold-wave-orange.xml',
  /** Blue gale warning: Minor, so polite and dismissible. */
  minor: '/fake-feeds/warnings/gale-blue.xml',
  /** Yellow fog warning and the Update that raises it to orange: only the orange one shows. */
  updated: '/fake-feeds/warnings/updated.atom',
  /** Road icing warning and its Cancel (neither shows), and a gale warning that still does. */
  cancelled: '/fake-feeds/warnings/cancelled.atom',
} as const;

const fakePath = /^\/fake-feeds\/(?:([a-z]+)\.(zh|en)\.(json|rss|atom)|(unavailable|slow)\.json|warnings\/([a-z-]+)\.(xml|atom))$/;
const maxArchive = 50_000;

// As in fake-open311.ts: "Loading…" shows briefly, as on a real network.
const latencyMs = 80;

const contentTypes: Record<Format | 'cap', string> = {
  json: 'application/feed+json; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  cap: 'application/cap+xml; charset=utf-8',
};

const liveRequests: Record<FeedLanguage, number> = { zh: 0, en: 0 };

/** The live feed starts again without its two newest notices (call it before a story that refreshes). */
export function restartLiveFeed(): void {
  liveRequests.zh = 0;
  liveRequests.en = 0;
}

let installed = false;

export function installFakeFeeds(): void {
  if (installed) return;
  installed = true;
  const nextFetch = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    if (url.origin !== window.location.origin || !url.pathname.startsWith('/fake-feeds/')) return nextFetch(input, init);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined) ?? undefined;
    return answer(url, method, signal);
  };
}

async function answer(url: URL, method: string, signal: AbortSignal | undefined): Promise<Response> {
  await wait(latencyMs, signal);
  if (method !== 'GET') return text(405, 'text/plain; charset=utf-8', `${method} is not allowed here.`);
  const match = fakePath.exec(url.pathname);
  if (!match) return notFound(url);
  const [, name, language, format, special, warning, warningFormat] = match as unknown as (string | undefined)[];
  if (special === 'unavailable') return text(503, 'text/html; charset=utf-8', '<h1>503 Service Unavailable</h1>');
  if (special === 'slow') return hang(signal);
  if (warning) return warnings(url, warning, warningFormat ?? '');
  const lang = language as FeedLanguage;
  const type = contentTypes[format as Format];
  switch (`${name}.${format}`) {
    case 'notices.json':
      return text(200, type, data.jsonFeed(lang));
    case 'notices.rss':
      return text(200, type, data.rssFeed(lang));
    case 'notices.atom':
      return text(200, type, data.atomFeed(lang));
    case 'empty.json':
      return text(200, type, data.emptyFeed(lang));
    case 'broken.rss':
      return text(200, type, data.brokenFeed(lang));
    case 'archive.json': {
      const count = Number(url.searchParams.get('count') ?? 10_000);
      if (!Number.isInteger(count) || count < 0 || count > maxArchive) return text(400, 'text/plain; charset=utf-8', `count must be 0 to ${maxArchive}.`);
      return text(200, type, archive(lang, count));
    }
    case 'live.json': {
      const first = liveRequests[lang]++ === 0;
      return text(200, type, data.jsonFeed(lang, first ? { without: data.arrivingIds } : {}));
    }
    default:
      return notFound(url);
  }
}

function warnings(url: URL, name: string, format: string): Response {
  if (format === 'xml' && (data.alertKinds as string[]).includes(name)) {
    // `?hour=` (hours since 1970) when linked from a feed: dated from the same hour as the feed.
    const hour = Number(url.searchParams.get('hour') ?? NaN);
    return text(200, contentTypes.cap, data.capDocument(name as AlertKind, Number.isInteger(hour) ? hour * 3_600_000 : undefined));
  }
  // Linked CAP documents are found relative to the feed, as a real warnings feed links them.
  if (format === 'atom' && name === 'updated') return text(200, contentTypes.atom, data.capAtomFeed(['fog-yellow', 'fog-orange'], 'link', ''));
  if (format === 'atom' && name === 'cancelled') {
    return text(200, contentTypes.atom, data.capAtomFeed(['road-icing-yellow', 'gale-blue', 'road-icing-cancel'], 'embed', ''));
  }
  return notFound(url);
}

const archives = new Map<string, string>();

/** Generated once per language and size: 10,000 notices are about 12 MB of JSON. */
function archive(language: FeedLanguage, count: number): string {
  const key = `${language}:${count}`;
  let feed = archives.get(key);
  if (feed === undefined) {
    feed = data.archiveFeed(language, count);
    archives.set(key, feed);
  }
  return feed;
}

// ---- Plumbing

function text(status: number, contentType: string, body: string): Response {
  return new Response(body, { status, headers: { 'Content-Type': contentType } });
}

function notFound(url: URL): Response {
  return text(404, 'text/plain; charset=utf-8', `There is no ${url.pathname} in the fake feed server.`);
}

/** No answer at all; the widget's own timeout ends the wait. */
function hang(signal: AbortSignal | undefined): Promise<Response> {
  return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}
