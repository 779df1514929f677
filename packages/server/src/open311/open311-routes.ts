import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { refusal, retryLater } from '../http/api-error.js';
import type { AppContext } from '../http/context.js';
import { publicBase } from '../http/context.js';
import { fingerprintOf, idempotencyKeyOf, type Claim } from '../http/idempotency.js';
import { contentLocale, localize, type ContentLocale } from '../http/locale.js';
import { messages } from '../http/messages.js';
import { maxPhotoPixels, NotAnImageError, PhotoQueueFullError, PhotoTooLargeError } from '../media/photo-store.js';
import { checkRequestFields } from './request-fields.js';
import { serializedCache } from '../http/serialized-cache.js';
import { countPattern, defaultPageSize, listRequestsQuerySchema, maxPageSize, patchRequestSchema, postRequestSchema } from './request-schema.js';
import { isoNow, type StaffChanges } from './request-store.js';
import { publicRequestView, staffRequestView } from './request-views.js';
import { serviceDefinitionView, serviceView } from './service-views.js';

const idempotencyScope = 'open311-request';
const defaultWindowDays = 90;
/** Distinct public lists kept at once (query × language × host), and for how long at most. */
const cachedLists = 500;
const cachedListAgeMs = 60_000;
const jsonType = 'application/json; charset=utf-8';
/** A full decode queue drains in seconds: two photos decode at once, each in a fraction of a second. */
const photoQueueRetryAfterSeconds = 5;

