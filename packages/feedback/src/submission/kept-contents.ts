import { msg } from '@lit/localize';
import { givesContact, givesLocation, type FeedbackValues } from '../form/feedback-values.js';
import type { LocalizedText } from '../form/validate.js';

/** What a kept report holds, so the "saved on this device" panel names exactly that and nothing more. */
export function keptContents(values: FeedbackValues, photoCount: number): LocalizedText[] {
  const answered = Object.values(values.attributes).some((answer) => (Array.isArray(answer) ? answer.length > 0 : answer.trim() !== ''));
  return [
    () => msg('your message'),
    ...(answered ? [() => msg('your answers to its questions')] : []),
    ...(givesLocation(values) ? [() => msg('the location')] : []),
    ...(photoCount > 0 ? [() => msg('your photos')] : []),
    ...(givesContact(values) ? [() => msg('your contact details')] : []),
  ];
}
