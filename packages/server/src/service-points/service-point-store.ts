import type { Database } from '../db/open-database.js';
import type { ServicePointData } from '../db/seed-types.js';

/**
 * The kinds the service locator widget has icons and labels for. A district's
 * own data may add others; those count as known once a point has them.
 */
export const servicePointKinds = [
  'community-affairs-centre',
  'party-community-centre',
  'elderly-care-station',
  'elderly-care-home',
  'community-canteen',
  'health-centre',
] as const;

export interface ServicePointStore {
  /** Points of the given kinds (all when none are given), in id order. */
  list(kinds?: string[]): Promise<ServicePointData[]>;
  /** The widget's kinds and any other kind the data has. */
  knownKinds(): Promise<string[]>;
}

interface Row {
  id: string;
  kind: string;
  lat: number;
  long: number;
  data: string;
}

/** The columns win over `data`: they are what the filter and the map go by. */
function fromRow(row: Row): ServicePointData {
  return { ...(JSON.parse(row.data) as ServicePointData), id: row.id, kind: row.kind, lat: row.lat, long: row.long };
}

export function servicePointStore({ db }: Database): ServicePointStore {
  return {
    list: async (wanted) =>
      (
        await db
          .selectFrom('service_points')
          .select(['id', 'kind', 'lat', 'long', 'data'])
          .$if(Boolean(wanted?.length), (query) => query.where('kind', 'in', wanted!))
          .orderBy('id')
          .execute()
      ).map(fromRow),
    knownKinds: async () => {
      const rows = await db.selectFrom('service_points').select('kind').distinct().execute();
      return [...new Set<string>([...servicePointKinds, ...rows.map((row) => row.kind)])];
    },
  };
}
