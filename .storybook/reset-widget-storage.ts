/**
 * What one story leaves in the browser must not show up in the next: the
 * widget keeps unfinished reports in sessionStorage and reports it could not
 * send in IndexedDB (its outbox, retried in the background). Names as in
 * packages/feedback/src/form/draft-store.ts and packages/core/src/outbox/outbox-store.ts.
 */
const draftPrefix = 'civic-feedback-draft:';
const outboxDatabase = 'civic-widgets-outbox';

export async function resetWidgetStorage(): Promise<void> {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(draftPrefix)) sessionStorage.removeItem(key);
  await clearOutbox();
}

async function clearOutbox(): Promise<void> {
  // Opening a database that does not exist would create it empty, at version 1,
  // and the widget's own upgrade (which creates the stores) would then never run.
  const databases = (await indexedDB.databases?.().catch(() => [])) ?? [];
  if (!databases.some((database) => database.name === outboxDatabase)) return;
  await new Promise<void>((resolve) => {
    const request = indexedDB.open(outboxDatabase);
    request.onerror = () => resolve();
    request.onsuccess = () => {
      const db = request.result;
      const stores = [...db.objectStoreNames];
      if (stores.length === 0) {
        db.close();
        return resolve();
      }
      const transaction = db.transaction(stores, 'readwrite');
      for (const store of stores) transaction.objectStore(store).clear();
      transaction.oncomplete = transaction.onerror = transaction.onabort = () => {
        db.close();
        resolve();
      };
    };
  });
}
