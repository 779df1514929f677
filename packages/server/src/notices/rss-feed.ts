import { XMLBuilder } from 'fast-xml-parser';
import type { NoticeData } from '../db/seed-types.js';
import { absoluteUrl, feedDescription, feedTitle, noticeTexts, type FeedLinks } from './feed-texts.js';

/** RSS's own language codes: readers know `zh-cn` better than BCP 47's `zh-Hans`. */
const rssLanguage = { 'zh-Hans': 'zh-cn', en: 'en' } as const;

// processEntities escapes & < > " ' in text and attributes, so notice HTML
// arrives in <description> as escaped text, as RSS 2.0 expects.
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: true,
  suppressEmptyNode: true,
  format: true,
});

/** Characters XML 1.0 cannot carry at all, escaped or not (controls, lone surrogates): dropped. */
const xmlText = (text: string) => text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');

/** Plain text as HTML, for a notice that has no HTML of its own. */
const textAsHtml = (text: string) =>
  `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>')}</p>`;

/** RFC 822 date-time (RFC 1123's four-digit year), as RSS 2.0 asks. */
export const rfc822 = (date: Date | string) => new Date(date).toUTCString();

function item(notice: NoticeData, links: FeedLinks): Record<string, unknown> {
  const texts = noticeTexts(notice, links.locale);
  const categories = [...texts.tags, ...(notice.pinned ? ['pinned'] : [])];
  const enclosures = (notice.attachments ?? []).flatMap((file) => {
    const url = absoluteUrl(file.url, links.base);
    if (url === undefined) return [];
    // RSS requires a length; 0 is the agreed value when it is not known.
    return [{ '@_url': xmlText(url), '@_length': String(file.size_in_bytes ?? 0), '@_type': file.mime_type }];
  });
  const html = texts.contentHtml ?? textAsHtml(texts.contentText ?? texts.summary ?? texts.title);
  return {
    guid: { '#text': notice.id, '@_isPermaLink': 'false' },
    title: xmlText(texts.title),
    link: xmlText((notice.url ? absoluteUrl(notice.url, links.base) : undefined) ?? links.homePageUrl),
    description: xmlText(html),
    pubDate: rfc822(notice.date_published),
    ...(categories.length > 0 ? { category: categories.map(xmlText) } : {}),
    ...(enclosures.length > 0 ? { enclosure: enclosures } : {}),
  };
}

/**
 * RSS 2.0 of the notices given, in that order. The caller leaves out expired
 * ones: unlike the widget, a feed reader cannot hide them itself.
 */
export function rssFeed(notices: NoticeData[], links: FeedLinks, updated: Date): string {
  const channel = {
    title: feedTitle[links.locale],
    link: links.homePageUrl,
    description: feedDescription[links.locale],
    language: rssLanguage[links.locale],
    lastBuildDate: rfc822(updated),
    'atom:link': { '@_href': links.feedUrl, '@_rel': 'self', '@_type': 'application/rss+xml' },
    ...(notices.length > 0 ? { item: notices.map((notice) => item(notice, links)) } : {}),
  };
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    rss: { '@_version': '2.0', '@_xmlns:atom': 'http://www.w3.org/2005/Atom', channel },
  }) as string;
}
