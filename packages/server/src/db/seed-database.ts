import { readFileSync } from 'node:fs';
import type { Database } from './open-database.js';
import type { NoticeData, ServiceData, ServicePointData } from './seed-types.js';

const seedDir = new URL('../../seed/', import.meta.url);

function readSeed<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(file, seedDir), 'utf8')) as T;
}

/**
 * Loads the demo district's categories, notices and service points, once per
 * database: the first time it starts with seeding on, and only if it has none
 * of them, so a district's own data is never mixed with the demo's. The
 * `meta` table records it, so a notice deleted on purpose stays deleted after
 * a restart. True when it seeded.
 */
export async function seedDatabase({ db }: Database): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Written first: of two servers starting on one new database, the second
    // waits here for the first to commit, then finds the mark and seeds nothing.
    const marked = await trx
      .insertInto('meta')
      .values({ key: 'seeded', value: new Date().toISOString() })
      .onConflict((conflict) => conflict.column('key').doNothing())
      .executeTakeFirst();
    if (Number(marked.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    const hasRows = async (table: 'services' | 'notices' | 'service_points') =>
      (await trx.selectFrom(table).select('data').limit(1).executeTakeFirst()) !== undefined;
    const hasData = (await hasRows('services')) || (await hasRows('notices')) || (await hasRows('service_points'));
    if (hasData) return false;
    const services = readSeed<ServiceData[]>('services.json');
    await trx
      .insertInto('services')
      .values(services.map((item, position) => ({ service_code: item.service_code, position, data: JSON.stringify(item) })))
      .execute();
    const notices = readSeed<NoticeData[]>('notices.json');
    await trx
      .insertInto('notices')
      .values(notices.map((item) => ({ id: item.id, data: JSON.stringify(item), date_published: item.date_published, date_modified: item.date_modified ?? null })))
      .execute();
    const points = readSeed<ServicePointData[]>('service-points.json');
    await trx
      .insertInto('service_points')
      .values(points.map((item) => ({ id: item.id, kind: item.kind, lat: item.lat, long: item.long, data: JSON.stringify(item) })))
      .execute();
    return true;
  });
}
