import { readFileSync } from 'node:fs';
import type { Db } from './open-database.js';
import type { NoticeData, ServiceData, ServicePointData } from './seed-types.js';

const seedDir = new URL('../../seed/', import.meta.url);

function readSeed<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(file, seedDir), 'utf8')) as T;
}

/**
 * Fills each empty table with the demo district's data. A table that already
 * has rows is left alone, so a district's own data is never overwritten.
 */
export function seedDatabase(db: Db): void {
  const isEmpty = (table: string) => !db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get();
  db.transaction(() => {
    if (isEmpty('services')) {
      const insert = db.prepare('INSERT INTO services (service_code, position, data) VALUES (?, ?, ?)');
      readSeed<ServiceData[]>('services.json').forEach((service, position) =>
        insert.run(service.service_code, position, JSON.stringify(service)),
      );
    }
    if (isEmpty('notices')) {
      const insert = db.prepare('INSERT INTO notices (id, data, date_published, date_modified) VALUES (?, ?, ?, ?)');
      for (const notice of readSeed<NoticeData[]>('notices.json')) {
        insert.run(notice.id, JSON.stringify(notice), notice.date_published, notice.date_modified ?? null);
      }
    }
    if (isEmpty('service_points')) {
      const insert = db.prepare('INSERT INTO service_points (id, kind, lat, long, data) VALUES (?, ?, ?, ?, ?)');
      for (const point of readSeed<ServicePointData[]>('service-points.json')) {
        insert.run(point.id, point.kind, point.lat, point.long, JSON.stringify(point));
      }
    }
  })();
}
