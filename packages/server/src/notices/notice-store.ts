import type { Db } from '../db/open-database.js';
import type { NoticeData } from '../db/seed-types.js';

export interface NoticeStore {
  /** Every notice, newest date_published first. */
  all(): NoticeData[];
  find(id: string): NoticeData | undefined;
  /** False when a notice with that id exists already. */
  insert(notice: NoticeData): boolean;
  /** False when there is no notice with that id. */
  replace(notice: NoticeData): boolean;
  /** False when there is no notice with that id. */
  remove(id: string): boolean;
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

export function noticeStore(db: Db): NoticeStore {
  const all = db.prepare<[], Row>('SELECT id, data, date_published, date_modified FROM notices');
  const find = db.prepare<[string], Row>('SELECT id, data, date_published, date_modified FROM notices WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO notices (id, data, date_published, date_modified) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
  );
  const update = db.prepare('UPDATE notices SET data = ?, date_published = ?, date_modified = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM notices WHERE id = ?');

  return {
    all: () => all.all().map(fromRow).sort(byNewest),
    find: (id) => {
      const row = find.get(id);
      return row && fromRow(row);
    },
    insert: (notice) =>
      insert.run(notice.id, JSON.stringify(notice), notice.date_published, notice.date_modified ?? null).changes === 1,
    replace: (notice) =>
      update.run(JSON.stringify(notice), notice.date_published, notice.date_modified ?? null, notice.id).changes === 1,
    remove: (id) => remove.run(id).changes === 1,
  };
}
