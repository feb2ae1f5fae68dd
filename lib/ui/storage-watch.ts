import { browser } from 'wxt/browser';

/**
 * Calls `onChange` when any of the given storage keys changes (any area). Pages then re-read
 * through send(); the storage values themselves are the background's business.
 * Returns the unsubscribe function.
 */
export function watchStorageKeys(keys: string[], onChange: (changed: string[]) => void): () => void {
  const wanted = new Set(keys);
  const listener = (changes: Record<string, unknown>) => {
    const hit = Object.keys(changes).filter((k) => wanted.has(k));
    if (hit.length) onChange(hit);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
