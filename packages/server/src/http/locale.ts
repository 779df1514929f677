import type { FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';

/** The languages the seed data is written in; anything else falls back to Simplified Chinese. */
export type ContentLocale = 'zh-Hans' | 'en';
export type Localized = Partial<Record<ContentLocale, string>>;

function fromTag(tag: string | undefined): ContentLocale | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'zh') return 'zh-Hans';
  if (primary === 'en') return 'en';
  return undefined;
}

/**
 * `?lang=` wins, since a feed URL embedded in a page cannot set headers;
 * then the Accept-Language header; then Chinese, the district's language.
 */
export function requestLocale(request: FastifyRequest): ContentLocale {
  const query = request.query as { lang?: unknown } | undefined;
  const asked = typeof query?.lang === 'string' ? fromTag(query.lang) : undefined;
  return asked ?? fromTag(new Negotiator(request).language(['zh', 'en'])) ?? 'zh-Hans';
}

/**
 * The reply's language, by requestLocale()'s rules. Marks the reply as varying by language so caches keep the two apart.
 */
export function contentLocale(request: FastifyRequest, reply: FastifyReply): ContentLocale {
  const locale = requestLocale(request);
  const vary = reply.getHeader('vary');
  reply.header('Vary', vary ? `${String(vary)}, Accept-Language` : 'Accept-Language').header('Content-Language', locale);
  return locale;
}

export function localize(text: Localized | undefined, locale: ContentLocale): string | undefined {
  return text?.[locale] ?? text?.['zh-Hans'] ?? text?.en;
}
