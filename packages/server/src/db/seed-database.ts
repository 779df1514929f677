import { readFileSync } from 'node:fs';
import type { Db } from './open-database.js';
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
export function seedDatabase(db: Db): boolean {
  const seeded = db.prepare("SELECT 1 FROM meta WHERE key = 'seeded'");
  const record = db.prepare("INSERT INTO meta (key, value) VALUES ('seeded', ?)");
  const hasRows = (table: string) => db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined;
  const seed = db.transaction((): boolean => {
    if (seeded.get()) return false;
    const hasData = ['services', 'notices', 'service_points'].some(hasRows);
    if (!hasData) {
      const service = db.prepare('INSERT INTO services (service_code, position, data) VALUES (?, ?, ?)');
      readSeed<ServiceData[]>('services.json').forEach((item, position) => service.run(item.service_code, position, JSON.stringify(item)));
      const notice = db.prepare('INSERT INTO notices (id, data, date_published, date_modified) VALUES (?, ?, ?, ?)');
      for (const item of readSeed<NoticeData[]>('notices.json')) {
        notice.run(item.id, JSON.stringify(item), item.date_published, item.date_modified ?? null);
      }
      const point = db.prepare('INSERT INTO service_points (id, kind, lat, long, data) VALUES (?, ?, ?, ?, ?)');
      for (const item of readSeed<ServicePointData[]>('service-points.json')) {
        point.run(item.id, item.kind, item.lat, item.long, JSON.stringify(item));
      }
    }
    record.run(new Date().toISOString());
    return !hasData;
  });
  // IMMEDIATE: two servers starting on one new database cannot both seed it.
  return seed.immediate();
}
