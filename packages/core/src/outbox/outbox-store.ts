import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PendingSubmission, SettledSubmission } from './outbox-types.js';

interface OutboxSchema extends DBSchema {
  pending: { key: string; value: PendingSubmission };
  settled: { key: string; value: SettledSubmission; indexes: { source: string } };
}

// Every civic widget bundle on this origin opens the same database, so any of
// them can deliver what another one queued.
const databaseName = 'civic-widgets-outbox';

let database: Promise<IDBPDatabase<OutboxSchema>> | undefined;

export function openOutboxStore(): Promise<IDBPDatabase<OutboxSchema>> {
  database ??= openDB<OutboxSchema>(databaseName, 1, {
    upgrade(db) {
      db.createObjectStore('pending', { keyPath: 'key' });
      db.createObjectStore('settled', { keyPath: 'key' }).createIndex('source', 'source');
    },
    // A newer bundle on the same origin wants to upgrade the schema: let it,
    // and open the database again next time.
    blocking() {
      void database?.then((db) => db.close());
      database = undefined;
    },
    terminated() {
      database = undefined;
    },
  }).catch((error: unknown) => {
    database = undefined;
    throw error;
  });
  return database;
}
