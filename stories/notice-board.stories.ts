import type { Meta } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { fakeFeeds, fakeWarnings } from '../.storybook/fake-feeds';
import { alertHeadline, titleOf } from '../.storybook/fake-feeds-data';
import {
  baseArgs,
  boardRoot,
  found,
  inBoard,
  itemTitled,
  keyStates,
  listed,
  listStatus,
  noticeBoardArgTypes,
  renderNoticeBoard,
  shown,
  words,
  type NoticeBoardArgs,
  type NoticeBoardStory,
} from './notice-board-story-kit';

/**
 * `<civic-notice-board>` against the fake feed server of this Storybook
 * (.storybook/fake-feeds.ts): a Shanghai district's notices as JSON Feed, RSS
 * or Atom, and the Shanghai Meteorological Service's warnings as CAP 1.2.
 * English here; the Chinese pages show the key states with the widget's
 * zh-Hans and zh-Hant catalogs and the district's Chinese feed.
 */
const meta = {
  title: 'Widgets/Notice board',
  id: 'widgets-notice-board',
  component: 'civic-notice-board',
  tags: ['autodocs'],
  argTypes: noticeBoardArgTypes,
  args: baseArgs('en'),
  render: renderNoticeBoard,
} satisfies Meta<NoticeBoardArgs>;

export default meta;

const key = keyStates('en');
const word = words.en;
const title = (id: string) => titleOf(id, 'en');

// ---- Each feed format.

export const JsonFeed: NoticeBoardStory = key.Notices;

export const Rss: NoticeBoardStory = key.Rss;

export const Atom: NoticeBoardStory = key.Atom;

export const Empty: NoticeBoardStory = key.Empty;

/** The feed has not answered yet (`slow.json` never does; the long timeout keeps the board waiting). */
export const Loading: NoticeBoardStory = {
  args: { src: fakeFeeds.slow, timeout: 86_400_000 },
  play: async (context) => {
    await expect((await shown(boardRoot(context), '.loading')).textContent).toBe(word.loading);
  },
};

// ---- The notices.

/** All of them on one page: the two pinned ones first; the two that have expired (`_civic.expires` in the past) are not there. */
export const PinnedAndExpired: NoticeBoardStory = {
  args: { 'page-size': 20 },
  play: async (context) => {
    const root = boardRoot(context);
    const items = await listed(root, 12);
    await expect(items.map((item) => item.classList.contains('pinned'))).toEqual([true, true, ...Array(10).fill(false)]);
    await expect(inBoard(context).queryByText(title('xh-notice-2026-1110-marathon-traffic'))).toBeNull();
    await expect(inBoard(context).queryByText(title('xh-notice-2026-0925-national-day-hours'))).toBeNull();
  },
};

export const OpenedNotice: NoticeBoardStory = key.OpenedNotice;

export const Attachments: NoticeBoardStory = key.Attachments;

/** A notice with a summary and a link only: its title is the link to its page. */
export const LinkOnlyNotice: NoticeBoardStory = {
  play: async (context) => {
    const link = await inBoard(context).findByRole('link', { name: title('xh-notice-2026-1117-winter-respiratory') }, found);
    await expect(link.getAttribute('href')).toMatch(/\/fake-feeds\/notices\/2026\/winter-respiratory-infections\.html$/);
  },
};

export const UnreadAndRead: NoticeBoardStory = key.UnreadAndRead;

/** `page-size="5"`, and "Show more notices" pressed: the focus moves to the first notice that appeared. */
export const ShowMore: NoticeBoardStory = {
  args: { 'page-size': 5 },
  play: async (context) => {
    const root = boardRoot(context);
    await listed(root, 5);
    await userEvent.click(inBoard(context).getByRole('button', { name: word.showMore }));
    await listed(root, 10);
    await waitFor(() => expect(root.activeElement).toBe(root.querySelector('.notices > li[data-index="5"] .title')));
    await expect(listStatus(root)).toBe(word.showing(10, 12));
  },
};

export const NewNoticesAfterRefresh: NoticeBoardStory = key.NewNoticesAfterRefresh;

// ---- Chips and search.

/** The "Traffic" chip pressed: only the traffic notices (the road works, pinned, and the metro exit). */
export const CategoryChosen: NoticeBoardStory = {
  play: async (context) => {
    const root = boardRoot(context);
    await listed(root, 10);
    const chip = within(inBoard(context).getByRole('group', { name: word.categories })).getByRole('button', { name: 'Traffic' });
    await userEvent.click(chip);
    await expect(chip).toHaveAttribute('aria-pressed', 'true');
    await listed(root, 2);
    itemTitled(root, title('xh-notice-2026-1119-metro-exit'));
  },
};

