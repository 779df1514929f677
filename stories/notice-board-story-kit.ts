import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ArgTypes, Decorator, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { fakeFeeds, fakeWarnings, restartLiveFeed } from '../.storybook/fake-feeds';
import { alertHeadline, arrivingIds, noticeById, readVersion, titleOf, type FeedLanguage } from '../.storybook/fake-feeds-data';
import { attributeArgTypes } from './manifest-arg-types';

/** Args by attribute name, as the manifest lists them, plus CSS custom properties and the event actions. */
export interface NoticeBoardArgs {
  [cssProperty: `--${string}`]: string | undefined;
  src?: string;
  'alerts-src'?: string;
  'page-size'?: number;
  categories?: string;
  refresh?: number;
  'time-zone'?: string;
  timeout?: number;
  'feed-max-bytes'?: number;
  'alerts-max-bytes'?: number;
  lang?: string;
  'heading-level'?: number;
  'care-mode'?: boolean;
  onCivicNoticeOpen?: (event: Event) => void;
  onCivicAlertDismiss?: (event: Event) => void;
}

export type NoticeBoardStory = StoryObj<NoticeBoardArgs>;
export type BoardLanguage = 'en' | 'zh-Hans' | 'zh-Hant';

export const noticeBoardArgTypes: Partial<ArgTypes<NoticeBoardArgs>> = attributeArgTypes('civic-notice-board');

/**
 * The feed a page in this language shows: a Shanghai district publishes in
 * Simplified Chinese, so the zh-Hant pages show the same notices in the
 * widget's Traditional Chinese frame.
 */
export function feedLanguage(language: BoardLanguage): FeedLanguage {
  return language === 'en' ? 'en' : 'zh';
}

/** What every story starts from: the district's notices as a JSON Feed. The events are spies, shown in the Actions panel. */
export function baseArgs(language: BoardLanguage): NoticeBoardArgs {
  return {
    src: fakeFeeds.notices(feedLanguage(language)),
    onCivicNoticeOpen: fn(),
    onCivicAlertDismiss: fn(),
  };
}

const text = (value: string | number | undefined) => ifDefined(value === undefined || value === '' ? undefined : String(value));

/** `--civic-*` args set on the element itself, where they win over the toolbar's palette. */
function customProperties(args: NoticeBoardArgs): Record<string, string> {
  return Object.fromEntries(
    Object.entries(args).filter((entry): entry is [string, string] => entry[0].startsWith('--') && typeof entry[1] === 'string' && entry[1] !== ''),
  );
}

/** Plain attributes through lit bindings, as a district's HTML sets them. */
export function renderNoticeBoard(args: NoticeBoardArgs) {
  return html`<civic-notice-board
    style=${styleMap(customProperties(args))}
    src=${text(args.src)}
    alerts-src=${text(args['alerts-src'])}
    page-size=${text(args['page-size'])}
    categories=${text(args.categories)}
    refresh=${text(args.refresh)}
    time-zone=${text(args['time-zone'])}
    timeout=${text(args.timeout)}
    feed-max-bytes=${text(args['feed-max-bytes'])}
    alerts-max-bytes=${text(args['alerts-max-bytes'])}
    lang=${text(args.lang)}
    heading-level=${text(args['heading-level'])}
    ?care-mode=${args['care-mode'] === true}
    @civic-notice-open=${args.onCivicNoticeOpen}
    @civic-alert-dismiss=${args.onCivicAlertDismiss}
  ></civic-notice-board>`;
}

/**
 * Puts a story in a language on its own element, never on <html>: a docs page
 * renders all of a file's stories in one document, and the page's own language
 * comes from the toolbar.
 */
export function inLanguage(lang: string): Decorator<NoticeBoardArgs> {
  return (story) => html`<div lang=${lang}>${story()}</div>`;
}

// ---- Set-ups before a story renders (story-level beforeEach; storage is cleared before, see reset-widget-storage.ts).

/** Notices this reader has read, as the widget stores them (read-state.ts): the water notice in its version before the 15:20 update. */
export function someNoticesRead(): void {
  const read = ['xh-notice-2026-1020-flu-vaccine', 'xh-notice-2026-1123-community-canteens', 'xh-notice-2026-1119-metro-exit'];
  for (const id of read) localStorage.setItem(`civic-notice-read:${id}`, readVersion(noticeById(id)));
  const water = noticeById('xh-notice-2026-1125-tianlin-water');
  localStorage.setItem(`civic-notice-read:${water.id}`, readVersion(water, 'published'));
}

