import type { Open311Fields } from './open311/open311-client.js';

const eventInit = { bubbles: true, composed: true };

/** Fired before a report is sent. Cancel it to stop sending; add to `detail.fields` (e.g. a CAPTCHA token) to send more. */
export class CivicFeedbackSubmitEvent extends Event {
  static readonly eventName = 'civic-feedback-submit';
  readonly detail: { fields: Open311Fields };
  constructor(fields: Open311Fields) {
    super(CivicFeedbackSubmitEvent.eventName, { ...eventInit, cancelable: true });
    this.detail = { fields };
  }
}

/** Fired when the server accepted a report, now or later from the outbox. */
export class CivicFeedbackSuccessEvent extends Event {
  static readonly eventName = 'civic-feedback-success';
  readonly detail: { requestId?: string; token?: string; notice: string };
  constructor(detail: { requestId?: string; token?: string; notice: string }) {
    super(CivicFeedbackSuccessEvent.eventName, eventInit);
    this.detail = detail;
  }
}

/** Fired when a report could not be sent and was kept on the device to be sent automatically. */
export class CivicFeedbackQueuedEvent extends Event {
  static readonly eventName = 'civic-feedback-queued';
  readonly detail: { idempotencyKey: string };
  constructor(idempotencyKey: string) {
    super(CivicFeedbackQueuedEvent.eventName, eventInit);
    this.detail = { idempotencyKey };
  }
}

/** Fired when a report was refused (4xx) or could neither be sent nor kept. `status` is 0 without an HTTP answer. */
export class CivicFeedbackErrorEvent extends Event {
  static readonly eventName = 'civic-feedback-error';
  readonly detail: { status: number; message: string };
  constructor(status: number, message: string) {
    super(CivicFeedbackErrorEvent.eventName, eventInit);
    this.detail = { status, message };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-feedback-submit': CivicFeedbackSubmitEvent;
    'civic-feedback-success': CivicFeedbackSuccessEvent;
    'civic-feedback-queued': CivicFeedbackQueuedEvent;
    'civic-feedback-error': CivicFeedbackErrorEvent;
  }
}
