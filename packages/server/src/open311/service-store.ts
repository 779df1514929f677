import type { Db } from '../db/open-database.js';
import type { ServiceData } from '../db/seed-types.js';

export interface ServiceStore {
  all(): ServiceData[];
  find(code: string): ServiceData | undefined;
  /** Reads the catalogue again; call after changing the services table. */
  reload(): void;
}

/**
 * The service catalogue, held in memory: every report in a list needs its
 * category's name, and reading and parsing it from the database per row made
 * `GET requests.json` cost up to 180 ms of CPU. The catalogue changes only
 * when the database is seeded (before the server listens); reload() after
 * any other change.
 */
export function serviceStore(db: Db): ServiceStore {
  const select = db.prepare<[], { data: string }>('SELECT data FROM services ORDER BY position');
  let all: ServiceData[] = [];
  let byCode = new Map<string, ServiceData>();
  const reload = () => {
    all = select.all().map((row) => JSON.parse(row.data) as ServiceData);
    byCode = new Map(all.map((service) => [service.service_code, service]));
  };
  reload();
  return {
    all: () => all,
    find: (code) => byCode.get(code),
    reload,
  };
}