/** `services/{code}.json` → `code`; the spec's paths end in the format. Fastify has already decoded the parameter. */
function withoutFormat(file: string): string | undefined {
  return file.endsWith('.json') ? file.slice(0, -'.json'.length) : undefined;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Whether `given` is one of the configured api_keys. Digests have one length
 * and timingSafeEqual looks at every byte, and every key is compared, so the
 * time taken says nothing about how much of a key was right.
 */
function apiKeyMatcher(keys: string[]): (given: string) => boolean {
  const expected = keys.map(digest);
  return (given) => {
    const actual = digest(given);
    let found = false;
    for (const key of expected) found = timingSafeEqual(key, actual) || found;
    return found;
  };
}

/** Open311 GeoReport v2, JSON format, mounted at /open311/v2. */
export async function open311Routes(app: FastifyInstance, context: AppContext): Promise<void> {
  const { services, requests } = context;
  const serviceName = (code: string, locale: ContentLocale) => localize(services.find(code)?.service_name, locale);
  const isApiKey = apiKeyMatcher(context.config.apiKeys);
  // Kept as UTF-8 bytes: a cached answer is not encoded again for every client.
  const lists = serializedCache<Buffer>(cachedLists, cachedListAgeMs);

  app.get('/services.json', async (request, reply) => {
    const locale = contentLocale(request, reply);
    return services.all().map((service) => serviceView(service, locale));
  });

  app.get<{ Params: { file: string } }>('/services/:file', async (request, reply) => {
    const locale = contentLocale(request, reply);
    const code = withoutFormat(request.params.file);
    const service = code === undefined ? undefined : services.find(code);
    if (!service) throw refusal(404, locale, 'unknownService', code ?? request.params.file);
    return serviceDefinitionView(service, locale);
  });

  app.post<{ Body: Record<string, unknown> }>(
    '/requests.json',
    { schema: { body: postRequestSchema }, onRequest: context.limits.reports },
    async (request, reply) => {
      const locale = contentLocale(request, reply);
      const key = idempotencyKeyOf(request.headers['idempotency-key']);
      if (key === 'invalid') throw refusal(400, locale, 'badIdempotencyKey');
      if (context.config.apiKeys.length > 0 && !isApiKey(String(request.body.api_key ?? ''))) throw refusal(403, locale, 'badApiKey');
      const fields = checkRequestFields(request.body, services.find(String(request.body.service_code)), locale);

      const fingerprint = key ? fingerprintOf(fields) : '';
      const outcome = (claim: Claim) => {
        if (claim.kind === 'in-progress') throw refusal(409, locale, 'inProgress');
        if (claim.kind === 'mismatch') throw refusal(422, locale, 'keyReused');
        return claim;
      };
      // A report with photos holds its key while they are decoded (seconds), so that a
      // retry meanwhile is told to wait rather than decode them again. One without
      // claims its key in the transaction that stores it (below): a second try sent at
      // once, to this instance or another, waits for that commit and replays its answer.
      let attempt: string | undefined;
      if (key && fields.photos.length > 0) {
        const claim = outcome(await context.idempotency.claim(context.database.db, idempotencyScope, key, fingerprint));
        if (claim.kind === 'replay') return reply.code(claim.status).type('application/json').send(claim.body);
        attempt = claim.attempt;
      }
      let stored: string[] = [];
      try {
        // Spent before anything is decoded, and not by a retry that is answered from its key.
        if (fields.photos.length > 0) context.limits.photos(request, fields.photos.length);
        stored = await context.photos.save(fields.photos).catch((error: unknown) => {
          if (error instanceof PhotoTooLargeError) {
            const megapixels = Math.floor(maxPhotoPixels / 1_000_000);
            throw refusal(400, locale, 'photoTooLarge', String(megapixels * 100), String(megapixels));
          }
          if (error instanceof PhotoQueueFullError) throw retryLater(503, locale, 'busy', photoQueueRetryAfterSeconds);
          throw error instanceof NotAnImageError ? refusal(400, locale, 'notAnImage') : error;
        });
        const { photos: _photos, media_url, review, ...rest } = fields;
        const media_urls = [...stored.map((name) => `/media/${name}`), ...(media_url ? [media_url] : [])];
        const agency = localize(services.find(fields.service_code)?.agency, locale) ?? null;
        // The report and the answer to its key commit together: a retry either finds both or neither.
        const answer = await context.database.db.transaction().execute(async (trx) => {
          let held = attempt;
          if (key && !held) {
            const claim = outcome(await context.idempotency.claim(trx, idempotencyScope, key, fingerprint));
            if (claim.kind === 'replay') return claim;
            held = claim.attempt;
          }
          const created = await requests.insert(trx, rest, { media_urls, service_notice: messages.serviceNotice[locale], agency_responsible: agency, review });
          const body = [{ service_request_id: created.service_request_id, service_notice: created.service_notice, account_id: null }];
          // Taken over by a retry after abandonedAfterMs: that retry stores the report, this one rolls back.
          if (key && held && !(await context.idempotency.complete(trx, idempotencyScope, key, held, 200, body))) {
            throw refusal(409, locale, 'inProgress');
          }
          return body;
        });
        if ('kind' in answer) return reply.code(answer.status).type('application/json').send(answer.body);
        await requests.changed();
        request.log.info({ serviceRequestId: answer[0]!.service_request_id, review }, 'service request stored');
        return answer;
      } catch (error) {
        if (key && attempt) await context.idempotency.release(idempotencyScope, key, attempt);
        await context.photos.discard(stored);
        throw error;
      }
    },
  );

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/requests.json',
    { schema: { querystring: listRequestsQuerySchema }, onRequest: context.limits.reads },
    async (request, reply) => {
      const locale = contentLocale(request, reply);
      const { service_request_id, service_code, start_date, end_date, status, page = '1', page_size } = request.query;
      const base = publicBase(context, request);
      const key = JSON.stringify([locale, base, service_request_id, service_code, start_date, end_date, status, page, page_size]);
      const body = await lists.get(key, await requests.generation(), async () => {
        const ids = service_request_id?.split(',').map((id) => id.trim()).filter(Boolean);
        // The spec's default: the last 90 days, unless asked for particular requests.
        const start = start_date
          ? isoNow(new Date(start_date))
          : ids?.length
            ? undefined
            : isoNow(new Date(Date.now() - defaultWindowDays * 86_400_000));
        const size = Math.min(maxPageSize, Number(page_size ?? defaultPageSize));
        const found = await requests.list({
          ...(ids?.length ? { ids } : {}),
          ...(service_code ? { serviceCode: service_code } : {}),
          ...(status ? { statuses: status.split(',') } : {}),
          ...(start ? { start } : {}),
          ...(end_date ? { end: isoNow(new Date(end_date)) } : {}),
          limit: size,
          offset: (Number(page) - 1) * size,
        });
        return Buffer.from(JSON.stringify(found.map((item) => publicRequestView(item, serviceName(item.service_code, locale), base))));
      });
      return reply.type(jsonType).send(body);
    },
  );

  app.get<{ Params: { file: string } }>('/requests/:file', { onRequest: context.limits.reads }, async (request, reply) => {
    const locale = contentLocale(request, reply);
    const id = withoutFormat(request.params.file) ?? request.params.file;
    // A report held as suspected spam is still found by its own number: its citizen follows it like any other.
    const found = await requests.find(id);
    if (!found) throw refusal(404, locale, 'requestNotFound', id);
    return [publicRequestView(found, serviceName(found.service_code, locale), publicBase(context, request))];
  });

  // Staff: change what a citizen sees when checking progress.
  app.patch<{ Params: { file: string }; Body: StaffChanges }>(
    '/requests/:file',
    // The token is checked before the body is validated, so that anonymous
    // callers learn nothing about what a valid change looks like.
    { schema: { body: patchRequestSchema }, preValidation: context.staffOnly },
    async (request, reply) => {
      const locale = contentLocale(request, reply);
      const id = withoutFormat(request.params.file) ?? request.params.file;
      const { expected_datetime, ...rest } = request.body;
      const changes: StaffChanges = {
        ...rest,
        ...(expected_datetime !== undefined ? { expected_datetime: expected_datetime && isoNow(new Date(expected_datetime)) } : {}),
      };
      const updated = await requests.update(id, changes);
      if (!updated) throw refusal(404, locale, 'requestNotFound', id);
      request.log.info({ serviceRequestId: id, changes: Object.keys(changes) }, 'service request updated by staff');
      return [staffRequestView(updated, serviceName(updated.service_code, locale), publicBase(context, request))];
    },
  );
}

