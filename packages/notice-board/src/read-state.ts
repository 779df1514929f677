import { readStored, writeStored } from '@civic-widgets/core';
import type { Notice } from './feeds/notice.js';

const readPrefix = 'civic-notice-read:';
const dismissedPrefix = 'civic-alert-dismissed:';

/** A changed notice (a new date_modified) counts as a new version, and so as unread again. */
function versionOf(notice: Notice): string {
  return String((notice.modified ?? notice.published)?.getTime() ?? 0);
}

export function isUnread(notice: Notice): boolean {
  return readStored(() => localStorage, readPrefix + notice.id) !== versionOf(notice);
}

export function markRead(notice: Notice): void {
  writeStored(() => localStorage, readPrefix + notice.id, versionOf(notice));
}

/** Dismissals are per alert version (identifier and sent): an Update shows again. */
export function isDismissed(version: string): boolean {
  return readStored(() => localStorage, dismissedPrefix + version) !== null;
}

export function rememberDismissed(version: string): void {
  writeStored(() => localStorage, dismissedPrefix + version, '1');
}
