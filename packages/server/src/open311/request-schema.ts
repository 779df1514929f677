/**
 * `POST requests.json`, urlencoded or multipart: the spec's parameters with
 * the limits this server keeps. Fastify validates every request against it;
 * what a schema cannot say (attributes per category) is checked in
 * request-fields.ts.
 */
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;

/**
 * Numbers arrive as text, and are checked as text before anything turns
 * them into numbers: JavaScript's Number() (and Ajv's coercion) also takes
 * "Infinity", "1e400" and "0x1F". Plain decimals only; the range and
 * Number.isFinite are checked after conversion (request-fields.ts).
 */
export const decimalPattern = '^[+-]?[0-9]{1,15}(\\.[0-9]{1,15})?$';
/** ISO 8601 date, or date and time with an optional offset (a datetime-local control sends none). */
export const dateTimePattern = '^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$';
/** A whole number of up to six digits, as a query parameter. */
export const countPattern = '^[1-9][0-9]{0,5}$';

export const maxPhotos = 5;
export const maxDescription = 4000;

export const postRequestSchema = {
  type: 'object',
  required: ['service_code'],
  properties: {
    service_code: { type: 'string', minLength: 1, maxLength: 64 },
    api_key: text(256),
    jurisdiction_id: text(64),
    lat: { type: 'string', maxLength: 40, pattern: decimalPattern },
    long: { type: 'string', maxLength: 40, pattern: decimalPattern },
    address_string: text(500),
    address_id: text(100),
    email: { anyOf: [{ type: 'string', maxLength: 0 }, { type: 'string', format: 'email', maxLength: 254 }] },
    device_id: text(100),
    account_id: text(100),
    first_name: text(100),
    last_name: text(100),
    phone: { type: 'string', maxLength: 40, pattern: '^[0-9+()\\- ]*$' },
    description: text(maxDescription),
    media_url: { type: 'string', maxLength: 2048, pattern: '^https?://' },
    // Photo parts of a multipart request (Buffers); their content is checked when they are decoded.
    media: {},
    // Set by <civic-feedback> when its honeypot field was filled (browsers' autofill does that too):
    // the report is kept, but out of public lists and the default staff queue until staff restore it.
    civic_review: text(40),
  },
  patternProperties: {
    '^attribute\\[[A-Za-z0-9_.:-]{1,64}\\](\\[\\])?$': {
      anyOf: [
        { type: 'string', maxLength: maxDescription },
        { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 500 } },
      ],
    },
  },
} as const;

/** Query parameters of `GET requests.json`. */
export const listRequestsQuerySchema = {
  type: 'object',
  properties: {
    service_request_id: { type: 'string', maxLength: 2000 },
    service_code: { type: 'string', maxLength: 64 },
    start_date: { type: 'string', format: 'date-time' },
    end_date: { type: 'string', format: 'date-time' },
    status: { type: 'string', pattern: '^(open|closed)(,(open|closed))?$' },
    jurisdiction_id: text(64),
    // Pages of the list, newest first (an extension of the spec, as in Open311 servers such as Mark-a-Spot).
    page: { type: 'string', pattern: countPattern },
    page_size: { type: 'string', pattern: countPattern },
    lang: text(35),
  },
} as const;

/** Reports a page of `GET requests.json` holds unless asked otherwise, and at most. */
export const defaultPageSize = 100;
export const maxPageSize = 200;

/** Staff changes to a request (`PATCH requests/{id}`). */
export const patchRequestSchema = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['open', 'closed'] },
    status_notes: { type: ['string', 'null'], maxLength: 2000 },
    agency_responsible: { type: ['string', 'null'], maxLength: 200 },
    expected_datetime: { anyOf: [{ type: 'null' }, { type: 'string', format: 'date-time' }] },
    // What the public sees: staff's own (redacted) text, and whether the stored photos are shown.
    public_description: { type: ['string', 'null'], maxLength: maxDescription },
    media_public: { type: 'boolean' },
    // null restores a report held as suspected spam; staff can also hold one.
    review: { anyOf: [{ type: 'null' }, { type: 'string', enum: ['suspected-spam'] }] },
  },
} as const;