/** Reports on a page of the staff queue unless asked otherwise, and at most. */
const defaultQueuePage = 50;
const maxQueuePage = 200;

const staffQueueQuerySchema = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['open', 'closed', 'all'] },
    review: { type: 'string', enum: ['suspected-spam'] },
    service_code: { type: 'string', maxLength: 64 },
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time' },
    q: { type: 'string', maxLength: 200 },
    order: { type: 'string', enum: ['oldest', 'newest'] },
    cursor: { type: 'string', pattern: '^[0-9]{1,15}$' },
    limit: { type: 'string', pattern: countPattern },
    lang: { type: 'string', maxLength: 35 },
  },
} as const;

interface StaffQueueQuery {
  status?: 'open' | 'closed' | 'all';
  review?: 'suspected-spam';
  service_code?: string;
  from?: string;
  to?: string;
  q?: string;
  order?: 'oldest' | 'newest';
  cursor?: string;
  limit?: string;
}

/**
 * The staff queue: every field, contact details included, behind the staff
 * token. Keyset pages (`cursor` is the last page's `next`), so that a page
 * costs the same however deep, and a report arriving meanwhile neither
 * repeats nor hides one. Open reports oldest first by default: the most
 * overdue come first. Reports held as suspected spam only under `review`.
 */
export async function staffRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const { services, requests } = context;
  app.get<{ Querystring: StaffQueueQuery }>(
    '/requests',
    { preValidation: context.staffOnly, schema: { querystring: staffQueueQuerySchema } },
    async (request, reply) => {
      const locale = contentLocale(request, reply);
      const query = request.query;
      const status = query.status ?? 'open';
      const text = query.q?.trim();
      const page = await requests.queue({
        status,
        ...(query.review ? { review: query.review } : {}),
        ...(query.service_code ? { serviceCode: query.service_code } : {}),
        ...(query.from ? { from: isoNow(new Date(query.from)) } : {}),
        ...(query.to ? { to: isoNow(new Date(query.to)) } : {}),
        ...(text ? { text } : {}),
        order: query.order ?? (status === 'open' ? 'oldest' : 'newest'),
        ...(query.cursor ? { after: Number(query.cursor) } : {}),
        limit: Math.min(maxQueuePage, Number(query.limit ?? defaultQueuePage)),
      });
      const base = publicBase(context, request);
      return {
        requests: page.requests.map((item) => staffRequestView(item, localize(services.find(item.service_code)?.service_name, locale), base)),
        total: page.total,
        next: page.next === null ? null : String(page.next),
        totals: await requests.totals(),
      };
    },
  );
}
