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
}

export interface Attachment {
  url: string;
  title: string;
  type: string;
  size?: number;
}

export class FeedFormatError extends Error {}

/** Long enough for any honest feed; bounds what a hostile one can make us hold and render. */
export const limits = { text: 2_000, html: 200_000, tags: 20, attachments: 20 } as const;

export function cleanText(value: unknown, max: number = limits.text): string {
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

/** A date the feed gave, if it parses: RFC 3339 (JSON Feed, Atom) and RFC 822 (RSS) both do. */
export function parseDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || value.length > 64) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** Only http(s) links, resolved against the feed's own URL; anything else (javascript:, data:) is dropped. */
export function safeUrl(value: unknown, base: string): string | undefined {
  // An empty link would resolve to the feed itself.
  if (typeof value !== 'string' || value.trim() === '' || value.length > 2048) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function sizeOf(value: unknown): number | undefined {
  const size = typeof value === 'string' ? Number(value) : value;
  return typeof size === 'number' && Number.isSafeInteger(size) && size >= 0 ? size : undefined;
}
