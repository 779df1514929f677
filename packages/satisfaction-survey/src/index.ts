export { CivicSatisfactionSurvey, type SurveyDisplay, type SurveyMode } from './civic-satisfaction-survey.js';
export {
  CivicSurveyDismissEvent,
  CivicSurveyErrorEvent,
  CivicSurveyQueuedEvent,
  CivicSurveySubmitEvent,
  CivicSurveySuccessEvent,
} from './events.js';
export type { SurveyResponse } from './survey-response.js';
export type { ScaleName } from './scales.js';
export type { ReasonCode } from './reasons.js';
