import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { Database, Tx } from '../db/open-database.js';
import type { Tables } from '../db/schema.js';
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

type Row = Selectable<Tables['service_requests']>;

function decode(row: Row): StoredRequest {
  return {
    ...row,
    attributes: JSON.parse(row.attributes),
    media_urls: JSON.parse(row.media_urls),
    media_public: row.media_public === 1,
  } as unknown as StoredRequest;
}

/** A LIKE pattern that finds `text` literally: % and _ typed by staff are not wildcards. */
const containing = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** Three decimals (about 100 m), as the public sees it: enough for a map of where problems are. */
const rounded = (degrees: number | null) => (degrees === null ? null : Math.round(degrees * 1000) / 1000);

export interface RequestStore {
  /**
   * Stores a report in the caller's transaction and gives it its tracking
   * number; call `changed()` once that transaction committed. Photos are
   * server paths (`/media/…`).
   */
  insert(
    trx: Tx,
    request: Omit<NewServiceRequest, 'photos' | 'media_url' | 'review'>,
    extra: { media_urls: string[]; service_notice: string; agency_responsible: string | null; review: Review | null },
  ): Promise<StoredRequest>;
  find(id: string): Promise<StoredRequest | undefined>;
  /** The public list, newest first. */
  list(filter: PublicFilter): Promise<StoredRequest[]>;
  /** One page of the staff queue, by keyset: open reports oldest first unless asked otherwise. */
  queue(filter: QueueFilter): Promise<QueuePage>;
  /** How many reports wait in each of the staff queue's views. */
  totals(): Promise<{ open: number; closed: number; suspected_spam: number }>;
  update(id: string, changes: StaffChanges): Promise<StoredRequest | undefined>;
  /**
   * Retention: removes everything that could identify the citizen from reports
   * closed before `cutoff` (ISO), and from reports held as suspected spam that
   * arrived before it and were never reviewed, keeping category, status,
   * dates, agency and a rounded position for statistics. Returns the photo
   * paths they linked to.
   */
  anonymizeClosedBefore(cutoff: string): Promise<string[]>;
  /** The file names of every photo a stored report links to (`/media/<name>`). */
  photoNames(): Promise<Set<string>>;
  /**
   * Changes with every write to the reports, this process's or another's (the
   * CLI's set-status, another instance): lists cached under one value are
   * stale under another.
   */
  generation(): Promise<string>;
  /** After a write committed: this process's cached lists and other instances' are stale. */
  changed(): Promise<void>;
}

