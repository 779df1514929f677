import type { Database } from '../db/open-database.js';
import type { NoticeData } from '../db/seed-types.js';

export interface NoticeStore {
  /** Every notice, newest date_published first. */
  all(): Promise<NoticeData[]>;
  find(id: string): Promise<NoticeData | undefined>;
  /** False when a notice with that id exists already. */
  insert(notice: NoticeData): Promise<boolean>;
  /** False when there is no notice with that id. */
  replace(notice: NoticeData): Promise<boolean>;
  /** False when there is no notice with that id. */
  remove(id: string): Promise<boolean>;
  /**
   * When any server on this database last changed a notice (ms), 0 if never
   * recorded: a deletion through another instance leaves no date on any notice.
   */
  lastWrite(): Promise<number>;
}

interface Row {
  id: string;
  data: string;
  date_published: string;
  date_modified: string | null;
}

/** The columns are what queries and feeds go by; `data` holds the rest, in the shape of seed/notices.json. */
function fromRow(row: Row): NoticeData {
  const notice = JSON.parse(row.data) as NoticeData;
  notice.id = row.id;
  notice.date_published = row.date_published;
  if (row.date_modified) notice.date_modified = row.date_modified;
  else delete notice.date_modified;
  return notice;
}

/**
 * Dates keep the offset they were written with (+08:00 in the seed), so the
 * strings do not sort as times: sort on the parsed instant instead.
 */
export const byNewest = (a: NoticeData, b: NoticeData) =>
  Date.parse(b.date_published) - Date.parse(a.date_published) || a.id.localeCompare(b.id);

const writtenKey = 'notices_written';

export function noticeStore({ db }: Database): NoticeStore {
  const columns = ['id', 'data', 'date_published', 'date_modified'] as const;
  /** Records the change when there was one. */
  const written = async (changed: boolean) => {
    if (!changed) return false;
    const value = new Date().toISOString();
    await db
      .insertInto('meta')
      .values({ key: writtenKey, value })
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ value }))
      .execute();
    return true;
  };
  return {
    lastWrite: async () => {
      const row = await db.selectFrom('meta').select('value').where('key', '=', writtenKey).executeTakeFirst();
      return row ? Date.parse(row.value) : 0;
    },
    all: async () => (await db.selectFrom('notices').select(columns).execute()).map(fromRow).sort(byNewest),
    find: async (id) => {
      const row = await db.selectFrom('notices').select(columns).where('id', '=', id).executeTakeFirst();
      return row && fromRow(row);
    },
    insert: async (notice) => {
      const result = await db
        .insertInto('notices')
        .values({ id: notice.id, data: JSON.stringify(notice), date_published: notice.date_published, date_modified: notice.date_modified ?? null })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .executeTakeFirst();
      return written(Number(result.numInsertedOrUpdatedRows ?? 0) === 1);
    },
    replace: async (notice) => {
      const result = await db
        .updateTable('notices')
        .set({ data: JSON.stringify(notice), date_published: notice.date_published, date_modified: notice.date_modified ?? null })
        .where('id', '=', notice.id)
        .executeTakeFirst();
      return written(Number(result.numUpdatedRows) === 1);
    },
    remove: async (id) => written(Number((await db.deleteFrom('notices').where('id', '=', id).executeTakeFirst()).numDeletedRows) === 1),
  };
}
