/**
 * What each route answers, for the OpenAPI document only. Fastify would use a
 * route's `response` schema to serialize, dropping every field it does not
 * name; these live here instead, so documenting an answer can never change it.
 * Keyed by `METHOD url` as Fastify registers the route, a wildcard as `:path`.
 */
const json = 'application/json';
const problem = 'application/problem+json';

const content = (type: string, schema: object, description: string) => ({ description, content: { [type]: { schema } } });
const empty = (description: string) => ({ description, type: 'null' });

const nullableString = { type: ['string', 'null'] };
const dateTime = { type: 'string', format: 'date-time' };
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' };

/** Open311's errors: `[{code, description}]`, the description in the request's language. */
const open311Error = content(
  json,
  { type: 'array', items: { type: 'object', properties: { code: { type: 'integer' }, description: { type: 'string' } } } },
  'Refused: `[{code, description}]`, the description in the request’s language (shown to the citizen as it is). 429 and 503 carry `Retry-After`.',
);
/** The other routes' errors: RFC 9457 problem details. */
const problemDetails = content(
  problem,
  { type: 'object', properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' } } },
  'Refused: RFC 9457 problem details, `title` in the request’s language. 429 and 503 carry `Retry-After`.',
);

const service = {
  type: 'object',
  properties: {
    service_code: { type: 'string' },
    service_name: { type: 'string' },
    description: { type: 'string' },
    metadata: { type: 'boolean' },
    type: { type: 'string', enum: ['realtime', 'batch', 'blackbox'] },
    keywords: { type: 'string' },
    group: { type: 'string', description: '12345 request type: 咨询, 求助, 投诉, 建议 or 表扬 (in the request’s language).' },
  },
};

const serviceDefinition = {
  type: 'object',
  properties: {
    service_code: { type: 'string' },
    attributes: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          variable: { type: 'boolean' },
          code: { type: 'string' },
          datatype: { type: 'string', enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
          required: { type: 'boolean' },
          datatype_description: nullableString,
          order: { type: 'integer' },
          description: { type: 'string' },
          values: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, name: { type: 'string' } } } },
        },
      },
    },
  },
};

/** The public view of a report: no contact details, address or (unless staff publish them) description and photo. */
const publicRequest = {
  type: 'object',
  properties: {
    service_request_id: { type: 'string', examples: ['2026-000042'] },
    status: { type: 'string', enum: ['open', 'closed'] },
    status_notes: nullableString,
    service_name: nullableString,
    service_code: { type: 'string' },
    description: { ...nullableString, description: 'Only what staff published (`public_description`).' },
    agency_responsible: nullableString,
    service_notice: nullableString,
    requested_datetime: dateTime,
    updated_datetime: dateTime,
    expected_datetime: nullableDateTime,
    address: { type: 'null' },
    address_id: { type: 'null' },
    zipcode: { type: 'null' },
    lat: { type: ['number', 'null'], description: 'Rounded to three decimals (about 100 m).' },
    long: { type: ['number', 'null'] },
    media_url: { ...nullableString, description: 'The first stored photo, when staff set `media_public`.' },
  },
};

/** The staff view: every field of a report, contact details included. */
const staffRequest = {
  type: 'object',
  description: 'Every field of the public view, with the exact position, the citizen’s description, address, answers, all photos and contact details.',
  properties: {
    ...publicRequest.properties,
    lat: { type: ['number', 'null'] },
    long: { type: ['number', 'null'] },
    description: nullableString,
    address: nullableString,
    address_id: nullableString,
    media_url: { type: 'array', items: { type: 'string' } },
    attributes: { type: 'object', additionalProperties: true },
    contact: { type: 'object', properties: { first_name: nullableString, last_name: nullableString, phone: nullableString, email: nullableString } },
    published: { type: 'object', properties: { description: nullableString, media: { type: 'boolean' } } },
    review: { type: ['string', 'null'], enum: ['suspected-spam', null] },
    closed_datetime: nullableDateTime,
    anonymized_datetime: nullableDateTime,
  },
};

