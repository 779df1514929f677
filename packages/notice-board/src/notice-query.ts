import type { Notice } from './feeds/notice.js';

const haystacks = new WeakMap<Notice, string>();

/**
 * What a search looks through: title, summary and content as lower-case text.
 * Tags are dropped crudely here because this text is only ever matched, never
 * shown; what is shown goes through DOMPurify.
 */
function haystackOf(notice: Notice): string {
  let text = haystacks.get(notice);
  if (text === undefined) {
    text = `${notice.title}\n${notice.summary}\n${notice.contentText}\n${notice.contentHtml.replace(/<[^>]*>/g, ' ')}`.toLocaleLowerCase();
    haystacks.set(notice, text);
  }
  return text;
}

/**
 * Builds the search text of every notice in idle time after the list is on
 * screen, a slice at a time, so the reader's first keystroke does not pay for
 * 10,000 of them at once. Returns a function that stops it.
 */
export function prepareSearch(notices: Notice[]): () => void {
  let next = 0;
  let stopped = false;
  // Safari had no requestIdleCallback until recently: a short timeout with a small budget stands in.
  const idle: (work: IdleRequestCallback) => void =
    'requestIdleCallback' in window
      ? (work) => window.requestIdleCallback(work)
      : (work) => setTimeout(() => work({ didTimeout: false, timeRemaining: () => 8 }), 50);
  const step: IdleRequestCallback = (deadline) => {
    while (!stopped && next < notices.length && deadline.timeRemaining() > 1) haystackOf(notices[next++]!);
    if (!stopped && next < notices.length) idle(step);
  };
  idle(step);
  return () => {
    stopped = true;
  };
}

/** Pinned first, then the newest; undated notices last. Done once per load, so filtering keeps the order. */
export function sortNotices(notices: Notice[]): Notice[] {
  const time = (notice: Notice) => notice.published?.getTime() ?? -Infinity;
  return [...notices].sort((a, b) => Number(b.pinned) - Number(a.pinned) || time(b) - time(a));
}

export function isCurrent(notice: Notice, now: number): boolean {
  return !notice.expires || notice.expires.getTime() > now;
}

export interface NoticeFilter {
  /** The `categories` attribute: only notices with one of these tags exist for this board. */
  allowed: string[];
  /** Chips the reader turned on: notices with any of these tags; none means all. */
  chosen: ReadonlySet<string>;
}

export function inBoard(notice: Notice, allowed: string[]): boolean {
  return allowed.length === 0 || notice.tags.some((tag) => allowed.includes(tag));
}

export function matches(notice: Notice, filter: NoticeFilter, words: string[]): boolean {
  if (!inBoard(notice, filter.allowed)) return false;
  if (filter.chosen.size > 0 && !notice.tags.some((tag) => filter.chosen.has(tag))) return false;
  if (words.length === 0) return true;
  const haystack = haystackOf(notice);
  return words.every((word) => haystack.includes(word));
}

export function searchWords(search: string): string[] {
  return search.toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

/** The chips: every tag of the board's notices, the most used first. */
export function categoriesOf(notices: Notice[]): string[] {
  const counts = new Map<string, number>();
  for (const notice of notices) for (const tag of notice.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
}
