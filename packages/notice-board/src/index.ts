export { CivicNoticeBoard } from './civic-notice-board.js';
export { CivicAlertDismissEvent, CivicNoticeOpenEvent } from './events.js';
export type { Attachment, Notice } from './feeds/notice.js';
