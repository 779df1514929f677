/**
 * `POST requests.json`, urlencoded or multipart: the spec's parameters with
 * the limits this server keeps. Fastify validates every request against it;
 * what a schema cannot say (attributes per category) is checked in
 * request-fields.ts.
 */
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;

export const maxPhotos = 5;
export const maxDescription = 4000;

export const postRequestSchema = {
  type: 'object',
  required: ['service_code'],
  properties: {
    service_code: { type: 'string', minLength: 1, maxLength: 64 },
    api_key: text(256),
    jurisdiction_id: text(64),
    lat: { type: 'number', minimum: -90, maximum: 90 },
    long: { type: 'number', minimum: -180, maximum: 180 },
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
    lang: text(35),
  },
} as const;

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
  },
} as const;