const notice = { type: 'object', description: 'A notice with its localized texts, as stored.', additionalProperties: true };
const healthChecks = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['pass', 'fail'] },
    checks: { type: 'object', additionalProperties: { type: 'array', items: { type: 'object', properties: { status: { type: 'string' }, output: { type: 'string' } } } } },
  },
};

type Responses = Record<string, object>;

const open311 = (ok: Responses): Responses => ({ ...ok, '4XX': open311Error, '5XX': open311Error });
const others = (ok: Responses): Responses => ({ ...ok, '4XX': problemDetails, '5XX': problemDetails });
const staffRefusals = { 401: problemDetails };

export const routeResponses: Record<string, { summary: string; response: Responses }> = {
  'GET /open311/v2/services.json': { summary: 'Categories (Open311 service list)', response: open311({ 200: content(json, { type: 'array', items: service }, 'The categories.') }) },
  'GET /open311/v2/services/:file': {
    summary: 'A category’s questions (Open311 service definition); `file` is `{service_code}.json`',
    response: open311({ 200: content(json, serviceDefinition, 'The definition.') }),
  },
  'POST /open311/v2/requests.json': {
    summary: 'Send a report (urlencoded, or multipart with up to 5 `media` photos); `Idempotency-Key` makes a retry safe',
    response: open311({
      200: content(
        json,
        {
          type: 'array',
          items: { type: 'object', properties: { service_request_id: { type: 'string' }, service_notice: nullableString, account_id: { type: 'null' } } },
        },
        'Stored (or, for a repeated `Idempotency-Key`, the first answer again).',
      ),
    }),
  },
  'GET /open311/v2/requests.json': { summary: 'Reports, newest first (public view)', response: open311({ 200: content(json, { type: 'array', items: publicRequest }, 'The reports.') }) },
  'GET /open311/v2/requests/:file': {
    summary: 'One report’s progress (public view); `file` is `{service_request_id}.json`',
    response: open311({ 200: content(json, { type: 'array', items: publicRequest, maxItems: 1 }, 'The report.') }),
  },
  'PATCH /open311/v2/requests/:file': {
    summary: 'Staff: change a report’s status, notes, agency, expected date, what the public sees, or its review',
    response: open311({ 200: content(json, { type: 'array', items: staffRequest, maxItems: 1 }, 'The updated report, as staff see it.') }),
  },
  'GET /staff/api/requests': {
    summary: 'Staff: the queue of reports, in keyset pages',
    response: others({
      ...staffRefusals,
      200: content(
        json,
        {
          type: 'object',
          properties: {
            requests: { type: 'array', items: staffRequest },
            total: { type: 'integer' },
            next: { ...nullableString, description: 'The `cursor` of the next page.' },
            totals: { type: 'object', properties: { open: { type: 'integer' }, closed: { type: 'integer' }, suspected_spam: { type: 'integer' } } },
          },
        },
        'A page of the queue.',
      ),
    }),
  },
  'GET /staff/api/callbacks': {
    summary: 'Staff: survey call-backs (差评回访) not yet handled, oldest first',
    response: others({ ...staffRefusals, 200: content(json, { type: 'object', properties: { callbacks: { type: 'array', items: { type: 'object', additionalProperties: true } } } }, 'The call-backs.') }),
  },
  'POST /staff/api/callbacks/:id/handled': {
    summary: 'Staff: mark a call-back handled, erasing its name and phone',
    response: others({ ...staffRefusals, 204: empty('Handled.') }),
  },
  'POST /surveys/responses': {
    summary: 'Send a rating; `Idempotency-Key` makes a retry safe',
    response: others({ 201: content(json, { type: 'object', properties: { id: { type: 'integer' }, receivedAt: dateTime } }, 'Stored.') }),
  },
  'GET /surveys/summary': {
    summary: 'Public results of a rated service',
    response: others({
      200: content(
        json,
        {
          type: 'object',
          properties: {
            total: { type: 'integer' },
            counts: { type: 'object', additionalProperties: { type: 'integer' } },
            satisfied: { type: 'integer' },
            satisfiedShare: { type: ['number', 'null'] },
            netPromoterScore: { type: ['number', 'null'] },
          },
        },
        'The summary (`ETag`, `Last-Modified`).',
      ),
      304: empty('Not modified since the `If-None-Match` given.'),
    }),
  },
  'GET /notices/feed.json': {
    summary: 'Notices as JSON Feed 1.1',
    response: others({ 200: content('application/feed+json', { type: 'object', additionalProperties: true }, 'The feed.'), 304: empty('Not modified.') }),
  },
  'GET /notices/feed.xml': {
    summary: 'Current notices as RSS 2.0',
    response: others({ 200: content('application/rss+xml', { type: 'string' }, 'The feed.'), 304: empty('Not modified.') }),
  },
  'POST /notices': { summary: 'Staff: publish a notice', response: others({ ...staffRefusals, 201: content(json, notice, 'The stored notice.') }) },
  'PATCH /notices/:id': { summary: 'Staff: change a notice', response: others({ ...staffRefusals, 200: content(json, notice, 'The changed notice.') }) },
  'DELETE /notices/:id': { summary: 'Staff: remove a notice', response: others({ ...staffRefusals, 204: empty('Removed.') }) },
  'GET /service-points.geojson': {
    summary: 'Community service points as an RFC 7946 FeatureCollection',
    response: others({ 200: content('application/geo+json', { type: 'object', properties: { type: { const: 'FeatureCollection' }, features: { type: 'array' } } }, 'The points.') }),
  },
  'GET /calendar/holidays.json': {
    summary: 'Public holidays and make-up workdays (holiday-cn format)',
    response: { 200: content(json, { type: 'array', items: { type: 'object', additionalProperties: true } }, 'The years.') },
  },
  'GET /health': { summary: 'Version and a plain “ok”', response: { 200: content(json, { type: 'object', properties: { status: { type: 'string' }, version: { type: 'string' } } }, 'Running.') } },
  'GET /health/live': { summary: 'Liveness: the process answers', response: { 200: content('application/health+json', healthChecks, 'Alive.') } },
  'GET /health/ready': {
    summary: 'Readiness: the database answers a query and the media folder is writable',
    response: { 200: content('application/health+json', healthChecks, 'Ready.'), 503: content('application/health+json', healthChecks, 'Not ready: the failed checks are named.') },
  },
  'GET /metrics': {
    summary: 'Prometheus metrics (staff token, or --metrics-listen)',
    response: { ...staffRefusals, 200: content('text/plain', { type: 'string' }, 'Prometheus text format 0.0.4.') },
  },
  'GET /openapi.json': { summary: 'This document', response: { 200: content(json, { type: 'object' }, 'OpenAPI 3.1.') } },
  'GET /media/:path': { summary: 'A stored photo (JPEG, no metadata)', response: { 200: content('image/jpeg', { type: 'string', contentMediaType: 'image/jpeg' }, 'The photo.'), 404: empty('None.') } },
  'GET /files/:path': { summary: 'A notice attachment', response: { 200: content('application/octet-stream', { type: 'string' }, 'The file.'), 404: empty('None.') } },
  'GET /cdn/:path': { summary: 'The widgets’ shared folder (`dist/cdn`), with --cdn-dir', response: { 200: content('text/javascript', { type: 'string' }, 'A widget file.'), 404: empty('None.') } },
  'GET /:path': { summary: 'The demo district site, with --site-dir', response: { 200: content('text/html', { type: 'string' }, 'A page.'), 404: empty('None.') } },
};
