import type { ScaleName } from './scales.js';
import type { ReasonCode } from './reasons.js';

/** What is sent to `endpoint`: the rating and what the citizen chose to add, no identifiers. */
export interface SurveyResponse {
  scale: ScaleName;
  rating: number;
  reasons: ReasonCode[];
  comment: string;
  /** Only when the citizen asked to be called back and agreed to it. */
  callback?: { name: string; phone: string };
  serviceId: string;
  /** The page, without query string or fragment: those can carry personal data or tracking codes. */
  pageUrl: string;
  locale: string;
  submittedAt: string;
}

export function currentPageUrl(): string {
  return `${location.origin}${location.pathname}`;
}
