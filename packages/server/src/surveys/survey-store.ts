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

export interface SurveyStore {
  /** Stores one rating; `receivedAt` is the server's clock, which the summary counts by. */
  insert(response: NewSurveyResponse): { id: number; receivedAt: string };
  /** How many ratings of each grade a service received on one scale since `from` (ISO, UTC). */
  countsByRating(serviceId: string, scale: Scale, from: string): Map<number, number>;
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

  return {
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
