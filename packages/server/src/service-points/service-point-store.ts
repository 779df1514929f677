import type { Db } from '../db/open-database.js';
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
  list(kinds?: string[]): ServicePointData[];
  /** The widget's kinds and any other kind the data has. */
  knownKinds(): string[];
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

export function servicePointStore(db: Db): ServicePointStore {
  const all = db.prepare<[], Row>('SELECT id, kind, lat, long, data FROM service_points ORDER BY id');
  // One JSON array parameter instead of a statement per number of kinds.
  const ofKinds = db.prepare<[string], Row>(
    'SELECT id, kind, lat, long, data FROM service_points WHERE kind IN (SELECT value FROM json_each(?)) ORDER BY id',
  );
  const kinds = db.prepare<[], { kind: string }>('SELECT DISTINCT kind FROM service_points');

  return {
    list: (wanted) => (wanted?.length ? ofKinds.all(JSON.stringify(wanted)) : all.all()).map(fromRow),
    knownKinds: () => [...new Set<string>([...servicePointKinds, ...kinds.all().map((row) => row.kind)])],
  };
}
