import type { StoredRequest } from './request-store.js';

/**
 * Stored photos are kept as server paths (`/media/…`) and made absolute per
 * answer, so a forged Host header can only mislead its own answer, and the
 * links survive a change of host or port.
 */
function absolute(url: string, base: string): string {
  return url.startsWith('/') ? `${base}${url}` : url;
}

/**
 * A request as `GET requests.json` shows it to anyone: the spec's fields and
 * nothing about the citizen who sent it.
 */
export function publicRequestView(request: StoredRequest, serviceName: string | undefined, base: string) {
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
    lat: request.lat,
    long: request.long,
    media_url: request.media_urls[0] === undefined ? null : absolute(request.media_urls[0], base),
  };
}

/** What staff see: everything, including the answers, all photos and how to reach the citizen. */
export function staffRequestView(request: StoredRequest, serviceName: string | undefined, base: string) {
  return {
    ...publicRequestView(request, serviceName, base),
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
