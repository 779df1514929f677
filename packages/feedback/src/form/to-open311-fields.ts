import type { Open311Fields } from '../open311/open311-client.js';
import type { ServiceAttribute } from '../open311/open311-types.js';
import { answerTo, givesContact, normalizeInput, type FeedbackValues } from './feedback-values.js';

export interface SubmissionSettings {
  apiKey: string;
  jurisdictionId: string;
  location: 'none' | 'optional' | 'required';
}

/**
 * The Open311 parameters for what the citizen entered. Only what they chose to
 * give is sent: no contact when anonymous, no position unless they asked for it.
 */
export function toOpen311Fields(
  values: FeedbackValues,
  attributes: ServiceAttribute[],
  settings: SubmissionSettings,
): Open311Fields {
  const fields: Open311Fields = { service_code: values.serviceCode };
  if (settings.apiKey) fields.api_key = settings.apiKey;
  if (settings.jurisdictionId) fields.jurisdiction_id = settings.jurisdictionId;
  for (const attribute of attributes) {
    const answer = answerTo(values, attribute.code);
    if (!attribute.variable || answer === undefined) continue;
    if (Array.isArray(answer)) {
      if (answer.length > 0) fields[`attribute[${attribute.code}][]`] = answer;
    } else if (normalizeInput(answer)) {
      fields[`attribute[${attribute.code}]`] = attributeValue(attribute, answer);
    }
  }
  fields.description = values.description.trim();
  if (settings.location !== 'none') {
    if (values.address.trim()) fields.address_string = values.address.trim();
    if (values.position) {
      fields.lat = values.position.latitude.toFixed(6);
      fields.long = values.position.longitude.toFixed(6);
    }
  }
  if (givesContact(values)) {
    // Open311 has no full-name field; a Chinese full name (family name first) is sent whole as first_name.
    if (values.name.trim()) fields.first_name = values.name.trim();
    if (values.phone.trim()) fields.phone = normalizeInput(values.phone);
    if (values.email.trim()) fields.email = normalizeInput(values.email);
  }
  return fields;
}

function attributeValue(attribute: ServiceAttribute, answer: string): string {
  if (attribute.datatype === 'number') return normalizeInput(answer);
  if (attribute.datatype === 'datetime') return withTimeZone(answer);
  return answer.trim();
}

/** `datetime-local` gives "2026-11-26T09:30"; Open311 wants ISO 8601 with the time zone. */
function withTimeZone(local: string): string {
  const date = new Date(local);
  if (Number.isNaN(date.getTime())) return local;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  const seconds = local.length === 16 ? ':00' : '';
  return `${local}${seconds}${sign}${hours}:${minutes}`;
}
