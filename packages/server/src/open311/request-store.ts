import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open-database.js';
import type { NewServiceRequest } from './request-fields.js';

/** A row of service_requests with its JSON columns decoded. */
export interface StoredRequest extends Omit<NewServiceRequest, 'photos' | 'media_url'> {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  media_urls: string[];
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
}

export interface RequestFilter {
  ids?: string[];
  serviceCode?: string;
  statuses?: string[];
  start?: string;
  end?: string;
  limit: number;
}

export interface StaffChanges {
  status?: 'open' | 'closed';
  status_notes?: string | null;
  agency_responsible?: string | null;
  expected_datetime?: string | null;
}

/** ISO 8601 in UTC to the second: sorts as text and carries its time zone, as the spec asks. */
export function isoNow(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

type Row = Record<string, unknown> & { attributes: string; media_urls: string };

function decode(row: Row): StoredRequest {
  return { ...row, attributes: JSON.parse(row.attributes), media_urls: JSON.parse(row.media_urls) } as unknown as StoredRequest;
}

export interface RequestStore {
  /** Stores a report and gives it its tracking number; call inside a transaction. Photos are server paths (`/media/…`). */
  insert(request: Omit<NewServiceRequest, 'photos' | 'media_url'>, extra: { media_urls: string[]; service_notice: string; agency_responsible: string | null }): StoredRequest;
  find(id: string): StoredRequest | undefined;
  list(filter: RequestFilter): StoredRequest[];
  update(id: string, changes: StaffChanges): StoredRequest | undefined;
  /** The file names of every photo a stored report links to (`/media/<name>`). */
  photoNames(): Set<string>;
}

export function requestStore(db: Db): RequestStore {
  const insert = db.prepare(`
    INSERT INTO service_requests (
      service_request_id, service_code, description, address_string, address_id, lat, long,
      first_name, last_name, phone, email, device_id, account_id, jurisdiction_id,
      attributes, media_urls, service_notice, agency_responsible, requested_datetime, updated_datetime
    ) VALUES (
      @service_request_id, @service_code, @description, @address_string, @address_id, @lat, @long,
      @first_name, @last_name, @phone, @email, @device_id, @account_id, @jurisdiction_id,
      @attributes, @media_urls, @service_notice, @agency_responsible, @now, @now
    )`);
  const number = db.prepare('UPDATE service_requests SET service_request_id = ? WHERE id = ?');
  const byId = db.prepare<[string], Row>('SELECT * FROM service_requests WHERE service_request_id = ?');
  const photos = db.prepare<[], { url: string }>(
    "SELECT DISTINCT photo.value AS url FROM service_requests, json_each(service_requests.media_urls) AS photo WHERE photo.value LIKE '/media/%'",
  );

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
        now,
      });
      // A tracking number a citizen can read out on the phone: the year and the row's
      // AUTOINCREMENT id, which SQLite never hands out twice, even after a delete.
      const service_request_id = `${now.slice(0, 4)}-${String(lastInsertRowid).padStart(6, '0')}`;
      number.run(service_request_id, lastInsertRowid);
      return decode(byId.get(service_request_id)!);
    },
    find(id) {
      const row = byId.get(id);
      return row ? decode(row) : undefined;
    },
    list(filter) {
      const where: string[] = [];
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
      const sql = `SELECT * FROM service_requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
      return db
        .prepare<unknown[], Row>(sql)
        .all(...params, filter.limit)
        .map(decode);
    },
    update(id, changes) {
      const columns = (['status', 'status_notes', 'agency_responsible', 'expected_datetime'] as const).filter((name) => name in changes);
      const assignments = [...columns.map((name) => `${name} = @${name}`), 'updated_datetime = @now'].join(', ');
      const result = db
        .prepare(`UPDATE service_requests SET ${assignments} WHERE service_request_id = @id`)
        .run({ ...changes, id, now: isoNow() });
      return result.changes > 0 ? this.find(id) : undefined;
    },
    photoNames() {
      return new Set(photos.all().map((row) => row.url.slice('/media/'.length)));
    },
  };
}
