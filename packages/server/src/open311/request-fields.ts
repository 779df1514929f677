import type { Tables } from '../db/schema.js';
import type { ServiceAttributeData, ServiceData } from '../db/seed-types.js';
import { refusal } from '../http/api-error.js';
import { localize, type ContentLocale } from '../http/locale.js';
import { dateTimePattern, decimalPattern, maxPhotos } from './request-schema.js';

const decimal = new RegExp(decimalPattern);
const dateTime = new RegExp(dateTimePattern);

/** A coordinate sent as checked decimal text (the schema), within ±`limit` degrees; null when absent. */
function coordinate(value: unknown, limit: number, locale: ContentLocale): number | null {
  if (value === undefined || value === '') return null;
  const number = Number(value);
  if (typeof value !== 'string' || !decimal.test(value) || !Number.isFinite(number) || Math.abs(number) > limit) {
    throw refusal(400, locale, 'locationPair');
  }
  return number;
}

/** The citizen's fields of a report, as the database holds them. */
type CitizenFields = Pick<
  Tables['service_requests'],
  'service_code' | 'description' | 'address_string' | 'address_id' | 'lat' | 'long' | 'first_name' | 'last_name' | 'phone' | 'email' | 'device_id' | 'account_id' | 'jurisdiction_id'
>;

/** A report as it will be stored, after every check passed. */
export interface NewServiceRequest extends CitizenFields {
  /** Answers by attribute code; a multivaluelist answer is a list of keys. */
  attributes: Record<string, string | string[]>;
  /** A photo URL the client hosts itself (the spec's `media_url`). */
  media_url: string | null;
  /** Photo parts of a multipart request, not yet decoded. */
  photos: Buffer[];
  /** The client asked for the report to be reviewed before it is listed (`civic_review`). */
  review: 'suspected-spam' | null;
}

type Body = Record<string, unknown>;

function optionalText(body: Body, name: string): string | null {
  const value = body[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** `attribute[code]` and `attribute[code][]` as the client sent them, by code. */
function sentAttributes(body: Body): Map<string, string[]> {
  const sent = new Map<string, string[]>();
  for (const [name, value] of Object.entries(body)) {
    const match = /^attribute\[(.+?)\](\[\])?$/.exec(name);
    if (!match) continue;
    const values = [value].flat().filter((item): item is string => typeof item === 'string' && item.trim() !== '');
    sent.set(match[1]!, [...(sent.get(match[1]!) ?? []), ...values]);
  }
  return sent;
}

function checkAttribute(attribute: ServiceAttributeData, values: string[], locale: ContentLocale): string | string[] | undefined {
  const label = localize(attribute.description, locale) ?? attribute.code;
  if (values.length === 0) {
    if (attribute.required) throw refusal(400, locale, 'attributeRequired', label);
    return undefined;
  }
  const keys = new Set((attribute.values ?? []).map((value) => value.key));
  switch (attribute.datatype) {
    case 'multivaluelist':
      if (!values.every((value) => keys.has(value))) throw refusal(400, locale, 'attributeChoice', label);
      return [...new Set(values)];
    case 'singlevaluelist':
      if (values.length > 1 || !keys.has(values[0]!)) throw refusal(400, locale, 'attributeChoice', label);
      return values[0];
    case 'number':
      if (values.length > 1 || !decimal.test(values[0]!) || !Number.isFinite(Number(values[0]))) throw refusal(400, locale, 'attributeNumber', label);
      return values[0];
    case 'datetime':
      // Date.parse alone takes "1" (the year 2001) and much else.
      if (values.length > 1 || !dateTime.test(values[0]!) || Number.isNaN(Date.parse(values[0]!))) {
        throw refusal(400, locale, 'attributeDate', label);
      }
      return values[0];
    case 'string':
    case 'text': {
      const limit = attribute.datatype === 'string' ? 500 : 4000;
      if (values.length > 1) throw refusal(400, locale, 'invalidValue', label);
      if (values[0]!.length > limit) throw refusal(400, locale, 'tooLong', label, String(limit));
      return values[0];
    }
  }
}

function photosOf(body: Body): Buffer[] {
  return [body.media]
    .flat()
    .filter((part) => part !== undefined && part !== '')
    .map((part) => (Buffer.isBuffer(part) ? part : Buffer.from(String(part))));
}

/**
 * The checks a schema cannot express: the category exists, its questions are
 * answered with values of their kind, a position is a whole pair, and no more
 * photos than allowed. Messages are in the client's language.
 */
export function checkRequestFields(body: Body, service: ServiceData | undefined, locale: ContentLocale): NewServiceRequest {
  if (!service) throw refusal(400, locale, 'unknownService', String(body.service_code));
  const lat = coordinate(body.lat, 90, locale);
  const long = coordinate(body.long, 180, locale);
  if ((lat === null) !== (long === null)) throw refusal(400, locale, 'locationPair');

  const sent = sentAttributes(body);
  const known = new Set((service.attributes ?? []).map((attribute) => attribute.code));
  for (const code of sent.keys()) if (!known.has(code)) throw refusal(400, locale, 'attributeUnknown', code);
  const attributes: Record<string, string | string[]> = {};
  for (const attribute of service.attributes ?? []) {
    const answer = checkAttribute(attribute, sent.get(attribute.code) ?? [], locale);
    if (answer !== undefined) attributes[attribute.code] = answer;
  }

  const photos = photosOf(body);
  if (photos.length > maxPhotos) throw refusal(400, locale, 'tooManyPhotos', String(maxPhotos));
  return {
    service_code: service.service_code,
    description: optionalText(body, 'description'),
    address_string: optionalText(body, 'address_string'),
    address_id: optionalText(body, 'address_id'),
    lat,
    long,
    first_name: optionalText(body, 'first_name'),
    last_name: optionalText(body, 'last_name'),
    phone: optionalText(body, 'phone'),
    email: optionalText(body, 'email'),
    device_id: optionalText(body, 'device_id'),
    account_id: optionalText(body, 'account_id'),
    jurisdiction_id: optionalText(body, 'jurisdiction_id'),
    attributes,
    media_url: optionalText(body, 'media_url'),
    photos,
    // Whatever the reason the client gives, the report waits for staff.
    review: optionalText(body, 'civic_review') === null ? null : 'suspected-spam',
  };
}
