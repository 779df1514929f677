import { cleanText, FeedFormatError, languageTag, limits, parseDate, safeUrl, sizeOf, type Attachment, type Notice, type ParsedFeed } from './notice.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function attachmentsOf(item: Json, base: string): Attachment[] {
  const list = Array.isArray(item.attachments) ? item.attachments.slice(0, limits.attachments) : [];
  return list.filter(isObject).flatMap((attachment) => {
    const url = safeUrl(attachment.url, base);
    if (!url) return [];
    return [{ url, title: cleanText(attachment.title), type: cleanText(attachment.mime_type, 100), size: sizeOf(attachment.size_in_bytes) }];
  });
}

/** JSON Feed 1.0/1.1, with our `_civic` extension (pinned, expires, severity). An item without an id is skipped. */
export function parseJsonFeed(feed: unknown, base: string): ParsedFeed {
  if (!isObject(feed) || typeof feed.version !== 'string' || !feed.version.startsWith('https://jsonfeed.org/version/')) {
    throw new FeedFormatError('This JSON is not a JSON Feed (no "version" of https://jsonfeed.org/version/…).');
  }
  if (!Array.isArray(feed.items)) throw new FeedFormatError('The JSON Feed has no "items" list.');
  const feedLanguage = languageTag(feed.language);
  const notices = feed.items.slice(0, limits.items).filter(isObject).flatMap((item): Notice[] => {
    const id = cleanText(typeof item.id === 'number' ? String(item.id) : item.id, 500);
    if (!id) return [];
    const civic = isObject(item._civic) ? item._civic : {};
    const tags = Array.isArray(item.tags) ? item.tags.map((tag) => cleanText(tag, 100)).filter(Boolean).slice(0, limits.tags) : [];
    return [
      {
        id,
        url: safeUrl(item.url ?? item.external_url, base),
        title: cleanText(item.title),
        summary: cleanText(item.summary),
        contentHtml: cleanText(item.content_html, limits.html),
        contentText: cleanText(item.content_text, limits.html),
        published: parseDate(item.date_published),
        publishedRaw: cleanText(item.date_published, 64) || undefined,
        modified: parseDate(item.date_modified),
        tags,
        attachments: attachmentsOf(item, base),
        pinned: civic.pinned === true,
        expires: parseDate(civic.expires),
        severity: cleanText(civic.severity, 50) || undefined,
        language: languageTag(item.language) ?? feedLanguage,
      },
    ];
  });
  return { notices, total: feed.items.length };
}
