import type { Meta } from '@storybook/web-components-vite';
import { baseArgs, inLanguage, keyStates, noticeBoardArgTypes, renderNoticeBoard, type NoticeBoardArgs, type NoticeBoardStory } from './notice-board-story-kit';

/**
 * The key states in zh-Hans, with the widget's zh-Hans catalog and the district's Chinese feed.
 * A page of its own: lit-localize's locale is page-global, so on a shared
 * docs page these stories would switch every other story's language too.
 */
const meta = {
  title: 'Widgets/Notice board in 简体中文 (zh-Hans)',
  id: 'widgets-notice-board-zh-hans',
  component: 'civic-notice-board',
  tags: ['autodocs'],
  decorators: [inLanguage('zh-Hans')],
  argTypes: noticeBoardArgTypes,
  args: baseArgs('zh-Hans'),
  render: renderNoticeBoard,
} satisfies Meta<NoticeBoardArgs>;

export default meta;

const key = keyStates('zh-Hans');

export const JsonFeed: NoticeBoardStory = key.Notices;
export const Rss: NoticeBoardStory = key.Rss;
export const Atom: NoticeBoardStory = key.Atom;
export const Empty: NoticeBoardStory = key.Empty;
export const OpenedNotice: NoticeBoardStory = key.OpenedNotice;
export const Attachments: NoticeBoardStory = key.Attachments;
export const UnreadAndRead: NoticeBoardStory = key.UnreadAndRead;
export const NewNoticesAfterRefresh: NoticeBoardStory = key.NewNoticesAfterRefresh;
export const SearchNoResult: NoticeBoardStory = key.SearchNoResult;
export const SevereWarning: NoticeBoardStory = key.SevereWarning;
export const MinorWarningDismissed: NoticeBoardStory = key.MinorWarningDismissed;
export const UpdatedWarning: NoticeBoardStory = key.UpdatedWarning;
export const CancelledWarning: NoticeBoardStory = key.CancelledWarning;
export const TenThousandNotices: NoticeBoardStory = key.TenThousandNotices;
export const CareMode: NoticeBoardStory = key.CareMode;
export const WarningsOnlyDismissed: NoticeBoardStory = key.WarningsOnlyDismissed;
export const FeedTooLarge: NoticeBoardStory = key.FeedTooLarge;
export const BrokenFeed: NoticeBoardStory = key.BrokenFeed;
