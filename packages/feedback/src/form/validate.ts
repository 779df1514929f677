import { msg, str } from '@lit/localize';
import type { FieldError, LocalizedText } from '@civic-widgets/core';
import type { ServiceAttribute } from '../open311/open311-types.js';
import { answerTo, givesLocation, needsConsent, normalizeInput, type FeedbackValues } from './feedback-values.js';

export const descriptionLimit = 4000;

// Shared with every widget's form: text made at render (so it follows a language switch) and one error per field.
export type { FieldError, LocalizedText } from '@civic-widgets/core';

export interface ValidationContext {
  /** The category's extra questions, or undefined when it has none (or they could not be loaded). */
  attributes: ServiceAttribute[] | undefined;
  location: 'none' | 'optional' | 'required';
}

export function attributeFieldId(attribute: ServiceAttribute, index: number): string {
  return `attribute-${index}-${attribute.datatype}`;
}

const phonePattern = /^\+?[\d\s()-]{5,20}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const numberPattern = /^-?\d+(\.\d+)?$/;

/** Errors in the order the fields appear, as the GOV.UK error summary lists them. */
export function validate(values: FeedbackValues, context: ValidationContext): FieldError[] {
  const errors: FieldError[] = [];
  if (!values.serviceCode) errors.push({ fieldId: 'category', message: () => msg('Choose what your message is about') });
  context.attributes?.forEach((attribute, index) => {
    const error = validateAttribute(attribute, answerTo(values, attribute.code));
    if (error) errors.push({ fieldId: attributeFieldId(attribute, index), message: error });
  });
  const description = values.description.trim();
  if (!description) {
    errors.push({ fieldId: 'description', message: () => msg('Describe the problem, question or suggestion') });
  } else if (description.length > descriptionLimit) {
    errors.push({
      fieldId: 'description',
      message: () => msg(str`The description must be ${descriptionLimit} characters or fewer`),
    });
  }
  if (context.location === 'required' && !givesLocation(values)) {
    errors.push({ fieldId: 'address', message: () => msg('Enter an address or use your current location') });
  }
  if (!values.anonymous) {
    const phone = normalizeInput(values.phone);
    if (phone && !phonePattern.test(phone)) {
      errors.push({ fieldId: 'phone', message: () => msg('Enter a phone number, like 021 6321 0000 or 138 0000 0000') });
    }
    const email = normalizeInput(values.email);
    if (email && !emailPattern.test(email)) {
      errors.push({ fieldId: 'email', message: () => msg('Enter an email address in the correct format, like name@example.com') });
    }
  }
  if (needsConsent(values) && !values.consent) {
    errors.push({ fieldId: 'consent', message: () => msg('Agree to the use of your details, or remove them') });
  }
  return errors;
}

function validateAttribute(attribute: ServiceAttribute, answer: string | string[] | undefined): LocalizedText | undefined {
  if (!attribute.variable) return undefined;
  const given = Array.isArray(answer) ? answer.length > 0 : normalizeInput(answer ?? '') !== '';
  const label = attribute.description;
  if (!given) return attribute.required ? () => msg(str`Answer "${label}"`) : undefined;
  if (attribute.datatype === 'number' && !numberPattern.test(normalizeInput(answer as string))) {
    return () => msg(str`"${label}" must be a number`);
  }
  return undefined;
}
