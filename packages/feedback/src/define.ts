import { defineCivicElement } from '@civic-widgets/core';
import { CivicFeedback } from './civic-feedback.js';

defineCivicElement('civic-feedback', CivicFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'civic-feedback': CivicFeedback;
  }
}
