import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { refusal } from '../http/api-error.js';
import type { AppContext } from '../http/context.js';
import { fingerprintOf, idempotencyKeyOf } from '../http/idempotency.js';
import { contentLocale, requestLocale } from '../http/locale.js';
import { serializedCache } from '../http/serialized-cache.js';
import {
  scaleRanges,
  summaryDays,
  summaryQuerySchema,
  surveyResponseSchema,
  type SummaryQuery,
  type SurveyResponseBody,
} from './survey-schema.js';
import { surveyStore } from './survey-store.js';
import { summarize } from './survey-summary.js';

const idempotencyScope = 'survey-response';
/** Summaries kept at once (service × scale × days), and for how long at most (the window moves). */
const cachedSummaries = 1000;
const cachedSummaryAgeMs = 60_000;
/** Call-backs a page of the staff queue shows. */
const callbackPage = 200;

interface SummaryAnswer {
  text: string;
  /** Weak: two answers with the same counts mean the same, though their `to` differs. */
  etag: string;
  lastModified: string | undefined;
}

/** Whether an If-None-Match header names `etag` (weak comparison, RFC 9110 13.1.2). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/**
 * The page a rating was given on, without query string, fragment or
 * credentials: those can carry session ids, search terms or personal data,
 * and the page is all a summary needs.
 */
function pageWithoutQuery(url: string): string | undefined {
  try {
    const page = new URL(url);
    if (page.protocol !== 'http:' && page.protocol !== 'https:') return undefined;
    page.search = '';
    page.hash = '';
    page.username = '';
    page.password = '';
    return page.href;
  } catch {
    return undefined;
  }
}

/** Satisfaction ratings (好差评 and the usual web scales), mounted at /surveys. */
export async function surveyRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const store = surveyStore(context.database);
  const summaries = serializedCache<SummaryAnswer>(cachedSummaries, cachedSummaryAgeMs);

  app.post<{ Body: SurveyResponseBody }>(
    '/responses',
    {
      schema: { body: surveyResponseSchema },
      onRequest: context.limits.surveys,
    },
    async (request, reply) => {
      const locale = contentLocale(request, reply);
      const key = idempotencyKeyOf(request.headers['idempotency-key']);
      if (key === 'invalid') throw refusal(400, locale, 'badIdempotencyKey');
      const body = request.body;
      // The schema only bounds the rating to 0–10; the range of its own scale is said here, in words.
      const range = scaleRanges[body.scale];
      if (body.rating < range.min || body.rating > range.max) {
        throw refusal(400, locale, 'ratingRange', body.scale, String(range.min), String(range.max));
      }
      const pageUrl = body.pageUrl === undefined ? null : pageWithoutQuery(body.pageUrl);
      if (pageUrl === undefined) throw refusal(400, locale, 'badUrl', 'pageUrl');

      const response = {
        serviceId: body.serviceId,
        scale: body.scale,
        rating: body.rating,
        reasons: body.reasons ?? [],
        comment: body.comment?.trim() || null,
        callbackName: body.callback?.name ?? null,
        callbackPhone: body.callback?.phone ?? null,
        pageUrl,
        locale: body.locale ?? null,
        submittedAt: body.submittedAt === undefined ? null : new Date(body.submittedAt).toISOString(),
      };

      // The key, the rating and the answer to the key commit together: a retry finds all or
      // none, and a second try sent at once waits for the first's commit and replays its answer.
      const answer = await context.database.db.transaction().execute(async (trx) => {
        let attempt: string | undefined;
        if (key) {
          const claim = await context.idempotency.claim(trx, idempotencyScope, key, fingerprintOf(response));
          if (claim.kind === 'in-progress') throw refusal(409, locale, 'inProgress');
          if (claim.kind === 'mismatch') throw refusal(422, locale, 'keyReused');
          if (claim.kind === 'replay') return claim;
          attempt = claim.attempt;
        }
        const stored = await store.insert(trx, response);
        const answer = { id: stored.id, receivedAt: stored.receivedAt };
        // A try whose key was taken over as abandoned rolls back: the retry that took it stores the rating.
        if (key && attempt && !(await context.idempotency.complete(trx, idempotencyScope, key, attempt, 201, answer))) {
          throw refusal(409, locale, 'inProgress');
        }
        return answer;
      });
      if ('kind' in answer) return reply.code(answer.status).type('application/json; charset=utf-8').send(answer.body);
      await store.changed();
      request.log.info({ surveyResponseId: answer.id, scale: body.scale }, 'survey response stored');
      return reply.code(201).send(answer);
    },
  );

  /**
   * Cached in the browser for a minute, and on the server until the next
   * rating. A widget that has just sent a rating refetches with
   * `cache: 'no-cache'`: the browser revalidates with If-None-Match, and the
   * ETag, made from the counts and the latest rating, has changed.
   */
  app.get<{ Querystring: SummaryQuery }>('/summary', { schema: { querystring: summaryQuerySchema }, onRequest: context.limits.reads }, async (request, reply) => {
    const { service, scale } = request.query;
    const days = summaryDays(request.query.days);
    if (days === undefined) throw refusal(400, requestLocale(request), 'invalidValue', 'days');
    const answer = await summaries.get(JSON.stringify([service, scale, days]), await store.generation(), async () => {
      const to = new Date();
      // Counted by when the server received each rating: the client's submittedAt is its own clock.
      const from = new Date(to.getTime() - days * 86_400_000).toISOString();
      const counts = await store.countsByRating(service, scale, from);
      const latest = await store.latest(service, scale);
      const tag = createHash('sha256')
        .update(JSON.stringify([service, scale, days, latest?.id ?? null, [...counts]]))
        .digest('base64url')
        .slice(0, 22);
      return {
        text: JSON.stringify(summarize(service, scale, from, to.toISOString(), counts)),
        etag: `W/"${tag}"`,
        lastModified: latest ? new Date(latest.receivedAt).toUTCString() : undefined,
      };
    });
    reply.header('Cache-Control', 'public, max-age=60').header('ETag', answer.etag);
    if (answer.lastModified) reply.header('Last-Modified', answer.lastModified);
    if (matches(request.headers['if-none-match'], answer.etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(answer.text);
  });
}

/**
 * Staff: call-back requests (差评回访) waiting to be handled, oldest first.
 * Marking one handled erases the name and phone at once; unhandled ones are
 * erased by the retention job after `--callback-retention-days`.
 */
export async function surveyStaffRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const store = surveyStore(context.database);
  app.get('/callbacks', { preValidation: context.staffOnly }, async () => ({ callbacks: await store.pendingCallbacks(callbackPage) }));
  app.post<{ Params: { id: string } }>(
    '/callbacks/:id/handled',
    { preValidation: context.staffOnly, schema: { params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9]{1,15}$' } } } } },
    async (request, reply) => {
      if (!(await store.handleCallback(Number(request.params.id)))) throw refusal(404, requestLocale(request), 'callbackNotFound', request.params.id);
      request.log.info({ surveyResponseId: Number(request.params.id) }, 'call-back handled; name and phone erased');
      return reply.code(204).send();
    },
  );
}
