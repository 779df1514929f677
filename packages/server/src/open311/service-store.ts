import type { Db } from '../db/open-database.js';
import type { ServiceData } from '../db/seed-types.js';

export interface ServiceStore {
  all(): ServiceData[];
  find(code: string): ServiceData | undefined;
}

export function serviceStore(db: Db): ServiceStore {
  const all = db.prepare<[], { data: string }>('SELECT data FROM services ORDER BY position');
  const one = db.prepare<[string], { data: string }>('SELECT data FROM services WHERE service_code = ?');
  return {
    all: () => all.all().map((row) => JSON.parse(row.data) as ServiceData),
    find: (code) => {
      const row = one.get(code);
      return row ? (JSON.parse(row.data) as ServiceData) : undefined;
    },
  };
}
