import type { NoticeData } from '../db/seed-types.js';
import type { ContentLocale } from '../http/locale.js';

/** What both feeds say about themselves, and where they live. */
export interface FeedLinks {
  locale: ContentLocale;
  /** The district site's page in that language. */
  homePageUrl: string;
  /** This feed, with `?lang=` so that the URL alone gives the same language back. */
  feedUrl: string;
  /** Origin that root-relative attachment URLs (/files/…) are resolved against. */
  base: string;
}

export const feedTitle: Record<ContentLocale, string> = { 'zh-Hans': '示范区通知公告', en: 'Demo District notices' };

export const feedDescription: Record<ContentLocale, string> = {
  'zh-Hans': '示范区各部门发布的通知公告、安全提示和便民信息。',
  en: 'Notices, safety advice and service information from the Demo District.',
};

/** The home page of the demo district site in each language. */
export const homePath: Record<ContentLocale, string> = { 'zh-Hans': '/', en: '/en/' };

/**
 * The language a notice is shown in: the one asked for when its title has
 * it, else Chinese, which every notice has. All of one item's texts then
 * come from the same language, never half and half.
 */
export function itemLocale(notice: NoticeData, locale: ContentLocale): ContentLocale {
  return notice.title[locale] ? locale : 'zh-Hans';
}

/** A notice's texts in one language only (see itemLocale): a text missing in it is left out, not filled in from another. */
export function noticeTexts(notice: NoticeData, locale: ContentLocale) {
  const language = itemLocale(notice, locale);
  return {
    language,
    title: notice.title[language] ?? notice.id,
    summary: notice.summary?.[language],
    contentHtml: notice.content_html?.[language],
    contentText: notice.content_text?.[language],
    tags: notice.tags?.[language] ?? [],
  };
}

/**
 * Root-relative URLs (/files/…) are the server's own: put the public base in
 * front, which may itself have a path (https://example.gov.cn/civic). A
 * stored link that does not parse as an http(s) URL (written before links
 * were checked, or straight into the database) gives undefined, and the feed
 * leaves it out rather than failing as a whole.
 */
export function absoluteUrl(url: string, base: string): string | undefined {
  if (url.startsWith('/') && !url.startsWith('//')) return `${base}${url}`;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Still to be shown: no expiry, or one still ahead. */
export const isCurrent = (notice: NoticeData, now: number) => !notice.expires || Date.parse(notice.expires) > now;
