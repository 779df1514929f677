import { sql, type Kysely } from 'kysely';
import type { Database } from './open-database.js';
import { tableNames } from './schema.js';

/** Rows per INSERT: service_requests has 29 columns, well under PostgreSQL's 65,535 parameters. */
const batchRows = 500;
/** Records per table read back from both databases and compared field by field. */
const sampleSize = 25;

export interface TableCopy {
  table: string;
  source: number;
  target: number;
  sampled: number;
  mismatched: number;
}

export class TargetNotEmptyError extends Error {}

type Row = Record<string, unknown>;
const keyOf: Record<(typeof tableNames)[number], string[]> = {
  meta: ['key'],
  services: ['service_code'],
  service_requests: ['id'],
  idempotency_keys: ['scope', 'key'],
  survey_responses: ['id'],
  notices: ['id'],
  service_points: ['id'],
};
/** Tables whose ids the database hands out: the target's counter continues after the source's. */
const counted = ['service_requests', 'survey_responses'] as const;

const count = async (db: Kysely<any>, table: string) =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/** Same text for the same record on both engines: keys sorted. */
const canonical = (row: Row | undefined) => JSON.stringify(row && Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b))));

/**
 * Copies every table of a SQLite database into a PostgreSQL one (migrated,
 * and empty unless `replace`), in one transaction: the same rows, ids,
 * tracking numbers and idempotency keys, and each id counter set past the
 * highest id the source ever gave (SQLite's AUTOINCREMENT remembers deleted
 * ones), so no number is handed out twice. Then counts every table on both
 * sides and compares a sample of records field by field.
 */
export async function copyDatabase(source: Database, target: Database, { replace = false } = {}): Promise<TableCopy[]> {
  const from = source.db as unknown as Kysely<any>;
  const to = target.db as unknown as Kysely<any>;
  await to.transaction().execute(async (trx) => {
    const filled: string[] = [];
    for (const table of tableNames) if ((await count(trx, table)) > 0) filled.push(table);
    if (filled.length > 0 && !replace) throw new TargetNotEmptyError(`The target database already has data (${filled.join(', ')}).`);
    for (const table of [...tableNames].reverse()) await trx.deleteFrom(table).execute();
    for (const table of tableNames) {
      const rows = await from.selectFrom(table).selectAll().orderBy(keyOf[table]).execute();
      for (let start = 0; start < rows.length; start += batchRows) {
        await trx.insertInto(table).values(rows.slice(start, start + batchRows)).execute();
      }
    }
    const given =
      source.engine === 'sqlite'
        ? new Map((await sql<{ name: string; seq: number }>`select name, seq from sqlite_sequence`.execute(from)).rows.map((row) => [row.name, Number(row.seq)]))
        : new Map<string, number>();
    for (const table of counted) {
      const highest = Math.max(given.get(table) ?? 0, Number((await trx.selectFrom(table).select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0));
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), ${highest + 1}, false)`.execute(trx);
    }
  });

  const report: TableCopy[] = [];
  for (const table of tableNames) {
    const key = keyOf[table];
    const [sourceCount, targetCount] = [await count(from, table), await count(to, table)];
    // First, last and spread between: a sample that reaches the whole table.
    const all = await from.selectFrom(table).select(key).orderBy(key).execute();
    const step = Math.max(1, Math.floor(all.length / sampleSize));
    const picked = all.filter((_, index) => index % step === 0).slice(0, sampleSize);
    if (all.length > 0 && !picked.includes(all.at(-1)!)) picked.push(all.at(-1)!);
    let mismatched = 0;
    for (const ids of picked) {
      const find = (db: Kysely<any>) => key.reduce((query, column) => query.where(column, '=', ids[column]), db.selectFrom(table).selectAll()).executeTakeFirst();
      if (canonical(await find(from)) !== canonical(await find(to))) mismatched++;
    }
    report.push({ table, source: sourceCount, target: targetCount, sampled: picked.length, mismatched });
  }
  return report;
}
