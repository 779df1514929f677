import type { Notice } from './feeds/notice.js';

const eventInit = { bubbles: true, composed: true };

/** Fired when a citizen opens a notice (shows its content, or follows its link). */
export class CivicNoticeOpenEvent extends Event {
  static readonly eventName = 'civic-notice-open';
  readonly detail: { item: Notice };
  constructor(item: Notice) {
    super(CivicNoticeOpenEvent.eventName, eventInit);
    this.detail = { item };
  }
}

/** Fired when a citizen dismisses an alert; `identifier` is the CAP alert's. */
export class CivicAlertDismissEvent extends Event {
  static readonly eventName = 'civic-alert-dismiss';
  readonly detail: { identifier: string };
  constructor(identifier: string) {
    super(CivicAlertDismissEvent.eventName, eventInit);
    this.detail = { identifier };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-notice-open': CivicNoticeOpenEvent;
    'civic-alert-dismiss': CivicAlertDismissEvent;
  }
}
