import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { NoticeData } from '../db/seed-types.js';
import { refusal } from '../http/api-error.js';
import { publicBase, type AppContext } from '../http/context.js';
import { contentLocale } from '../http/locale.js';
import { lastChange, sendFeed } from './feed-caching.js';
import { homePath, isCurrent, type FeedLinks } from './feed-texts.js';
import { jsonFeed } from './json-feed.js';
import {
  applyFields,
  checkNoticeUrls,
  noticeParamsSchema,
  patchNoticeSchema,
  postNoticeSchema,
  type NewNoticeBody,
  type NoticeFields,
} from './notice-schema.js';
import { noticeStore } from './notice-store.js';
import { rssFeed } from './rss-feed.js';

const feedQuerySchema = { type: 'object', properties: { lang: { type: 'string', maxLength: 35 } } };

/** Unguessable enough to never collide in practice, short enough to read out: n-2026-3f9a1c2e. */
const newNoticeId = () => `n-${new Date().getUTCFullYear()}-${randomBytes(4).toString('hex')}`;

/** The notice board's feeds (JSON Feed for the widget, RSS for readers) and staff editing, mounted at /notices. */
export async function noticeRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const store = noticeStore(context.database);
  // Writes are recorded in the database (any instance's); the start counts too, since a
  // database from before that record leaves a delete without a date. Clients then fetch
  // each feed once more after a restart, which is cheap and never stale.
  const startedAt = Date.now();

  function feedLinks(request: FastifyRequest, reply: FastifyReply): FeedLinks {
    const locale = contentLocale(request, reply);
    const base = publicBase(context, request);
    return {
      locale,
      base,
      homePageUrl: `${base}${homePath[locale]}`,
      // routeOptions.url has the prefix this plugin was mounted at.
      feedUrl: `${base}${request.routeOptions.url}?lang=${locale}`,
    };
  }

  app.get('/feed.json', { schema: { querystring: feedQuerySchema } }, async (request, reply) => {
    const links = feedLinks(request, reply);
    const notices = await store.all();
    return sendFeed(request, reply, {
      body: JSON.stringify(jsonFeed(notices, links)),
      type: 'application/feed+json; charset=utf-8',
      lastModified: lastChange(notices, Math.max(startedAt, await store.lastWrite()), Date.now()),
    });
  });

  app.get('/feed.xml', { schema: { querystring: feedQuerySchema } }, async (request, reply) => {
    const links = feedLinks(request, reply);
    const now = Date.now();
    const notices = await store.all();
    const lastModified = lastChange(notices, Math.max(startedAt, await store.lastWrite()), now, { expiriesCount: true });
    return sendFeed(request, reply, {
      body: rssFeed(
        notices.filter((notice) => isCurrent(notice, now)),
        links,
        lastModified,
      ),
      type: 'application/rss+xml; charset=utf-8',
      lastModified,
    });
  });

  // Staff. The token is checked before the body is validated, so that
  // anonymous callers learn nothing about what a valid notice looks like.
  app.post<{ Body: NewNoticeBody }>(
    '/',
    {
      schema: { body: postNoticeSchema },
      preValidation: context.staffOnly,
    },
    async (request, reply) => {
      const locale = contentLocale(request, reply);
      const { id: givenId, ...fields } = request.body;
      checkNoticeUrls(fields, locale);
      let id = givenId ?? newNoticeId();
      if (givenId === undefined) while (await store.find(id)) id = newNoticeId();
      const notice = applyFields({ id, title: fields.title, date_published: new Date().toISOString() }, fields);
      if (!(await store.insert(notice))) throw refusal(409, locale, 'noticeExists', id);
      request.log.info({ noticeId: id }, 'notice created');
      return reply.code(201).send(await store.find(id));
    },
  );

  app.patch<{ Params: { id: string }; Body: NoticeFields }>(
    '/:id',
    {
      schema: { params: noticeParamsSchema, body: patchNoticeSchema },
      preValidation: context.staffOnly,
    },
    async (request, reply) => {
      const locale = contentLocale(request, reply);
      const { id } = request.params;
      checkNoticeUrls(request.body, locale);
      const existing = await store.find(id);
      if (!existing) throw refusal(404, locale, 'noticeNotFound', id);
      const updated: NoticeData = { ...applyFields(existing, request.body), date_modified: new Date().toISOString() };
      await store.replace(updated);
      request.log.info({ noticeId: id, changes: Object.keys(request.body) }, 'notice updated');
      return await store.find(id);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/:id',
    { schema: { params: noticeParamsSchema }, preValidation: context.staffOnly },
    async (request, reply) => {
      const locale = contentLocale(request, reply);
      if (!(await store.remove(request.params.id))) throw refusal(404, locale, 'noticeNotFound', request.params.id);
      request.log.info({ noticeId: request.params.id }, 'notice deleted');
      return reply.code(204).send();
    },
  );
}
