/** Thin adapters for the small ports: clock, document properties, document cache, document lock. */
import type { Clock, KeyValueStore, Mutex, ShortTermCache } from '../core/ports';

export const appsScriptClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => Utilities.sleep(ms),
  stamp: (ms) => Utilities.formatDate(new Date(ms), Session.getScriptTimeZone(), 'yyyy-MM-dd HH:mm:ss'),
};

/** Per-spreadsheet state lives in document properties (never script properties: a published add-on shares those). */
export function documentStore(): KeyValueStore {
  const properties = PropertiesService.getDocumentProperties();
  return {
    get: (key) => properties.getProperty(key),
    set: (key, value) => {
      properties.setProperty(key, value);
    },
    remove: (key) => {
      properties.deleteProperty(key);
    },
  };
}

/**
 * The document cache (per spreadsheet, like document properties; the script cache would be every user's).
 * undefined outside a document, where Apps Script has none: runs then simply don't cache.
 */
export function documentCache(): ShortTermCache | undefined {
  const cache = CacheService.getDocumentCache();
  if (!cache) return undefined;
  return {
    getAll: (keys) => cache.getAll(keys),
    putAll: (values, ttlSeconds) => cache.putAll(values, ttlSeconds),
  };
}

/** The document lock: one run per spreadsheet, whoever starts it (reference/apps-script-limits.md §5). */
export function documentMutex(): Mutex {
  const lock = LockService.getDocumentLock();
  return {
    tryAcquire: (waitMs) => lock.tryLock(waitMs),
    // No flush here: the run flushes after its last write, and a flush with nothing pending is a wasted call.
    release: () => lock.releaseLock(),
  };
}
