import type { Meta } from '@storybook/web-components-vite';
import { baseArgs, inLanguage, keyStates, renderSurvey, surveyArgTypes, type SurveyArgs, type SurveyStory } from './survey-story-kit';

/**
 * The key states in zh-Hans, with the widget's Chinese catalog. A page of its
 * own: lit-localize's locale is page-global, so on a shared docs page these
 * stories would switch every other story's language too.
 */
const meta = {
  title: 'Widgets/Satisfaction survey in 简体中文 (zh-Hans)',
  id: 'widgets-satisfaction-survey-zh-hans',
  component: 'civic-satisfaction-survey',
  tags: ['autodocs'],
  decorators: [inLanguage('zh-Hans')],
  argTypes: surveyArgTypes,
  args: baseArgs(),
  render: renderSurvey,
} satisfies Meta<SurveyArgs>;

export default meta;

const key = keyStates('zh-Hans');

export const Unanswered: SurveyStory = key.Unanswered;
export const LowRatingWithCallBack: SurveyStory = key.LowRatingWithCallBack;
export const CallBackValidationErrors: SurveyStory = key.CallBackValidationErrors;
export const HighRatingFollowUp: SurveyStory = key.HighRatingFollowUp;
export const Sending: SurveyStory = key.Sending;
export const Thanks: SurveyStory = key.Thanks;
export const QueuedOffline: SurveyStory = key.QueuedOffline;
export const Refused: SurveyStory = key.Refused;
export const Results: SurveyStory = key.Results;
export const ButtonPanelOpen: SurveyStory = key.ButtonPanelOpen;
export const ResultsRefreshedAfterRating: SurveyStory = key.ResultsRefreshedAfterRating;
export const ButtonSteppedAside: SurveyStory = key.ButtonSteppedAside;
export const CareMode: SurveyStory = key.CareMode;
