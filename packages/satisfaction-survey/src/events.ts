import type { SurveyResponse } from './survey-response.js';

const eventInit = { bubbles: true, composed: true };

/** Fired before a response is sent. Cancel it to stop sending; `detail.response` is what would be sent. */
export class CivicSurveySubmitEvent extends Event {
  static readonly eventName = 'civic-survey-submit';
  readonly detail: { response: SurveyResponse };
  constructor(response: SurveyResponse) {
    super(CivicSurveySubmitEvent.eventName, { ...eventInit, cancelable: true });
    this.detail = { response };
  }
}

/** Fired when the server accepted a response, now or later from the outbox. */
export class CivicSurveySuccessEvent extends Event {
  static readonly eventName = 'civic-survey-success';
  readonly detail: { idempotencyKey: string };
  constructor(idempotencyKey: string) {
    super(CivicSurveySuccessEvent.eventName, eventInit);
    this.detail = { idempotencyKey };
  }
}

/** Fired when a response could not be sent and was kept on the device to be sent automatically. */
export class CivicSurveyQueuedEvent extends Event {
  static readonly eventName = 'civic-survey-queued';
  readonly detail: { idempotencyKey: string };
  constructor(idempotencyKey: string) {
    super(CivicSurveyQueuedEvent.eventName, eventInit);
    this.detail = { idempotencyKey };
  }
}

/** Fired when the citizen closed the survey without answering; it stays away for the rest of the session. */
export class CivicSurveyDismissEvent extends Event {
  static readonly eventName = 'civic-survey-dismiss';
  constructor() {
    super(CivicSurveyDismissEvent.eventName, eventInit);
  }
}

/** Fired when a response was refused (4xx) or could neither be sent nor kept. `status` is 0 without an HTTP answer. */
export class CivicSurveyErrorEvent extends Event {
  static readonly eventName = 'civic-survey-error';
  readonly detail: { status: number; message: string };
  constructor(status: number, message: string) {
    super(CivicSurveyErrorEvent.eventName, eventInit);
    this.detail = { status, message };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-survey-submit': CivicSurveySubmitEvent;
    'civic-survey-success': CivicSurveySuccessEvent;
    'civic-survey-queued': CivicSurveyQueuedEvent;
    'civic-survey-dismiss': CivicSurveyDismissEvent;
    'civic-survey-error': CivicSurveyErrorEvent;
  }
}
