/**
 * localStorage and sessionStorage can be missing, full or forbidden (private
 * windows, locked-down browsers, sandboxed frames), and merely touching them
 * can throw. Widgets remember small things there (a dismissal, what was read);
 * when storage fails they simply forget, rather than break.
 */
export function readStored(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(storage: () => Storage, key: string, value: string): void {
  try {
    storage().setItem(key, value);
  } catch {
    // Not remembered.
  }
}

export function removeStored(storage: () => Storage, key: string): void {
  try {
    storage().removeItem(key);
  } catch {
    // Nothing to forget.
  }
}
