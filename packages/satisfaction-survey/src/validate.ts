import { msg } from '@lit/localize';
import type { FieldError } from '@civic-widgets/core';
import type { Scale } from './scales.js';
import type { CallbackValues } from './views/callback-fields.js';
import { maxComment } from './views/follow-up.js';

export interface SurveyValues {
  rating: number | undefined;
  comment: string;
  callback: CallbackValues;
}

/** Digits with the usual separators; at least 5 digits, so "110" or a stray key is caught. */
const phonePattern = /^\+?[\d\s()-]{5,40}$/;

/** Checked on send, not while typing (GOV.UK): each error names its field and how to put it right. */
export function validateSurvey(values: SurveyValues, scale: Scale, offersCallback: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (values.rating === undefined) {
    errors.push({ fieldId: `rating-${scale.options[0]!.value}`, message: () => msg('Choose a rating') });
  }
  if (values.comment.length > maxComment) {
    errors.push({ fieldId: 'comment', message: () => msg('Your comment must be 1,000 characters or fewer') });
  }
  const callback = values.callback;
  if (offersCallback && callback.wanted) {
    if (!callback.name.trim()) errors.push({ fieldId: 'callback-name', message: () => msg('Enter your name, so we know whom to ask for') });
    if (!phonePattern.test(callback.phone.trim())) {
      errors.push({ fieldId: 'callback-phone', message: () => msg('Enter a phone number, like 021 6123 4567 or 138 0000 0000') });
    }
    if (!callback.consent) errors.push({ fieldId: 'callback-consent', message: () => msg('Agree to the use of your name and phone number, or untick the call-back') });
  }
  return errors;
}
