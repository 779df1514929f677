/** One notice, whatever feed format it came from. Every string in it came from the network: untrusted. */
export interface Notice {
  id: string;
  url?: string;
  title: string;
  summary: string;
  /** Feed HTML, unsanitised: only ever shown through sanitizeNoticeHtml(). */
  contentHtml: string;
  contentText: string;
  published?: Date;
  modified?: Date;
  /** The date as the feed wrote it, for <time datetime>. */
  publishedRaw?: string;
  tags: string[];
  attachments: Attachment[];
  pinned: boolean;
  expires?: Date;
  severity?: string;
  /** The notice's language, from the feed (JSON Feed `language`, RSS `<language>`, Atom `xml:lang`), for `lang`. */
  language?: string;
  /** RSS `description` when `content:encoded` carries the content: HTML, shown as text only. */
  summaryHtml?: string;
}

/** What a feed gave: at most `limits.items` notices, and how many it had. */
export interface ParsedFeed {
  notices: Notice[];
  total: number;
}

export interface Attachment {
  url: string;
  title: string;
  type: string;
  size?: number;
}

export class FeedFormatError extends Error {}

/**
 * Long enough for any honest feed; bounds what a hostile one can make us hold
 * and render. `items`: a board lists at most this many notices, the first in
 * the feed (feeds list the newest first); reading more would freeze the page.
 */
export const limits = { text: 2_000, html: 200_000, tags: 20, attachments: 20, items: 10_000 } as const;

export function languageTag(value: unknown): string | undefined {
  const tag = cleanText(value, 35);
  return /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(tag) ? tag : undefined;
}

export function cleanText(value: unknown, max: number = limits.text): string {
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

/** A date the feed gave, if it parses: RFC 3339 (JSON Feed, Atom) and RFC 822 (RSS) both do. */
export function parseDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || value.length > 64) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** An absolute http(s) URL with nothing a browser would reinterpret (spaces, controls, backslashes, quotes). */
const plainAbsoluteUrl = /^https?:\/\/[^\s\\"'<>\x00-\x1f\x7f]+$/i;

/**
 * Only http(s) links, resolved against the feed's own URL; anything else
 * (javascript:, data:) is dropped. Plain absolute links, nearly all of them,
 * skip the URL parser: building a URL per link was most of the time a
 * 10,000-item feed took to read.
 */
export function safeUrl(value: unknown, base: string): string | undefined {
  // An empty link would resolve to the feed itself.
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (plainAbsoluteUrl.test(trimmed)) return trimmed;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function sizeOf(value: unknown): number | undefined {
  const size = typeof value === 'string' ? Number(value) : value;
  return typeof size === 'number' && Number.isSafeInteger(size) && size >= 0 ? size : undefined;
}
