import type { Db } from '../db/open-database.js';
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
  /** Stores one rating; `receivedAt` is the server's clock, which the summary counts by. */
  insert(response: NewSurveyResponse): { id: number; receivedAt: string };
  /** How many ratings of each grade a service received on one scale since `from` (ISO, UTC). */
  countsByRating(serviceId: string, scale: Scale, from: string): Map<number, number>;
  /** The latest rating of a service on a scale, or undefined: what a summary's validators are made from. */
  latest(serviceId: string, scale: Scale): { id: number; receivedAt: string } | undefined;
  /** Call-backs not yet handled, oldest first. */
  pendingCallbacks(limit: number): CallbackRequest[];
  /** Marks a call-back handled and erases the name and phone at once; false when there is none to handle. */
  handleCallback(id: number): boolean;
  /** Retention: erases the names and phones of call-backs received before `cutoff` (ISO); returns how many. */
  eraseCallbacksBefore(cutoff: string): number;
}

export function surveyStore(db: Db, now: () => Date = () => new Date()): SurveyStore {
  const insert = db.prepare(
    `INSERT INTO survey_responses
       (service_id, scale, rating, reasons, comment, callback_name, callback_phone, page_url, locale, submitted_at, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // received_at is always toISOString() (UTC, fixed width), so comparing strings compares times.
  const counts = db.prepare<[string, string, string], { rating: number; n: number }>(
    `SELECT rating, COUNT(*) AS n FROM survey_responses
     WHERE service_id = ? AND scale = ? AND received_at >= ?
     GROUP BY rating`,
  );

  const latest = db.prepare<[string, string], { id: number; receivedAt: string }>(
    'SELECT id, received_at AS receivedAt FROM survey_responses WHERE service_id = ? AND scale = ? ORDER BY id DESC LIMIT 1',
  );
  const pending = db.prepare<[number], { id: number; serviceId: string; scale: string; rating: number; reasons: string; comment: string | null; name: string; phone: string; receivedAt: string }>(
    `SELECT id, service_id AS serviceId, scale, rating, reasons, comment, callback_name AS name, callback_phone AS phone, received_at AS receivedAt
     FROM survey_responses WHERE callback_phone IS NOT NULL AND callback_handled_at IS NULL ORDER BY id LIMIT ?`,
  );
  const handle = db.prepare(
    'UPDATE survey_responses SET callback_handled_at = ?, callback_name = NULL, callback_phone = NULL WHERE id = ? AND callback_phone IS NOT NULL',
  );
  const erase = db.prepare('UPDATE survey_responses SET callback_name = NULL, callback_phone = NULL WHERE callback_phone IS NOT NULL AND received_at < ?');

  return {
    latest: (serviceId, scale) => latest.get(serviceId, scale),
    pendingCallbacks: (limit) => pending.all(limit).map((row) => ({ ...row, reasons: JSON.parse(row.reasons) as string[] })),
    handleCallback: (id) => handle.run(now().toISOString(), id).changes === 1,
    eraseCallbacksBefore: (cutoff) => erase.run(cutoff).changes,
    insert(response) {
      const receivedAt = now().toISOString();
      const result = insert.run(
        response.serviceId,
        response.scale,
        response.rating,
        JSON.stringify(response.reasons),
        response.comment,
        response.callbackName,
        response.callbackPhone,
        response.pageUrl,
        response.locale,
        response.submittedAt,
        receivedAt,
      );
      return { id: Number(result.lastInsertRowid), receivedAt };
    },
    countsByRating(serviceId, scale, from) {
      return new Map(counts.all(serviceId, scale, from).map((row) => [row.rating, row.n]));
    },
  };
}
