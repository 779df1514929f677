import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open-database.js';
import type { NewServiceRequest } from './request-fields.js';

/** A row of service_requests with its JSON columns decoded. */
export interface StoredRequest extends Omit<NewServiceRequest, 'photos' | 'media_url' | 'review'> {
  /** The row's own number: the order reports arrived in, and the staff queue's cursor. */
  id: number;
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  media_urls: string[];
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  closed_datetime: string | null;
  /** The text the public sees, written or approved by staff; null: the public sees no description. */
  public_description: string | null;
  /** Whether staff let the public see the stored photos. */
  media_public: boolean;
  /** 'suspected-spam': held out of public lists and the default staff queue until staff restore it. */
  review: Review | null;
  anonymized_datetime: string | null;
}

export type Review = 'suspected-spam';

/** `GET requests.json`: the spec's filters and a page. Reports held for review are never listed. */
export interface PublicFilter {
  ids?: string[];
  serviceCode?: string;
  statuses?: string[];
  start?: string;
  end?: string;
  limit: number;
  offset: number;
}

/** The staff queue's filters. `after` is the `id` of the last report of the previous page. */
export interface QueueFilter {
  status: 'open' | 'closed' | 'all';
  /** 'suspected-spam' lists only those; otherwise they are left out. */
  review?: Review;
  serviceCode?: string;
  /** ISO date-times, inclusive, on requested_datetime. */
  from?: string;
  to?: string;
  /** Words found in the number, description, address, notes or contact. */
  text?: string;
  order: 'oldest' | 'newest';
  after?: number;
  limit: number;
}

export interface QueuePage {
  requests: StoredRequest[];
  /** Reports matching the filter, over all pages. */
  total: number;
  /** The cursor for the next page, or null after the last. */
  next: number | null;
}

export interface StaffChanges {
  status?: 'open' | 'closed';
  status_notes?: string | null;
  agency_responsible?: string | null;
  expected_datetime?: string | null;
  public_description?: string | null;
  media_public?: boolean;
  review?: Review | null;
}

/** ISO 8601 in UTC to the second: sorts as text and carries its time zone, as the spec asks. */
export function isoNow(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

type Row = Record<string, unknown> & { attributes: string; media_urls: string; media_public: number };

function decode(row: Row): StoredRequest {
  return {
    ...row,
    attributes: JSON.parse(row.attributes),
    media_urls: JSON.parse(row.media_urls),
    media_public: row.media_public === 1,
  } as unknown as StoredRequest;
}

/** A LIKE pattern that finds `text` literally: % and _ typed by staff are not wildcards. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

export interface RequestStore {
  /** Stores a report and gives it its tracking number; call inside a transaction. Photos are server paths (`/media/…`). */
  insert(
    request: Omit<NewServiceRequest, 'photos' | 'media_url' | 'review'>,
    extra: { media_urls: string[]; service_notice: string; agency_responsible: string | null; review: Review | null },
  ): StoredRequest;
  find(id: string): StoredRequest | undefined;
  /** The public list, newest first. */
  list(filter: PublicFilter): StoredRequest[];
  /** One page of the staff queue, by keyset: open reports oldest first unless asked otherwise. */
  queue(filter: QueueFilter): QueuePage;
  /** How many reports wait in each of the staff queue's views. */
  totals(): { open: number; closed: number; suspected_spam: number };
  update(id: string, changes: StaffChanges): StoredRequest | undefined;
  /**
   * Retention: removes everything that could identify the citizen from reports
   * closed before `cutoff` (ISO), and from reports held as suspected spam that
   * arrived before it and were never reviewed, keeping category, status,
   * dates, agency and a rounded position for statistics. Returns the photo
   * paths they linked to.
   */
  anonymizeClosedBefore(cutoff: string): string[];
  /** The file names of every photo a stored report links to (`/media/<name>`). */
  photoNames(): Set<string>;
  /**
   * Changes with every write to the reports, this process's or another's (the
   * CLI's set-status): lists cached under one value are stale under another.
   */
  generation(): string;
}

