import type { Meta } from '@storybook/web-components-vite';
import { fakeEndpoint } from '../.storybook/fake-open311';
import { feedbackArgTypes, inLanguage, keyStates, renderFeedback, type FeedbackArgs, type FeedbackStory } from './feedback-story-kit';

/**
 * The key states in zh-Hant, with the district's Chinese catalog. A page of its
 * own: lit-localize's locale is page-global, so on a shared docs page these
 * stories would switch every other story's language too.
 */
const meta = {
  title: 'Widgets/Feedback in 繁體中文 (zh-Hant)',
  id: 'widgets-feedback-zh-hant',
  component: 'civic-feedback',
  tags: ['autodocs'],
  decorators: [inLanguage('zh-Hant')],
  argTypes: feedbackArgTypes,
  args: { endpoint: fakeEndpoint('ok') },
  render: renderFeedback,
} satisfies Meta<FeedbackArgs>;

export default meta;

const key = keyStates('zh');

export const Empty: FeedbackStory = key.Empty;
export const ValidationErrors: FeedbackStory = key.ValidationErrors;
export const Success: FeedbackStory = key.Success;
export const QueuedOffline: FeedbackStory = key.QueuedOffline;
export const ProgressLookup: FeedbackStory = key.ProgressLookup;
export const CareMode: FeedbackStory = key.CareMode;
export const HeldSend: FeedbackStory = key.HeldSend;
export const RemovalConfirmation: FeedbackStory = key.RemovalConfirmation;
export const AskBeforeShowingReceipt: FeedbackStory = key.AskBeforeShowingReceipt;
export const WaitingAfterReload: FeedbackStory = key.WaitingAfterReload;
export const PhotosDroppedAfterReload: FeedbackStory = key.PhotosDroppedAfterReload;
export const CatalogueTooLarge: FeedbackStory = key.CatalogueTooLarge;
