import type { NoticeData } from '../db/seed-types.js';
import { absoluteUrl, feedTitle, noticeTexts, type FeedLinks } from './feed-texts.js';

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1), with the notice board's `_civic` extension. */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  language: string;
  items: Record<string, unknown>[];
}

function item(notice: NoticeData, links: FeedLinks): Record<string, unknown> {
  const texts = noticeTexts(notice, links.locale);
  const civic = {
    ...(typeof notice.pinned === 'boolean' ? { pinned: notice.pinned } : {}),
    ...(notice.expires ? { expires: notice.expires } : {}),
    ...(notice.severity ? { severity: notice.severity } : {}),
  };
  const attachments = (notice.attachments ?? []).flatMap((file) => {
    const url = absoluteUrl(file.url, links.base);
    if (url === undefined) return [];
    return [
      {
        url,
        mime_type: file.mime_type,
        ...(file.title?.[texts.language] ? { title: file.title[texts.language] } : {}),
        ...(file.size_in_bytes !== undefined ? { size_in_bytes: file.size_in_bytes } : {}),
      },
    ];
  });
  const url = notice.url ? absoluteUrl(notice.url, links.base) : undefined;
  return {
    id: notice.id,
    ...(url ? { url } : {}),
    title: texts.title,
    ...(texts.summary ? { summary: texts.summary } : {}),
    ...(texts.contentHtml ? { content_html: texts.contentHtml } : {}),
    // JSON Feed needs content_html or content_text in every item.
    ...(texts.contentText || !texts.contentHtml ? { content_text: texts.contentText ?? texts.summary ?? texts.title } : {}),
    date_published: notice.date_published,
    ...(notice.date_modified ? { date_modified: notice.date_modified } : {}),
    ...(texts.tags.length > 0 ? { tags: texts.tags } : {}),
    language: texts.language,
    ...(attachments.length > 0 ? { attachments } : {}),
    ...(Object.keys(civic).length > 0 ? { _civic: civic } : {}),
  };
}

/**
 * Every notice, expired ones included: the widget hides those by `_civic.expires`
 * itself, and an archive view may still want them.
 */
export function jsonFeed(notices: NoticeData[], links: FeedLinks): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feedTitle[links.locale],
    home_page_url: links.homePageUrl,
    feed_url: links.feedUrl,
    language: links.locale,
    items: notices.map((notice) => item(notice, links)),
  };
}
