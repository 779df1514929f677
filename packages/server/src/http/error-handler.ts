import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, refusal } from './api-error.js';
import { contentLocale } from './locale.js';

/** The field a schema error is about, as a dotted path (`callback.phone`). */
function fieldOf(error: FastifyError): string {
  const [first] = error.validation ?? [];
  if (!first) return '';
  const params = first.params as { missingProperty?: string; additionalProperty?: string };
  // List positions (reasons/0) mean nothing to a reader; the list's name does.
  const path = first.instancePath.split('/').filter((segment) => segment !== '' && !/^\d+$/.test(segment));
  const child = params.missingProperty ?? params.additionalProperty;
  return [...path, ...(child ? [child] : [])].join('.');
}

/** Schema errors in the citizen's language: the widgets show a 4xx description as it is. */
function validationRefusal(error: FastifyError, request: FastifyRequest, reply: FastifyReply): ApiError {
  const locale = contentLocale(request, reply);
  const [first] = error.validation ?? [];
  const field = fieldOf(error);
  const leaf = field.split('.').at(-1);
  if (first?.keyword === 'additionalProperties') return refusal(400, locale, 'unknownField', field);
  if (first?.keyword === 'required') return refusal(400, locale, 'missingValue', field);
  // Before maxLength: a bad address fails the schema's empty-string branch (maxLength 0) first.
  if (leaf === 'email') return refusal(400, locale, 'badEmail');
  if (first?.keyword === 'maxLength') return refusal(400, locale, 'tooLong', field, String((first.params as { limit: number }).limit));
  if (leaf === 'phone') return refusal(400, locale, 'badPhone');
  if (leaf === 'lat' || leaf === 'long') return refusal(400, locale, 'locationPair');
  if (leaf === 'media_url' || leaf === 'pageUrl') return refusal(400, locale, 'badUrl', field);
  return refusal(400, locale, 'invalidValue', field || error.message);
}

/**
 * A body that could not be read: multipart the parser cannot make sense of
 * (no boundary, garbage, cut off), or a request the client aborted mid-way.
 * busboy's errors carry no code or status, so they are known by their words.
 */
function isMalformedBody(error: FastifyError): boolean {
  if (error.statusCode !== undefined && error.statusCode !== 400) return false;
  if (error.code === 'ECONNRESET' || error.code === 'FST_MP_PREMATURE_CLOSE' || error.code === 'ERR_STREAM_PREMATURE_CLOSE') return true;
  return /^Multipart: |unexpected end of multipart data|terminated early|^Malformed /i.test(error.message);
}

/**
 * One place that turns every failure into an answer: the Open311 routes in
 * the spec's `[{code, description}]`, the rest as RFC 9457 problem details.
 * Server faults are logged with their stack and answered without it.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let status: number;
    let description: string;
    if (error.validation) {
      const refused = validationRefusal(error, request, reply);
      status = refused.statusCode;
      description = refused.message;
    } else if (error instanceof ApiError) {
      status = error.statusCode;
      description = error.message;
      reply.headers(error.headers);
    } else if (isMalformedBody(error)) {
      // The client's fault, not the server's: worth a warning, not an alert.
      request.log.warn({ reason: error.message, code: error.code }, 'malformed or incomplete request body');
      status = 400;
      description = refusal(400, contentLocale(request, reply), 'malformedBody').message;
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      status = error.statusCode;
      description = error.statusCode === 413 ? refusal(413, contentLocale(request, reply), 'tooLarge').message : error.message;
    } else {
      request.log.error({ err: error }, 'request failed');
      status = 500;
      description = 'Internal server error';
    }
    if (request.url.startsWith('/open311/')) {
      return reply.code(status).type('application/json; charset=utf-8').send([{ code: status, description }]);
    }
    return reply
      .code(status)
      .type('application/problem+json; charset=utf-8')
      .send({ type: 'about:blank', title: description, status });
  });

  app.setNotFoundHandler((request, reply) => {
    const description = `Nothing at ${request.method} ${request.url.split('?')[0]}`;
    if (request.url.startsWith('/open311/')) return reply.code(404).send([{ code: 404, description }]);
    return reply.code(404).type('application/problem+json; charset=utf-8').send({ type: 'about:blank', title: description, status: 404 });
  });
}
