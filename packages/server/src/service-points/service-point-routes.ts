import type { FastifyInstance } from 'fastify';
import { refusal } from '../http/api-error.js';
import type { AppContext } from '../http/context.js';
import { contentLocale } from '../http/locale.js';
import { featureCollection } from './geojson.js';
import { servicePointStore } from './service-point-store.js';

const querySchema = {
  type: 'object',
  properties: {
    lang: { type: 'string', maxLength: 35 },
    // Comma-separated kinds; each is checked against the known ones below, with a message that lists them.
    kind: { type: 'string', maxLength: 1000 },
  },
} as const;

/** The service locator's data, mounted at the root: GET /service-points.geojson. */
export async function servicePointRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const store = servicePointStore(context.database);

  app.get<{ Querystring: { kind?: string } }>('/service-points.geojson', { schema: { querystring: querySchema } }, async (request, reply) => {
    const locale = contentLocale(request, reply);
    const kinds = [...new Set((request.query.kind ?? '').split(',').map((kind) => kind.trim()).filter(Boolean))];
    const known = await store.knownKinds();
    const unknown = kinds.find((kind) => !known.includes(kind));
    if (unknown !== undefined) throw refusal(400, locale, 'unknownKind', unknown, known.join(', '));
    // Points change rarely; five minutes keeps a busy map page off the database.
    reply.header('Cache-Control', 'public, max-age=300').type('application/geo+json; charset=utf-8');
    return featureCollection(await store.list(kinds), locale);
  });
}