/** How often the refresh story refreshes: every ten minutes, a district site's usual cache time. */
export const refreshSeconds = 600;
const fastRefreshMs = 1500;

/**
 * The live feed starts without its two newest notices, and ten minutes pass in
 * 1.5 s: only an interval of exactly `refreshSeconds` is sped up, so nothing
 * else on the page runs faster. Undone when the story is left.
 */
export function refreshSoon(): () => void {
  restartLiveFeed();
  const realSetInterval = window.setInterval;
  window.setInterval = ((handler: TimerHandler, timeout?: number, ...rest: unknown[]) =>
    realSetInterval(handler, timeout === refreshSeconds * 1000 ? fastRefreshMs : timeout, ...rest)) as typeof window.setInterval;
  return () => {
    window.setInterval = realSetInterval;
  };
}

// ---- Play helpers. The widget's shadow root is searched by role and accessible
// name where a citizen would look (so the names are checked in every language),
// by class for what has no name.

type Canvas = Pick<StoryContext, 'canvasElement'>;

export function boardRoot({ canvasElement }: Canvas): ShadowRoot {
  const board = canvasElement.querySelector('civic-notice-board');
  if (!board?.shadowRoot) throw new Error('<civic-notice-board> did not render');
  return board.shadowRoot;
}

/** Testing Library queries inside the shadow root (a ShadowRoot is a DocumentFragment, which `within` accepts). */
export function inBoard(context: Canvas) {
  return within(boardRoot(context) as unknown as HTMLElement);
}

export const found = { timeout: 5000 };

/** Waits until `selector` is in the widget (the fake server answers after a short delay). */
export function shown<T extends Element = HTMLElement>(root: ShadowRoot, selector: string, timeout = 5000): Promise<T> {
  return waitFor(
    () => {
      const element = root.querySelector<T>(selector);
      if (!element) throw new Error(`${selector} is not shown`);
      return element;
    },
    { timeout },
  );
}

/** The notices in the list, once it has some. */
export async function listed(root: ShadowRoot, count: number, timeout = 5000): Promise<HTMLLIElement[]> {
  return waitFor(
    () => {
      const items = [...root.querySelectorAll<HTMLLIElement>('.notices > li')];
      if (items.length !== count) throw new Error(`${items.length} notices listed, not ${count}`);
      return items;
    },
    { timeout },
  );
}

/** The list item of the notice titled `title`. */
export function itemTitled(root: ShadowRoot, title: string): HTMLLIElement {
  const item = [...root.querySelectorAll<HTMLLIElement>('.notices > li')].find((li) => li.querySelector('.title')?.textContent?.trim() === title);
  if (!item) throw new Error(`No notice titled "${title}"`);
  return item;
}

/** The widget's words in each catalog, as a citizen reads them (packages/notice-board/src/generated/locales). */
export const words = {
  en: {
    search: 'Search notices',
    categories: 'Categories',
    noMatch: 'No notices match.',
    noNotices: 'There are no notices at the moment.',
    showMore: 'Show more notices',
    pinned: 'Pinned',
    attachments: 'Attachments',
    loading: 'Loading notices…',
    dismiss: 'Dismiss this warning',
    severe: 'Severe warning',
    advisory: 'Advisory',
    cannotRead: 'The notices cannot be shown: the feed is not in a format this board reads.',
    couldNotLoad: 'The notices could not be loaded. Check your connection and try again later.',
    notSetUp: 'The notices cannot be shown here at the moment. For urgent questions, please call the 12345 hotline.',
    tooLarge: 'The notices cannot be shown: the feed is too large for this board to read.',
    warningDismissed: 'Warning dismissed. It will not show again on this device.',
    showing: (visible: number, total: number | string) => `Showing ${visible} of ${total}`,
    showNew: (count: number) => `Show ${count} new notices`,
    /** A word no current notice has: the marathon notice is the only one about it, and it has expired. */
    searchWithoutResult: 'marathon',
  },
  'zh-Hans': {
    search: '搜索通知',
    categories: '分类',
    noMatch: '没有符合条件的通知。',
    noNotices: '目前没有通知。',
    showMore: '显示更多通知',
    pinned: '置顶',
    attachments: '附件',
    loading: '正在加载通知…',
    dismiss: '关闭此提示',
    severe: '严重预警',
    advisory: '提示',
    cannotRead: '无法显示通知：订阅源的格式无法识别。',
    couldNotLoad: '通知暂时无法加载，请检查网络后稍后再试。',
    notSetUp: '通知暂时无法在此显示。如有急事，请拨打 12345 市民服务热线。',
    tooLarge: '无法显示通知：订阅源过大，本通知栏无法读取。',
    warningDismissed: '预警已关闭，本设备上不会再显示。',
    showing: (visible: number, total: number | string) => `显示第 1–${visible} 条，共 ${total} 条`,
    showNew: (count: number) => `显示 ${count} 条新通知`,
    searchWithoutResult: '马拉松',
  },
  'zh-Hant': {
    search: '搜尋通知',
    categories: '分類',
    noMatch: '沒有符合條件的通知。',
    noNotices: '目前沒有通知。',
    showMore: '顯示更多通知',
    pinned: '置頂',
    attachments: '附件',
    loading: '正在載入通知…',
    dismiss: '關閉此提示',
    severe: '嚴重預警',
    advisory: '提示',
    cannotRead: '無法顯示通知：訂閱來源的格式無法識別。',
    couldNotLoad: '通知暫時無法載入，請檢查網路後稍後再試。',
    notSetUp: '通知暫時無法在此顯示。如有急事，請撥打 12345 市民服務熱線。',
    tooLarge: '無法顯示通知：訂閱來源過大，本通知欄無法讀取。',
    warningDismissed: '預警已關閉，本裝置上不會再顯示。',
    showing: (visible: number, total: number | string) => `顯示第 1–${visible} 則，共 ${total} 則`,
    showNew: (count: number) => `顯示 ${count} 則新通知`,
    searchWithoutResult: '马拉松',
  },
} satisfies Record<BoardLanguage, Record<string, unknown>>;

