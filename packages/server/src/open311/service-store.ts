import type { Database } from '../db/open-database.js';
import type { ServiceData } from '../db/seed-types.js';

export interface ServiceStore {
  all(): ServiceData[];
  find(code: string): ServiceData | undefined;
  /** Reads the catalogue again; call after changing the services table. */
  reload(): Promise<void>;
}

/**
 * The service catalogue, held in memory: every report in a list needs its
 * category's name, and reading and parsing it from the database per row made
 * `GET requests.json` cost up to 180 ms of CPU. The catalogue changes only
 * when the database is seeded (before the server listens); reload() after
 * any other change.
 */
export async function serviceStore({ db }: Database): Promise<ServiceStore> {
  let all: ServiceData[] = [];
  let byCode = new Map<string, ServiceData>();
  const reload = async () => {
    const rows = await db.selectFrom('services').select('data').orderBy('position').execute();
    all = rows.map((row) => JSON.parse(row.data) as ServiceData);
    byCode = new Map(all.map((service) => [service.service_code, service]));
  };
  await reload();
  return {
    all: () => all,
    find: (code) => byCode.get(code),
    reload,
  };
}
