import { defineCivicElement } from '@civic-widgets/core';
import { CivicNoticeBoard } from './civic-notice-board.js';

defineCivicElement('civic-notice-board', CivicNoticeBoard);

declare global {
  interface HTMLElementTagNameMap {
    'civic-notice-board': CivicNoticeBoard;
  }
}