export function requestStore(db: Db): RequestStore {
  const insert = db.prepare(`
    INSERT INTO service_requests (
      service_request_id, service_code, description, address_string, address_id, lat, long,
      first_name, last_name, phone, email, device_id, account_id, jurisdiction_id,
      attributes, media_urls, service_notice, agency_responsible, review, requested_datetime, updated_datetime
    ) VALUES (
      @service_request_id, @service_code, @description, @address_string, @address_id, @lat, @long,
      @first_name, @last_name, @phone, @email, @device_id, @account_id, @jurisdiction_id,
      @attributes, @media_urls, @service_notice, @agency_responsible, @review, @now, @now
    )`);
  const number = db.prepare('UPDATE service_requests SET service_request_id = ? WHERE id = ?');
  const byId = db.prepare<[string], Row>('SELECT * FROM service_requests WHERE service_request_id = ?');
  const photos = db.prepare<[], { url: string }>(
    "SELECT DISTINCT photo.value AS url FROM service_requests, json_each(service_requests.media_urls) AS photo WHERE photo.value LIKE '/media/%'",
  );
  const counts = db.prepare<[], { open: number; closed: number; suspected_spam: number }>(`
    SELECT
      COUNT(*) FILTER (WHERE status = 'open' AND review IS NULL) AS open,
      COUNT(*) FILTER (WHERE status = 'closed' AND review IS NULL) AS closed,
      COUNT(*) FILTER (WHERE review = 'suspected-spam') AS suspected_spam
    FROM service_requests`);
  // Reports held as suspected spam and never reviewed count from their arrival, or they would be kept for ever.
  const expiring = db.prepare<{ cutoff: string }, { id: number; media_urls: string }>(
    `SELECT id, media_urls FROM service_requests
     WHERE (closed_datetime < @cutoff OR (review IS NOT NULL AND closed_datetime IS NULL AND requested_datetime < @cutoff))
       AND anonymized_datetime IS NULL`,
  );
  // Three decimals (about 100 m), as the public sees it: enough for a map of where problems are.
  const anonymize = db.prepare(`
    UPDATE service_requests SET
      description = NULL, public_description = NULL, address_string = NULL, address_id = NULL,
      lat = round(lat, 3), long = round(long, 3),
      first_name = NULL, last_name = NULL, phone = NULL, email = NULL, device_id = NULL, account_id = NULL,
      attributes = '{}', media_urls = '[]', media_public = 0, status_notes = NULL,
      anonymized_datetime = @now
    WHERE id = @id`);
  let writes = 0;

  return {
    insert(request, extra) {
      const now = isoNow();
      const { lastInsertRowid } = insert.run({
        ...request,
        // Replaced below, once the row has its id.
        service_request_id: `new-${randomUUID()}`,
        attributes: JSON.stringify(request.attributes),
        media_urls: JSON.stringify(extra.media_urls),
        service_notice: extra.service_notice,
        agency_responsible: extra.agency_responsible,
        review: extra.review,
        now,
      });
      // A tracking number a citizen can read out on the phone: the year and the row's
      // AUTOINCREMENT id, which SQLite never hands out twice, even after a delete.
      const service_request_id = `${now.slice(0, 4)}-${String(lastInsertRowid).padStart(6, '0')}`;
      number.run(service_request_id, lastInsertRowid);
      writes++;
      return decode(byId.get(service_request_id)!);
    },
    find(id) {
      const row = byId.get(id);
      return row ? decode(row) : undefined;
    },
    list(filter) {
      const where: string[] = ['review IS NULL'];
      const params: unknown[] = [];
      if (filter.ids?.length) {
        where.push(`service_request_id IN (${filter.ids.map(() => '?').join(',')})`);
        params.push(...filter.ids);
      }
      if (filter.serviceCode) {
        where.push('service_code = ?');
        params.push(filter.serviceCode);
      }
      if (filter.statuses?.length) {
        where.push(`status IN (${filter.statuses.map(() => '?').join(',')})`);
        params.push(...filter.statuses);
      }
      if (filter.start) {
        where.push('requested_datetime >= ?');
        params.push(filter.start);
      }
      if (filter.end) {
        where.push('requested_datetime <= ?');
        params.push(filter.end);
      }
      const sql = `SELECT * FROM service_requests WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ? OFFSET ?`;
      return db
        .prepare<unknown[], Row>(sql)
        .all(...params, filter.limit, filter.offset)
        .map(decode);
    },
    queue(filter) {
      const where: string[] = [filter.review ? 'review = ?' : 'review IS NULL'];
      const params: unknown[] = filter.review ? [filter.review] : [];
      if (filter.status !== 'all') {
        where.push('status = ?');
        params.push(filter.status);
      }
      if (filter.serviceCode) {
        where.push('service_code = ?');
        params.push(filter.serviceCode);
      }
      if (filter.from) {
        where.push('requested_datetime >= ?');
        params.push(filter.from);
      }
      if (filter.to) {
        where.push('requested_datetime <= ?');
        params.push(filter.to);
      }
      if (filter.text) {
        const columns = ['service_request_id', 'description', 'address_string', 'status_notes', 'first_name', 'last_name', 'phone', 'email'];
        where.push(`(${columns.map((column) => `${column} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
        params.push(...columns.map(() => containing(filter.text!)));
      }
      const total = db.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM service_requests WHERE ${where.join(' AND ')}`).get(...params)!.n;
      const ascending = filter.order === 'oldest';
      if (filter.after !== undefined) {
        where.push(ascending ? 'id > ?' : 'id < ?');
        params.push(filter.after);
      }
      // One more than a page: whether it comes back says if there is a next page.
      const rows = db
        .prepare<unknown[], Row>(`SELECT * FROM service_requests WHERE ${where.join(' AND ')} ORDER BY id ${ascending ? 'ASC' : 'DESC'} LIMIT ?`)
        .all(...params, filter.limit + 1)
        .map(decode);
      const more = rows.length > filter.limit;
      const page = more ? rows.slice(0, filter.limit) : rows;
      return { requests: page, total, next: more ? page.at(-1)!.id : null };
    },
    totals() {
      return counts.get()!;
    },
    update(id, changes) {
      const columns = (
        ['status', 'status_notes', 'agency_responsible', 'expected_datetime', 'public_description', 'media_public', 'review'] as const
      ).filter((name) => name in changes);
      const assignments = [...columns.map((name) => `${name} = @${name}`), 'updated_datetime = @now'];
      // The retention clock starts when a report is closed, and stops if it is opened again.
      if ('status' in changes) assignments.push("closed_datetime = CASE WHEN @status = 'closed' THEN COALESCE(closed_datetime, @now) ELSE NULL END");
      const result = db
        .prepare(`UPDATE service_requests SET ${assignments.join(', ')} WHERE service_request_id = @id`)
        .run({ ...changes, ...('media_public' in changes ? { media_public: changes.media_public ? 1 : 0 } : {}), id, now: isoNow() });
      writes++;
      return result.changes > 0 ? this.find(id) : undefined;
    },
    anonymizeClosedBefore(cutoff) {
      const now = isoNow();
      const released: string[] = [];
      db.transaction(() => {
        for (const row of expiring.all({ cutoff })) {
          released.push(...(JSON.parse(row.media_urls) as string[]).filter((url) => url.startsWith('/media/')));
          anonymize.run({ id: row.id, now });
        }
      })();
      writes++;
      return released;
    },
    photoNames() {
      return new Set(photos.all().map((row) => row.url.slice('/media/'.length)));
    },
    generation() {
      return `${writes}:${db.pragma('data_version', { simple: true }) as number}`;
    },
  };
}
