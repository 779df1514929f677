import type { StoredRequest } from './request-store.js';

/**
 * Stored photos are kept as server paths (`/media/…`) and made absolute per
 * answer, so a forged Host header can only mislead its own answer, and the
 * links survive a change of host or port.
 */
function absolute(url: string, base: string): string {
  return url.startsWith('/') ? `${base}${url}` : url;
}

/** Photos this server checked, re-encoded and stored; not a link a client sent (`media_url`). */
const isStoredPhoto = (url: string) => url.startsWith('/media/');

/**
 * Three decimals, about 100 m: enough to see which street a report is
 * about, not which door. PIPL counts a precise position as sensitive
 * personal information, and a report is often made from home.
 */
const coarse = (degrees: number | null) => (degrees === null ? null : Math.round(degrees * 1000) / 1000);

/**
 * A request as anyone may see it (`GET requests.json`, `requests/{id}.json`):
 * what a citizen needs to follow progress and what a district may publish
 * (PIPL: publish the minimum). Service, status, notes, agency, dates and a
 * rounded position; never the address, which names a door when the position
 * does not. The description and photos only once staff have made them
 * public: `public_description` is the text staff wrote or approved (often a
 * redacted copy), and photos follow `media_public`. A link the client sent
 * (`media_url`) could point anywhere (a tracker, something unlawful), so only
 * staff ever see it.
 */
export function publicRequestView(request: StoredRequest, serviceName: string | undefined, base: string) {
  const photo = request.media_public ? request.media_urls.find(isStoredPhoto) : undefined;
  return {
    service_request_id: request.service_request_id,
    status: request.status,
    status_notes: request.status_notes,
    service_name: serviceName ?? null,
    service_code: request.service_code,
    description: request.public_description,
    agency_responsible: request.agency_responsible,
    service_notice: request.service_notice,
    requested_datetime: request.requested_datetime,
    updated_datetime: request.updated_datetime,
    expected_datetime: request.expected_datetime,
    address: null,
    address_id: null,
    zipcode: null,
    lat: coarse(request.lat),
    long: coarse(request.long),
    media_url: photo === undefined ? null : absolute(photo, base),
  };
}

/**
 * What staff see: everything, including what the citizen wrote, the exact
 * position and address, the answers, all photos (the client's own
 * `media_url` last), how to reach the citizen, and what is published.
 */
export function staffRequestView(request: StoredRequest, serviceName: string | undefined, base: string) {
  return {
    ...publicRequestView(request, serviceName, base),
    description: request.description,
    address: request.address_string,
    address_id: request.address_id,
    lat: request.lat,
    long: request.long,
    media_url: request.media_urls.map((url) => absolute(url, base)),
    attributes: request.attributes,
    contact: {
      first_name: request.first_name,
      last_name: request.last_name,
      phone: request.phone,
      email: request.email,
    },
    published: { description: request.public_description, media: request.media_public },
    review: request.review,
    closed_datetime: request.closed_datetime,
    anonymized_datetime: request.anonymized_datetime,
  };
}
