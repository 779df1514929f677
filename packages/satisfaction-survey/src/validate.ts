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

/** The server's character set for a phone number (packages/server/src/surveys/survey-schema.ts), and its limits. */
const phoneCharacters = /^[0-9+()\- ]+$/;
const longestPhone = 40;
/**
 * 7 to 20 digits, as the error message says: a local landline (7 or 8), with
 * its area code (021 1234 5678), a mobile (11), with +86 or an extension; a
 * stray key or "110" is caught.
 */
const fewestPhoneDigits = 7;
const mostPhoneDigits = 20;
export const longestName = 100;

/**
 * A phone number as typed, made plain: full-width digits and signs from a
 * Chinese input method (１３８, ＋, （）, －) become ASCII (NFKC), and any
 * space (U+3000 included), tab or line break becomes a plain space. Used both
 * to check the number and to send it.
 */
export function normalizePhone(phone: string): string {
  return phone.normalize('NFKC').replace(/\s/gu, ' ').trim();
}

/** Characters as the server counts them (JSON Schema maxLength counts code points, not UTF-16 units). */
function characterCount(text: string): number {
  return [...text].length;
}

function isPhoneNumber(phone: string): boolean {
  const plain = normalizePhone(phone);
  const digits = plain.match(/[0-9]/g)?.length ?? 0;
  return phoneCharacters.test(plain) && plain.length <= longestPhone && digits >= fewestPhoneDigits && digits <= mostPhoneDigits;
}

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
    const name = callback.name.trim();
    if (!name) errors.push({ fieldId: 'callback-name', message: () => msg('Enter your name, so we know whom to ask for') });
    else if (characterCount(name) > longestName) {
      errors.push({ fieldId: 'callback-name', message: () => msg('Your name must be 100 characters or fewer') });
    }
    if (!isPhoneNumber(callback.phone)) {
      errors.push({ fieldId: 'callback-phone', message: () => msg('Enter a phone number of 7 to 20 digits, such as 021 1234 5678 or 138 0013 8000') });
    }
    if (!callback.consent) errors.push({ fieldId: 'callback-consent', message: () => msg('Agree to the use of your name and phone number, or untick the call-back') });
  }
  return errors;
}
