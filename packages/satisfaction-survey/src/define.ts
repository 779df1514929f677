import { defineCivicElement } from '@civic-widgets/core';
import { CivicSatisfactionSurvey } from './civic-satisfaction-survey.js';

defineCivicElement('civic-satisfaction-survey', CivicSatisfactionSurvey);

declare global {
  interface HTMLElementTagNameMap {
    'civic-satisfaction-survey': CivicSatisfactionSurvey;
  }
}
