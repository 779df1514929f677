/**
 * What one story leaves in the browser must not show up in the next: the
 * feedback widget keeps unfinished reports in sessionStorage, the survey
 * remembers for `cooldown-days` that it was answered (localStorage) and for the
 * session that it was closed (sessionStorage), and both keep what they could
 * not send in IndexedDB (the outbox, retried in the background); the notice
 * board remembers which notices were read and which warnings dismissed
 * (localStorage). Names as in packages/feedback/src/form/draft-store.ts,
 * packages/satisfaction-survey/src/visibility.ts,
 * packages/notice-board/src/read-state.ts and
 * packages/core/src/outbox/outbox-store.ts.
 */
const sessionPrefixes = ['civic-feedback-draft:', 'civic-feedback-kept-here:', 'civic-survey-dismissed:'];
const localPrefixes = ['civic-survey-answered:', 'civic-notice-read:', 'civic-alert-dismissed:'];
const outboxDatabase = 'civic-widgets-outbox';

export async function resetWidgetStorage(): Promise<void> {
  removeKeys(sessionStorage, sessionPrefixes);
  removeKeys(localStorage, localPrefixes);
  await clearOutbox();
}

function removeKeys(storage: Storage, prefixes: readonly string[]): void {
  for (const key of Object.keys(storage)) if (prefixes.some((prefix) => key.startsWith(prefix))) storage.removeItem(key);
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
