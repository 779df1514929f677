import { children, childText } from './parse-xml.js';
import { cleanText, languageTag, limits, parseDate, safeUrl, sizeOf, type Notice, type ParsedFeed } from './notice.js';

const pinnedCategory = 'pinned';

/** The last segment of the URL's path, decoded; as it stands when it is not valid percent-encoding (a CMS cut a character in half). */
function fileName(url: string): string {
  const segment = new URL(url).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** RSS 2.0 items. `description` is escaped HTML; `content:encoded`, when present, is the fuller content. */
export function parseRss(root: Element, base: string): ParsedFeed {
  const channel = children(root, 'channel')[0];
  if (!channel) return { notices: [], total: 0 };
  const language = languageTag(childText(channel, 'language'));
  const items = children(channel, 'item');
  const notices = items.slice(0, limits.items).flatMap((item): Notice[] => {
    const link = safeUrl(childText(item, 'link'), base);
    const id = cleanText(childText(item, 'guid') || link || childText(item, 'title'), 500);
    if (!id) return [];
    const categories = children(item, 'category').map((category) => cleanText(category.textContent, 100)).filter(Boolean);
    const description = childText(item, 'description');
    const encoded = childText(item, 'encoded');
    const pubDate = childText(item, 'pubDate');
    return [
      {
        id,
        url: link,
        title: cleanText(childText(item, 'title')),
        summary: '',
        contentHtml: cleanText(encoded || description, limits.html),
        summaryHtml: encoded && description ? cleanText(description, limits.text) : undefined,
        contentText: '',
        published: parseDate(pubDate),
        publishedRaw: pubDate || undefined,
        tags: categories.filter((category) => category.toLowerCase() !== pinnedCategory).slice(0, limits.tags),
        attachments: children(item, 'enclosure').flatMap((enclosure) => {
          const url = safeUrl(enclosure.getAttribute('url'), base);
          if (!url) return [];
          const name = fileName(url) || url;
          return [{ url, title: cleanText(name), type: cleanText(enclosure.getAttribute('type'), 100), size: sizeOf(enclosure.getAttribute('length')) }];
        }).slice(0, limits.attachments),
        pinned: categories.some((category) => category.toLowerCase() === pinnedCategory),
        language,
      },
    ];
  });
  return { notices, total: items.length };
}