/** `categories="Consultations,Housing"`: a board for a housing page shows only those notices, and chips for their tags. */
export const CategoriesAttribute: NoticeBoardStory = {
  args: { categories: 'Consultations,Housing' },
  play: async (context) => {
    const root = boardRoot(context);
    await listed(root, 2);
    await expect(within(root.querySelector<HTMLElement>('.chips')!).getAllByRole('button').map((chip) => chip.textContent?.trim())).toEqual([
      'Housing',
      'Consultations',
    ]);
  },
};

/** "lift" typed: the lift subsidy consultation and the metro exit whose lift is being rebuilt. */
export const SearchResults: NoticeBoardStory = {
  play: async (context) => {
    const root = boardRoot(context);
    await listed(root, 10);
    await userEvent.type(inBoard(context).getByRole('searchbox', { name: word.search }), 'lift');
    await listed(root, 2);
    itemTitled(root, title('xh-notice-2026-1124-lift-subsidy-consultation'));
    itemTitled(root, title('xh-notice-2026-1119-metro-exit'));
  },
};

export const SearchNoResult: NoticeBoardStory = key.SearchNoResult;

// ---- Warnings (CAP 1.2).

export const SevereWarning: NoticeBoardStory = key.SevereWarning;

/** Blue gale warning (CAP Minor): polite (role="status"), with a button to dismiss it. */
export const MinorWarning: NoticeBoardStory = {
  args: { 'alerts-src': fakeWarnings.minor },
  play: async (context) => {
    const warning = await inBoard(context).findByRole('status', { name: new RegExp(alertHeadline('gale-blue', 'en')) }, found);
    await expect(within(warning).getByText(word.advisory)).toBeVisible();
    await expect(within(warning).getByRole('button', { name: word.dismiss })).toBeVisible();
  },
};

export const MinorWarningDismissed: NoticeBoardStory = key.MinorWarningDismissed;

export const UpdatedWarning: NoticeBoardStory = key.UpdatedWarning;

export const CancelledWarning: NoticeBoardStory = key.CancelledWarning;

/** `alerts-src` without `src`: warnings only, as on a district's home page above its own news. */
export const WarningsOnly: NoticeBoardStory = {
  args: { src: '', 'alerts-src': fakeWarnings.severe },
  play: async (context) => {
    await inBoard(context).findByRole('alert', { name: new RegExp(alertHeadline('cold-wave-orange', 'en')) }, found);
    await expect(boardRoot(context).querySelector('.notices, .filters')).toBeNull();
  },
};

export const WarningsOnlyDismissed: NoticeBoardStory = key.WarningsOnlyDismissed;

// ---- Size and care mode.

export const TenThousandNotices: NoticeBoardStory = key.TenThousandNotices;
export const OverTenThousandNotices: NoticeBoardStory = key.OverTenThousandNotices;

export const CareMode: NoticeBoardStory = key.CareMode;

// ---- Bad data and bad configuration: a plain message for the citizen and one console error for the web team.

export const BrokenFeed: NoticeBoardStory = key.BrokenFeed;

/** The feed's server answers 503. Logs one console error, on purpose. */
export const FeedUnavailable: NoticeBoardStory = {
  args: { src: fakeFeeds.unavailable },
  play: async (context) => {
    await expect((await shown(boardRoot(context), '.problem')).textContent).toBe(word.couldNotLoad);
  },
};

export const FeedTooLarge: NoticeBoardStory = key.FeedTooLarge;

/** A warnings file larger than `alerts-max-bytes` (1 MB unless set; 500 bytes here). Logs one console error, on purpose. */
export const WarningsTooLarge: NoticeBoardStory = {
  args: { 'alerts-src': fakeWarnings.minor, 'alerts-max-bytes': 500 },
  play: async (context) => {
    await expect((await shown(boardRoot(context), '.problem')).textContent).toContain('the warnings file is too large for this board');
  },
};

/** Neither `src` nor `alerts-src`. Logs one console error, on purpose. */
export const NotConfigured: NoticeBoardStory = {
  args: { src: '' },
  play: async (context) => {
    await expect((await shown(boardRoot(context), '.problem')).textContent).toBe(word.notSetUp);
  },
};

/** On a district page with a dark colour scheme: the board keeps its own light background and draws its search field for it. */
export const OnADarkPage: NoticeBoardStory = {
  decorators: [(story) => html`<div class="dark-host-page">${story()}</div>`],
  play: async (context) => {
    await expect(getComputedStyle(await shown(boardRoot(context), '#notice-search')).colorScheme).toBe('light');
  },
};

/** Under the page's own section heading (heading-level="3"): warnings and notice titles are h3s. */
export const UnderASectionHeading: NoticeBoardStory = {
  args: { 'heading-level': 3 },
  decorators: [(story) => html`<h2>Notices</h2>${story()}`],
  play: async (context) => {
    await shown(boardRoot(context), 'h3.notice-heading');
  },
};
