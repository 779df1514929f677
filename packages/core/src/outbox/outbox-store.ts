import type { PendingSubmission, SettledSubmission } from './outbox-types.js';

/**
 * The outbox's two object stores, keyed by `key`; `settled` is indexed by `source`.
 * IndexedDB is used directly, through the few promise helpers below: the `idb`
 * wrapper cost the forms about 1.5 kB gzip, most of it for cursors and
 * iterators the outbox never uses.
 */
interface Records {
  pending: PendingSubmission;
  settled: SettledSubmission;
}
type StoreName = keyof Records;

/** Resolves with what an IndexedDB request yields, rejects with its error. */
function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new DOMException('The request failed', 'UnknownError'));
  });
}

export class OutboxObjectStore<N extends StoreName> {
  constructor(private readonly store: IDBObjectStore) {}

  get(key: string): Promise<Records[N] | undefined> {
    return settled(this.store.get(key) as IDBRequest<Records[N] | undefined>);
  }

  getAll(): Promise<Array<Records[N]>> {
    return settled(this.store.getAll() as IDBRequest<Array<Records[N]>>);
  }

  async put(value: Records[N]): Promise<void> {
    await settled(this.store.put(value));
  }

  delete(key: string): Promise<void> {
    return settled(this.store.delete(key));
  }

  clear(): Promise<void> {
    return settled(this.store.clear());
  }

  /** Records whose indexed property equals `value`. */
  index(name: string): { getAll(value: string): Promise<Array<Records[N]>> } {
    const index = this.store.index(name);
    return { getAll: (value) => settled(index.getAll(value) as IDBRequest<Array<Records[N]>>) };
  }
}

export class OutboxTransaction<N extends StoreName> {
  /** Resolves once the transaction is committed; rejects if it fails or is aborted. */
  readonly done: Promise<void>;

  constructor(private readonly transaction: IDBTransaction) {
    this.done = new Promise((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = transaction.onabort = () => reject(transaction.error ?? new DOMException('The transaction was aborted', 'AbortError'));
    });
    // A read nobody waits to see committed must not log an unhandled rejection; awaiting `done` still throws.
    this.done.catch(() => undefined);
  }

  /** The transaction's store, when it has one. */
  get store(): OutboxObjectStore<N> {
    return this.objectStore(this.transaction.objectStoreNames[0] as N);
  }

  objectStore<S extends N>(name: S): OutboxObjectStore<S> {
    return new OutboxObjectStore(this.transaction.objectStore(name));
  }
}

/** The outbox database; each shortcut (`get`, `put`, …) is a transaction of its own, and a write resolves once committed. */
export class OutboxDatabase {
  constructor(private readonly db: IDBDatabase) {}

  transaction<N extends StoreName>(names: N | N[], mode: IDBTransactionMode = 'readonly'): OutboxTransaction<N> {
    return new OutboxTransaction(this.db.transaction(names, mode));
  }

  get<N extends StoreName>(name: N, key: string): Promise<Records[N] | undefined> {
    return this.transaction(name).store.get(key);
  }

  getAll<N extends StoreName>(name: N): Promise<Array<Records[N]>> {
    return this.transaction(name).store.getAll();
  }

  put<N extends StoreName>(name: N, value: Records[N]): Promise<void> {
    return this.write(name, (store) => store.put(value));
  }

  delete(name: StoreName, key: string): Promise<void> {
    return this.write(name, (store) => store.delete(key));
  }

  clear(name: StoreName): Promise<void> {
    return this.write(name, (store) => store.clear());
  }

  private async write<N extends StoreName>(name: N, work: (store: OutboxObjectStore<N>) => Promise<void>): Promise<void> {
    const transaction = this.transaction(name, 'readwrite');
    await Promise.all([work(transaction.store), transaction.done]);
  }
}

// Every civic widget bundle on this origin opens the same database, so any of
// them can deliver what another one queued.
const databaseName = 'civic-widgets-outbox';

let database: Promise<OutboxDatabase> | undefined;

export function openOutboxStore(): Promise<OutboxDatabase> {
  database ??= open().catch((error: unknown) => {
    database = undefined;
    throw error;
  });
  return database;
}

async function open(): Promise<OutboxDatabase> {
  const request = indexedDB.open(databaseName, 1);
  request.onupgradeneeded = () => {
    request.result.createObjectStore('pending', { keyPath: 'key' });
    request.result.createObjectStore('settled', { keyPath: 'key' }).createIndex('source', 'source');
  };
  const db = await settled(request);
  // A newer bundle on the same origin wants to upgrade the schema: let it,
  // and open the database again next time.
  db.onversionchange = () => {
    db.close();
    database = undefined;
  };
  // Closed by the browser (storage cleared, disk error): open it again next time.
  db.onclose = () => {
    database = undefined;
  };
  return new OutboxDatabase(db);
}
