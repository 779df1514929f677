import type { Database, Tx } from '../db/open-database.js';
import type { Reason, Scale } from './survey-schema.js';

export interface NewSurveyResponse {
  serviceId: string;
  scale: Scale;
  rating: number;
  reasons: Reason[];
  comment: string | null;
  callbackName: string | null;
  callbackPhone: string | null;
  pageUrl: string | null;
  locale: string | null;
  submittedAt: string | null;
}

/** A citizen's request to be called back about a bad rating (差评回访), as staff see it. */
export interface CallbackRequest {
  id: number;
  serviceId: string;
  scale: string;
  rating: number;
  reasons: string[];
  comment: string | null;
  name: string;
  phone: string;
  receivedAt: string;
}

export interface SurveyStore {
  /**
   * Stores one rating in the caller's transaction; call `changed()` once it
   * committed. `receivedAt` is the server's clock, which the summary counts by.
   */
  insert(trx: Tx, response: NewSurveyResponse): Promise<{ id: number; receivedAt: string }>;
  /** How many ratings of each grade a service received on one scale since `from` (ISO, UTC). */
  countsByRating(serviceId: string, scale: Scale, from: string): Promise<Map<number, number>>;
  /** The latest rating of a service on a scale, or undefined: what a summary's validators are made from. */
  latest(serviceId: string, scale: Scale): Promise<{ id: number; receivedAt: string } | undefined>;
  /** Call-backs not yet handled, oldest first. */
  pendingCallbacks(limit: number): Promise<CallbackRequest[]>;
  /** Marks a call-back handled and erases the name and phone at once; false when there is none to handle. */
  handleCallback(id: number): Promise<boolean>;
  /** Retention: erases the names and phones of call-backs received before `cutoff` (ISO); returns how many. */
  eraseCallbacksBefore(cutoff: string): Promise<number>;
  /** Changes with every rating stored, by this process or another (see RequestStore.generation). */
  generation(): Promise<string>;
  /** After a rating committed: this process's cached summaries and other instances' are stale. */
  changed(): Promise<void>;
}

export function surveyStore(database: Database, now: () => Date = () => new Date()): SurveyStore {
  const { db } = database;
  let writes = 0;
  return {
    async insert(trx, response) {
      const receivedAt = now().toISOString();
      const { id } = await trx
        .insertInto('survey_responses')
        .values({
          service_id: response.serviceId,
          scale: response.scale,
          rating: response.rating,
          reasons: JSON.stringify(response.reasons),
          comment: response.comment,
          callback_name: response.callbackName,
          callback_phone: response.callbackPhone,
          page_url: response.pageUrl,
          locale: response.locale,
          submitted_at: response.submittedAt,
          received_at: receivedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id, receivedAt };
    },
    async countsByRating(serviceId, scale, from) {
      // received_at is always toISOString() (UTC, fixed width), so comparing strings compares times.
      const rows = await db
        .selectFrom('survey_responses')
        .select((eb) => ['rating', eb.fn.countAll<number>().as('n')])
        .where('service_id', '=', serviceId)
        .where('scale', '=', scale)
        .where('received_at', '>=', from)
        .groupBy('rating')
        .execute();
      return new Map(rows.map((row) => [row.rating, row.n]));
    },
    latest: (serviceId, scale) =>
      db
        .selectFrom('survey_responses')
        .select(['id', 'received_at as receivedAt'])
        .where('service_id', '=', serviceId)
        .where('scale', '=', scale)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst(),
    async pendingCallbacks(limit) {
      const rows = await db
        .selectFrom('survey_responses')
        .select(['id', 'service_id as serviceId', 'scale', 'rating', 'reasons', 'comment', 'callback_name as name', 'callback_phone as phone', 'received_at as receivedAt'])
        .where('callback_phone', 'is not', null)
        .where('callback_handled_at', 'is', null)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ ...row, name: row.name ?? '', phone: row.phone ?? '', reasons: JSON.parse(row.reasons) as string[] }));
    },
    async handleCallback(id) {
      const result = await db
        .updateTable('survey_responses')
        .set({ callback_handled_at: now().toISOString(), callback_name: null, callback_phone: null })
        .where('id', '=', id)
        .where('callback_phone', 'is not', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async eraseCallbacksBefore(cutoff) {
      const result = await db
        .updateTable('survey_responses')
        .set({ callback_name: null, callback_phone: null })
        .where('callback_phone', 'is not', null)
        .where('received_at', '<', cutoff)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async generation() {
      return `${writes}:${await database.dataVersion('survey_responses')}`;
    },
    async changed() {
      writes++;
      // The write is committed whatever becomes of the news: other instances' caches then expire within a minute.
      await database.announce('survey_responses').catch(() => undefined);
    },
  };
}