/** The list's status line ("Showing 10 of 12"). */
export function listStatus(root: ShadowRoot): string {
  return root.querySelector('.list-status')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Of the district's 14 notices, 2 have expired: 12 are on the board, 10 on the first page. */
const currentCount = 12;

// ---- The key states, shared by the English page and the Chinese pages.

export function keyStates(language: BoardLanguage) {
  const word = words[language];
  const feed = feedLanguage(language);
  const title = (id: string) => titleOf(id, feed);
  const pinnedFirst = async (root: ShadowRoot) => {
    const items = await listed(root, 10);
    await expect(items.slice(0, 2).every((item) => item.classList.contains('pinned'))).toBe(true);
    await expect(items[2]?.classList.contains('pinned')).toBe(false);
    await expect(within(items[0]!).getByText(word.pinned)).toBeVisible();
    await expect(listStatus(root)).toBe(word.showing(10, currentCount));
  };
  return {
    /** JSON Feed 1.1: pinned notices first, then the newest; category chips and search above; ten at a time. */
    Notices: {
      play: async (context) => {
        const root = boardRoot(context);
        await pinnedFirst(root);
        await expect(inBoard(context).getByRole('group', { name: word.categories })).toBeVisible();
        await expect(inBoard(context).getByRole('searchbox', { name: word.search })).toBeVisible();
      },
    },
    /** The same notices as RSS 2.0: the summary and full text come from `description` and `content:encoded`, pinned is a category. */
    Rss: {
      args: { src: fakeFeeds.notices(feed, 'rss') },
      play: async (context) => pinnedFirst(boardRoot(context)),
    },
    /** The same notices as Atom 1.0: attachments are `enclosure` links, pinned is a category term. */
    Atom: {
      args: { src: fakeFeeds.notices(feed, 'atom') },
      play: async (context) => pinnedFirst(boardRoot(context)),
    },
    /** A feed with no items. */
    Empty: {
      args: { src: fakeFeeds.empty(feed) },
      play: async (context) => {
        const root = boardRoot(context);
        await inBoard(context).findByText(word.noNotices, undefined, found);
        await expect(root.querySelectorAll('.notices > li')).toHaveLength(0);
      },
    },
    /** A notice opened in place: its content (a table, sanitised), a link to its page; no longer unread. */
    OpenedNotice: {
      play: async (context) => {
        const root = boardRoot(context);
        const board = inBoard(context);
        const water = title('xh-notice-2026-1125-tianlin-water');
        const button = await board.findByRole('button', { name: water }, found);
        await expect(itemTitled(root, water)).toHaveClass('unread');
        await userEvent.click(button);
        await expect(button).toHaveAttribute('aria-expanded', 'true');
        // HTML content appears once the sanitizer, loaded on first use, is in.
        await waitFor(() => expect(itemTitled(root, water).querySelector('.details table')).not.toBeNull());
        await expect(itemTitled(root, water)).not.toHaveClass('unread');
        await expect(context.args.onCivicNoticeOpen).toHaveBeenCalledOnce();
      },
    },
    /** Files attached to notices (title, type, size), and the consultation opened. */
    Attachments: {
      play: async (context) => {
        const root = boardRoot(context);
        const board = inBoard(context);
        const consultation = title('xh-notice-2026-1124-lift-subsidy-consultation');
        await userEvent.click(await board.findByRole('button', { name: consultation }, found));
        const item = itemTitled(root, consultation);
        const attachments = within(item).getByRole('list', { name: word.attachments });
        await expect(within(attachments).getAllByRole('link')).toHaveLength(2);
        await expect(attachments.textContent).toContain('PDF');
        await expect(root.querySelectorAll('.attachments')).toHaveLength(3);
      },
    },
    /** A search that finds nothing: the only notice about it has expired. The count is announced once typing stops. */
    SearchNoResult: {
      play: async (context) => {
        const root = boardRoot(context);
        const board = inBoard(context);
        await listed(root, 10);
        await userEvent.type(board.getByRole('searchbox', { name: word.search }), word.searchWithoutResult);
        await expect(listStatus(root)).toBe(word.noMatch);
        await expect(root.querySelectorAll('.notices > li')).toHaveLength(0);
        await waitFor(() => expect(root.querySelector('.visually-hidden[role="status"]')?.textContent).toBe(word.noMatch), found);
      },
    },
    /** Some notices already read on this device; the water notice was read, then updated at 15:20, so it is unread again. */
    UnreadAndRead: {
      beforeEach: someNoticesRead,
      play: async (context) => {
        const root = boardRoot(context);
        const items = await listed(root, 10);
        await expect(items.filter((item) => item.classList.contains('unread'))).toHaveLength(7);
        await expect(itemTitled(root, title('xh-notice-2026-1020-flu-vaccine'))).not.toHaveClass('unread');
        await expect(itemTitled(root, title('xh-notice-2026-1125-tianlin-water'))).toHaveClass('unread');
      },
    },
    /**
     * Refreshed every ten minutes (`refresh="600"`; here ten minutes pass in
     * 1.5 s): two notices published since wait behind a button, so nothing
     * moves under the reader; pressed, they join the list.
     */
    NewNoticesAfterRefresh: {
      args: { src: fakeFeeds.live(feed), refresh: refreshSeconds },
      beforeEach: refreshSoon,
      play: async (context) => {
        const root = boardRoot(context);
        const board = inBoard(context);
        await listed(root, 10);
        await expect(board.queryByRole('button', { name: title(arrivingIds[0]!) })).toBeNull();
        await userEvent.click(await board.findByRole('button', { name: word.showNew(2) }, { timeout: 8000 }));
        for (const id of arrivingIds) await board.findByRole('button', { name: title(id) }, found);
        await expect(listStatus(root)).toBe(word.showing(10, currentCount));
      },
    },
    /** Orange cold wave warning (CAP Severe, Expected): announced at once (role="alert"), cannot be dismissed. */
    SevereWarning: {
      args: { 'alerts-src': fakeWarnings.severe },
      play: async (context) => {
        const board = inBoard(context);
        const warning = await board.findByRole('alert', { name: new RegExp(alertHeadline('cold-wave-orange', feed)) }, found);
        await expect(within(warning).getByText(word.severe)).toBeVisible();
        await expect(within(warning).queryByRole('button')).toBeNull();
      },
    },
    /** Blue gale warning (CAP Minor), dismissed: remembered on this device; the focus moves to the search box. */
    MinorWarningDismissed: {
      args: { 'alerts-src': fakeWarnings.minor },
      play: async (context) => {
        const root = boardRoot(context);
        const board = inBoard(context);
        const name = new RegExp(alertHeadline('gale-blue', feed));
        const warning = await board.findByRole('status', { name }, found);
        await userEvent.click(within(warning).getByRole('button', { name: word.dismiss }));
        await waitFor(() => expect(board.queryByRole('status', { name })).toBeNull());
        await expect(context.args.onCivicAlertDismiss).toHaveBeenCalledOnce();
        await waitFor(() => expect(root.activeElement).toBe(board.getByRole('searchbox', { name: word.search })));
        await expect(Object.keys(localStorage).filter((key) => key.startsWith('civic-alert-dismissed:'))).toHaveLength(1);
      },
    },
    /** A yellow fog warning and the CAP Update that raised it to orange (both linked from an Atom feed): only the update shows. */
    UpdatedWarning: {
      args: { 'alerts-src': fakeWarnings.updated },
      play: async (context) => {
        const board = inBoard(context);
        await board.findByRole('alert', { name: new RegExp(alertHeadline('fog-orange', feed)) }, found);
        await expect(board.queryByText(alertHeadline('fog-yellow', feed))).toBeNull();
        await expect(boardRoot(context).querySelectorAll('.alert')).toHaveLength(1);
      },
    },
    /** A road icing warning lifted by a CAP Cancel: neither shows; the gale warning in the same feed still does. */
    CancelledWarning: {
      args: { 'alerts-src': fakeWarnings.cancelled },
      play: async (context) => {
        const board = inBoard(context);
        await board.findByRole('status', { name: new RegExp(alertHeadline('gale-blue', feed)) }, found);
        await listed(boardRoot(context), 10);
        await expect(board.queryByText(alertHeadline('road-icing-yellow', feed))).toBeNull();
        await expect(board.queryByText(alertHeadline('road-icing-cancel', feed))).toBeNull();
        await expect(boardRoot(context).querySelectorAll('.alert')).toHaveLength(1);
      },
    },
    /** A board of warnings only, its one advisory dismissed: a confirmation takes the focus where it was, not the page top. */
    WarningsOnlyDismissed: {
      args: { src: '', 'alerts-src': fakeWarnings.minor },
      play: async (context) => {
        const board = inBoard(context);
        const warning = await board.findByRole('status', { name: new RegExp(alertHeadline('gale-blue', feed)) }, found);
        await userEvent.click(within(warning).getByRole('button', { name: word.dismiss }));
        const confirmation = await shown(boardRoot(context), '#alert-dismissed');
        await waitFor(() => expect(boardRoot(context).activeElement).toBe(confirmation));
        await expect(confirmation).toHaveTextContent(word.warningDismissed);
      },
    },
    /**
     * A feed larger than `feed-max-bytes` (5 MB unless set; 2,000 bytes here, so
     * the district's ordinary feed is "too large"): not read past the limit, and
     * the board says so. Logs one console error, on purpose.
     */
    FeedTooLarge: {
      args: { 'feed-max-bytes': 2000 },
      play: async (context) => {
        await expect((await shown(boardRoot(context), '.problem')).textContent).toBe(word.tooLarge);
      },
    },
    /** RSS that is not well-formed XML (a bare `&` in a title). Logs one console error, on purpose. */
    BrokenFeed: {
      args: { src: fakeFeeds.broken(feed) },
      play: async (context) => {
        await expect((await shown(boardRoot(context), '.problem')).textContent).toBe(word.cannotRead);
      },
    },
    /** A district's archive of 10,000 notices: only the first ten are rendered; chips and search work on all of them. */
    TenThousandNotices: {
      // A district with such an archive raises the 5 MB default, as its README says.
      args: { src: fakeFeeds.archive(feed, 10_000), 'feed-max-bytes': 50_000_000 },
      play: async (context) => {
        const root = boardRoot(context);
        await listed(root, 10, 15_000);
        await expect(listStatus(root)).toMatch(new RegExp(`^${word.showing(10, '\\d{1,3}(?:,\\d{3})*')}$`));
        await expect(within(root.querySelector<HTMLElement>('.chips')!).getAllByRole('button')).toHaveLength(8);
      },
    },
    /** A feed of 50,000 notices: the board lists the first 10,000 and says so, rather than freezing the page. */
    OverTenThousandNotices: {
      args: { src: fakeFeeds.archive(feed, 50_000), 'feed-max-bytes': 50_000_000 },
      play: async (context) => {
        const root = boardRoot(context);
        await listed(root, 10, 30_000);
        await expect(await shown(root, '.truncated')).toBeVisible();
      },
    },
    /** 适老化: larger text and targets, stronger contrast; with a warning and an opened notice. */
    CareMode: {
      args: { 'care-mode': true, 'alerts-src': fakeWarnings.severe },
      play: async (context) => {
        const root = boardRoot(context);
        await shown(root, '.root.care');
        await userEvent.click(await inBoard(context).findByRole('button', { name: title('xh-notice-2026-1123-community-canteens') }, found));
        await shown(root, '.details');
        await inBoard(context).findByRole('alert', undefined, found);
      },
    },
  } satisfies Record<string, NoticeBoardStory>;
}