export function requestStore(database: Database): RequestStore {
  const { db } = database;
  let writes = 0;

  return {
    async insert(trx, request, extra) {
      const now = isoNow();
      const { id } = await trx
        .insertInto('service_requests')
        .values({
          ...request,
          // Replaced below, once the row has its id.
          service_request_id: `new-${randomUUID()}`,
          attributes: JSON.stringify(request.attributes),
          media_urls: JSON.stringify(extra.media_urls),
          service_notice: extra.service_notice,
          agency_responsible: extra.agency_responsible,
          review: extra.review,
          requested_datetime: now,
          updated_datetime: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // A tracking number a citizen can read out on the phone: the year and the row's id,
      // which the database never hands out twice (SQLite's AUTOINCREMENT, PostgreSQL's
      // identity sequence, shared by every instance), even after a delete.
      const service_request_id = `${now.slice(0, 4)}-${String(id).padStart(6, '0')}`;
      const row = await trx.updateTable('service_requests').set({ service_request_id }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      return decode(row);
    },
    async find(id) {
      const row = await db.selectFrom('service_requests').selectAll().where('service_request_id', '=', id).executeTakeFirst();
      return row ? decode(row) : undefined;
    },
    async list(filter) {
      const rows = await db
        .selectFrom('service_requests')
        .selectAll()
        .where((eb) =>
          eb.and([
            eb('review', 'is', null),
            ...(filter.ids?.length ? [eb('service_request_id', 'in', filter.ids)] : []),
            ...(filter.serviceCode ? [eb('service_code', '=', filter.serviceCode)] : []),
            ...(filter.statuses?.length ? [eb('status', 'in', filter.statuses as StoredRequest['status'][])] : []),
            ...(filter.start ? [eb('requested_datetime', '>=', filter.start)] : []),
            ...(filter.end ? [eb('requested_datetime', '<=', filter.end)] : []),
          ]),
        )
        .orderBy('id', 'desc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute();
      return rows.map(decode);
    },
    async queue(filter) {
      const matching = db.selectFrom('service_requests').where((eb) => {
        const conditions = [filter.review ? eb('review', '=', filter.review) : eb('review', 'is', null)];
        if (filter.status !== 'all') conditions.push(eb('status', '=', filter.status));
        if (filter.serviceCode) conditions.push(eb('service_code', '=', filter.serviceCode));
        if (filter.from) conditions.push(eb('requested_datetime', '>=', filter.from));
        if (filter.to) conditions.push(eb('requested_datetime', '<=', filter.to));
        if (filter.text) {
          const pattern = containing(filter.text);
          const columns = ['service_request_id', 'description', 'address_string', 'status_notes', 'first_name', 'last_name', 'phone', 'email'] as const;
          // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
          conditions.push(eb.or(columns.map((column) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`)));
        }
        return eb.and(conditions);
      });
      const { total } = await matching.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const ascending = filter.order === 'oldest';
      // One more than a page: whether it comes back says if there is a next page.
      const rows = (
        await matching
          .selectAll()
          .$if(filter.after !== undefined, (query) => query.where('id', ascending ? '>' : '<', filter.after!))
          .orderBy('id', ascending ? 'asc' : 'desc')
          .limit(filter.limit + 1)
          .execute()
      ).map(decode);
      const more = rows.length > filter.limit;
      const page = more ? rows.slice(0, filter.limit) : rows;
      return { requests: page, total, next: more ? page.at(-1)!.id : null };
    },
    async totals() {
      return db
        .selectFrom('service_requests')
        .select((eb) => [
          eb.fn.countAll<number>().filterWhere('status', '=', 'open').filterWhere('review', 'is', null).as('open'),
          eb.fn.countAll<number>().filterWhere('status', '=', 'closed').filterWhere('review', 'is', null).as('closed'),
          eb.fn.countAll<number>().filterWhere('review', '=', 'suspected-spam').as('suspected_spam'),
        ])
        .executeTakeFirstOrThrow();
    },
    async update(id, changes) {
      const now = isoNow();
      const { media_public, ...rest } = changes;
      const row = await db
        .updateTable('service_requests')
        .set((eb) => ({
          ...rest,
          ...(media_public !== undefined ? { media_public: media_public ? 1 : 0 } : {}),
          updated_datetime: now,
          // The retention clock starts when a report is closed, and stops if it is opened again.
          ...(changes.status === 'closed' ? { closed_datetime: eb.fn.coalesce('closed_datetime', eb.val(now)) } : {}),
          ...(changes.status === 'open' ? { closed_datetime: null } : {}),
        }))
        .where('service_request_id', '=', id)
        .returningAll()
        .executeTakeFirst();
      if (row) await this.changed();
      return row ? decode(row) : undefined;
    },
    async anonymizeClosedBefore(cutoff) {
      const now = isoNow();
      const released = await db.transaction().execute(async (trx) => {
        // Reports held as suspected spam and never reviewed count from their arrival, or they would be kept for ever.
        const expiring = await trx
          .selectFrom('service_requests')
          .select(['id', 'media_urls', 'lat', 'long'])
          .where((eb) =>
            eb.and([
              eb.or([
                eb('closed_datetime', '<', cutoff),
                eb.and([eb('review', 'is not', null), eb('closed_datetime', 'is', null), eb('requested_datetime', '<', cutoff)]),
              ]),
              eb('anonymized_datetime', 'is', null),
            ]),
          )
          .execute();
        const urls: string[] = [];
        for (const row of expiring) {
          urls.push(...(JSON.parse(row.media_urls) as string[]).filter((url) => url.startsWith('/media/')));
          await trx
            .updateTable('service_requests')
            .set({
              description: null,
              public_description: null,
              address_string: null,
              address_id: null,
              lat: rounded(row.lat),
              long: rounded(row.long),
              first_name: null,
              last_name: null,
              phone: null,
              email: null,
              device_id: null,
              account_id: null,
              attributes: '{}',
              media_urls: '[]',
              media_public: 0,
              status_notes: null,
              anonymized_datetime: now,
            })
            .where('id', '=', row.id)
            .where('anonymized_datetime', 'is', null)
            .execute();
        }
        return urls;
      });
      await this.changed();
      return released;
    },
    async photoNames() {
      const rows = await db.selectFrom('service_requests').select('media_urls').where('media_urls', 'like', '%/media/%').execute();
      const names = rows.flatMap((row) => (JSON.parse(row.media_urls) as string[]).filter((url) => url.startsWith('/media/')));
      return new Set(names.map((url) => url.slice('/media/'.length)));
    },
    async generation() {
      return `${writes}:${await database.dataVersion('service_requests')}`;
    },
    async changed() {
      writes++;
      // The write is committed whatever becomes of the news: other instances' caches then expire within a minute.
      await database.announce('service_requests').catch(() => undefined);
    },
  };
}
