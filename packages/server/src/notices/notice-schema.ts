/**
 * What staff may send to create or change a notice: NoticeData
 * (seed-types.ts) with limits that keep a feed a reasonable size. Texts are
 * localized objects; Chinese is the district's language, so a title must
 * have it.
 */
import type { NoticeAttachmentData, LocalizedList, NoticeData } from '../db/seed-types.js';
import { refusal } from '../http/api-error.js';
import type { ContentLocale, Localized } from '../http/locale.js';

type Schema = Record<string, unknown>;

export const noticeIdPattern = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';

/** CAP 1.2 severities, which the notice board shows as a badge. */
export const severities = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;

const localizedText = (maxLength: number, required: string[] = []): Schema => ({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  ...(required.length > 0 ? { required } : {}),
  properties: {
    'zh-Hans': { type: 'string', minLength: 1, maxLength },
    en: { type: 'string', minLength: 1, maxLength },
  },
});

const tagList: Schema = { type: 'array', maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 50 } };

const dateTime: Schema = { type: 'string', format: 'date-time' };

/** Files the server serves itself (/files/…, no way up) or anywhere on the web. */
const attachmentUrl: Schema = { type: 'string', maxLength: 2048, pattern: '^(https?://\\S+|/files/(?!.*\\.\\.)\\S+)$' };

const attachment: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['url', 'mime_type'],
  properties: {
    url: attachmentUrl,
    mime_type: { type: 'string', maxLength: 127, pattern: '^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$' },
    title: localizedText(200),
    size_in_bytes: { type: 'integer', minimum: 0 },
  },
};

/** The fields staff can set, each also acceptable as `null` (cleared) where `nullable` lists it. */
const fields: Record<string, Schema> = {
  title: localizedText(200, ['zh-Hans']),
  summary: localizedText(1000),
  content_html: localizedText(20_000),
  content_text: localizedText(20_000),
  tags: { type: 'object', additionalProperties: false, properties: { 'zh-Hans': tagList, en: tagList } },
  date_published: dateTime,
  pinned: { type: 'boolean' },
  expires: dateTime,
  severity: { type: 'string', enum: severities },
  url: { type: 'string', maxLength: 2048, pattern: '^https?://\\S+$' },
  attachments: { type: 'array', maxItems: 10, items: attachment },
};

/** Optional fields a notice can do without; null removes them. */
const clearable = ['summary', 'content_html', 'content_text', 'tags', 'expires', 'severity', 'url', 'attachments'] as const;

function orNull(schema: Schema): Schema {
  return {
    ...schema,
    type: [schema.type, 'null'],
    ...(Array.isArray(schema.enum) ? { enum: [...(schema.enum as unknown[]), null] } : {}),
  };
}

const withNulls = Object.fromEntries(
  Object.entries(fields).map(([name, schema]) => [name, (clearable as readonly string[]).includes(name) ? orNull(schema) : schema]),
);

/** `POST /notices`: without `id` the server makes one; without `date_published` it is now. */
export const postNoticeSchema: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['title'],
  properties: { id: { type: 'string', pattern: noticeIdPattern }, ...withNulls },
};

/** `PATCH /notices/:id`: the fields to replace, each whole (a localized object replaces the old one). */
export const patchNoticeSchema: Schema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: withNulls,
};

export const noticeParamsSchema: Schema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', maxLength: 64 } },
};

export interface NoticeFields {
  title?: Localized;
  summary?: Localized | null;
  content_html?: Localized | null;
  content_text?: Localized | null;
  tags?: LocalizedList | null;
  date_published?: string;
  pinned?: boolean;
  expires?: string | null;
  severity?: string | null;
  url?: string | null;
  attachments?: NoticeAttachmentData[] | null;
}

export interface NewNoticeBody extends NoticeFields {
  id?: string;
  title: Localized;
}

/**
 * `base` with `changes` applied: a field set to null is dropped, so the
 * stored notice only has the keys that mean something.
 */
export function applyFields(base: NoticeData, changes: NoticeFields): NoticeData {
  const result: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined) delete result[name];
    else result[name] = value;
  }
  return result as unknown as NoticeData;
}

/** An absolute http(s) URL that the WHATWG URL parser, and so every feed reader, accepts. */
export function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A file the server serves itself: a root-relative /files/… path that stays under /files/. */
export function isServedFilePath(text: string): boolean {
  if (!text.startsWith('/files/') || text.startsWith('//')) return false;
  try {
    return new URL(text, 'http://localhost').pathname.startsWith('/files/');
  } catch {
    return false;
  }
}

/**
 * What the schema's patterns cannot tell: that each link parses as a URL.
 * A notice with a link no parser accepts would be stored, and then break or
 * mislead every feed it appears in.
 */
export function checkNoticeUrls(fields: NoticeFields, locale: ContentLocale): void {
  if (typeof fields.url === 'string' && !isWebUrl(fields.url)) throw refusal(400, locale, 'badUrl', 'url');
  for (const attachment of fields.attachments ?? []) {
    if (!isWebUrl(attachment.url) && !isServedFilePath(attachment.url)) throw refusal(400, locale, 'badAttachmentUrl', 'attachments.url');
  }
}
