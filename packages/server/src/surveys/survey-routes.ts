import type { FastifyInstance } from 'fastify';
import { refusal } from '../http/api-error.js';
import type { AppContext } from '../http/context.js';
import { fingerprintOf, idempotencyKeyOf } from '../http/idempotency.js';
import { contentLocale } from '../http/locale.js';
import {
  scaleRanges,
  summaryQuerySchema,
  surveyResponseSchema,
  type SummaryQuery,
  type SurveyResponseBody,
} from './survey-schema.js';
import { surveyStore } from './survey-store.js';
import { summarize } from './survey-summary.js';

const idempotencyScope = 'survey-response';

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
  const store = surveyStore(context.db);

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

      let attempt: string | undefined;
      if (key) {
        const claim = context.idempotency.claim(idempotencyScope, key, fingerprintOf(response));
        if (claim.kind === 'replay') return reply.code(claim.status).type('application/json; charset=utf-8').send(claim.body);
        if (claim.kind === 'in-progress') throw refusal(409, locale, 'inProgress');
        if (claim.kind === 'mismatch') throw refusal(422, locale, 'keyReused');
        attempt = claim.attempt;
      }
      try {
        // The rating and the answer to its key commit together: a retry finds both or neither.
        const answer = context.db.transaction(() => {
          const stored = store.insert(response);
          const answer = { id: stored.id, receivedAt: stored.receivedAt };
          // A try whose key was taken over as abandoned rolls back: the retry that took it stores the rating.
          if (key && attempt && !context.idempotency.complete(idempotencyScope, key, attempt, 201, answer)) {
            throw refusal(409, locale, 'inProgress');
          }
          return answer;
        })();
        request.log.info({ surveyResponseId: answer.id, scale: body.scale }, 'survey response stored');
        return reply.code(201).send(answer);
      } catch (error) {
        if (key && attempt) context.idempotency.release(idempotencyScope, key, attempt);
        throw error;
      }
    },
  );

  app.get<{ Querystring: SummaryQuery }>('/summary', { schema: { querystring: summaryQuerySchema }, onRequest: context.limits.reads }, async (request, reply) => {
    const { service, scale, days } = request.query;
    const to = new Date();
    // Counted by when the server received each rating: the client's submittedAt is its own clock.
    const from = new Date(to.getTime() - days * 86_400_000).toISOString();
    const summary = summarize(service, scale, from, to.toISOString(), store.countsByRating(service, scale, from));
    // Published results may lag a minute; a busy page then does not query the database on every view.
    reply.header('Cache-Control', 'public, max-age=60');
    return summary;
  });
}
