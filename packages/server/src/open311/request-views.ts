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
 * A request as `GET requests.json` shows it to anyone: the spec's fields and
 * nothing about the citizen who sent it. The position is rounded, and the
 * photo is one the server stored: a link the client sent could point
 * anywhere (a tracker, something unlawful), so only staff see it.
 */
export function publicRequestView(request: StoredRequest, serviceName: string | undefined, base: string) {
  const photo = request.media_urls.find(isStoredPhoto);
  return {
    service_request_id: request.service_request_id,
    status: request.status,
    status_notes: request.status_notes,
    service_name: serviceName ?? null,
    service_code: request.service_code,
    description: request.description,
    agency_responsible: request.agency_responsible,
    service_notice: request.service_notice,
    requested_datetime: request.requested_datetime,
    updated_datetime: request.updated_datetime,
    expected_datetime: request.expected_datetime,
    address: request.address_string,
    address_id: request.address_id,
    zipcode: null,
    lat: coarse(request.lat),
    long: coarse(request.long),
    media_url: photo === undefined ? null : absolute(photo, base),
  };
}

/**
 * What staff see: everything, including the exact position, the answers, all
 * photos (the client's own `media_url` last) and how to reach the citizen.
 */
export function staffRequestView(request: StoredRequest, serviceName: string | undefined, base: string) {
  return {
    ...publicRequestView(request, serviceName, base),
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
  };
}
