import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance, FastifySchema, preValidationHookHandler, RouteOptions } from 'fastify';
import { maxPhotos } from '../open311/request-schema.js';
import { version } from '../version.js';
import { routeResponses } from './openapi-responses.js';

/** Tags by path: one group per API, in the order the README describes them. */
const tagOf = (url: string): string =>
  url.startsWith('/open311/')
    ? 'Open311 GeoReport v2'
    : url.startsWith('/staff/')
      ? 'Staff'
      : url.startsWith('/surveys/')
        ? 'Satisfaction survey'
        : url.startsWith('/notices')
          ? 'Notices'
          : url.startsWith('/service-points') || url.startsWith('/calendar/')
            ? 'Service points'
            : url.startsWith('/health') || url === '/metrics' || url === '/openapi.json'
              ? 'Operations'
              : 'Files and site';

/** Form bodies: Open311 reports come urlencoded, or multipart with photos. */
const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * A wildcard route (static files) as a path parameter, since OpenAPI has no
 * wildcards; a plugin's root route (`/notices/`, which Fastify also answers
 * without the slash) as it is registered.
 */
const documentedUrl = (url: string) => url.replace(/\*$/, ':path').replace(/(.)\/$/, '$1');

/** Every method and URL registered on a server, as its onRoute hook saw them (for the test that all are documented). */
const seenRoutes = new WeakMap<FastifyInstance, { method: string; url: string }[]>();
export const registeredRoutes = (app: FastifyInstance) => seenRoutes.get(app) ?? [];

/**
 * The report's `media` parts as a client generator needs them: files. The
 * route's own schema leaves them open (`{}`), since photos are checked by
 * decoding them; this copy is for the document only.
 */
function withPhotoParts(body: unknown): unknown {
  const schema = body as { properties?: Record<string, unknown> } | undefined;
  if (!schema?.properties) return body;
  const media = {
    type: 'array',
    maxItems: maxPhotos,
    items: { type: 'string', contentMediaType: 'image/jpeg' },
    description: `Up to ${maxPhotos} photos (multipart only): JPEG, PNG or WebP, at most 4 MB and 2,048 × 2,048 pixels each; re-encoded as JPEG without metadata.`,
  };
  return { ...schema, properties: { ...schema.properties, media } };
}

function hooks(route: RouteOptions): unknown[] {
  const hook = route.preValidation;
  return Array.isArray(hook) ? hook : hook ? [hook] : [];
}

/**
 * OpenAPI 3.1 at /openapi.json, made by @fastify/swagger from the schemas
 * Fastify validates each route with: what a district's developers generate
 * clients from can never drift from what the server accepts. What the routes
 * answer and their summaries come from openapi-responses.ts (documentation
 * only); staff routes are known by the staff token check they run. Register
 * before any route, so that every route is seen.
 */
export async function openApi(app: FastifyInstance, staffOnly: preValidationHookHandler, publicUrl: string | undefined): Promise<void> {
  const seen: { method: string; url: string }[] = [];
  seenRoutes.set(app, seen);
  app.addHook('onRoute', (route) => {
    for (const method of ([] as string[]).concat(route.method)) seen.push({ method, url: route.url });
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Civic Widgets reference server',
        version,
        description:
          'Open311 GeoReport v2 (JSON) with photo upload and Idempotency-Key, satisfaction surveys, notices, service points and the holiday calendar. ' +
          'Descriptions of refusals are in the request’s language: `?lang=`, then `Accept-Language`, then Chinese.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      // Without --public-url, clients resolve paths against wherever they fetched the document.
      ...(publicUrl ? { servers: [{ url: publicUrl }] } : {}),
      components: {
        securitySchemes: {
          staffToken: { type: 'http', scheme: 'bearer', description: 'The staff token (`--staff-token-file`).' },
        },
      },
    },
    exposeHeadRoutes: false,
    transform: ({ schema, url, route }) => {
      const method = ([] as string[]).concat(route.method).find((name) => name !== 'HEAD') ?? 'GET';
      const documented = routeResponses[`${method} ${documentedUrl(url)}`];
      const staff = hooks(route).includes(staffOnly);
      const transformed: FastifySchema & Record<string, unknown> = {
        ...schema,
        // @fastify/static hides its routes by default; they are part of the API too.
        hide: false,
        tags: [tagOf(url)],
        ...(documented ? { summary: documented.summary, response: documented.response } : {}),
        ...(staff ? { security: [{ staffToken: [] }] } : {}),
        ...(url === '/open311/v2/requests.json' && method === 'POST' ? { consumes: formTypes, body: withPhotoParts(schema.body) } : {}),
      };
      return { schema: transformed, url: documentedUrl(url) };
    },
  });
  app.get('/openapi.json', async (_request, reply) => {
    reply.header('Cache-Control', 'no-cache');
    return app.swagger();
  });
}
