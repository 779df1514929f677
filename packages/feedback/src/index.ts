export { CivicFeedback, type LocationMode } from './civic-feedback.js';
export {
  CivicFeedbackErrorEvent,
  CivicFeedbackQueuedEvent,
  CivicFeedbackSubmitEvent,
  CivicFeedbackSuccessEvent,
} from './events.js';
export type { Open311Fields } from './open311/open311-client.js';
export type { Service, ServiceAttribute, ServiceRequestStatus, SubmissionReceipt } from './open311/open311-types.js';
