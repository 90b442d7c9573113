/** Thin adapters for the small ports: clock, document properties, document cache, document lock, user settings. */
import type { Clock, KeyValueStore, Mutex, ShortTermCache } from '../core/ports';
import { ADMIN_SENTENCE_PREFIX } from '../shared/sentences';

/** Utilities.sleep refuses more than 5 minutes (reference/first-deploy.md §2). */
export const MAX_SLEEP_MS = 300_000;

/**
 * Thrown where Apps Script gives no containing document (LockService.getDocumentLock and
 * PropertiesService.getDocumentProperties return null there: reference/first-deploy.md §2).
 */
export class NoDocumentError extends Error {
  constructor(what: string) {
    super(`${ADMIN_SENTENCE_PREFIX}its spreadsheet, but Apps Script gave this run no ${what}. Open the spreadsheet and use Extensions › Chat Roster (or turn the nightly sync off and on again there).`);
    this.name = 'NoDocumentError';
  }
}

/**
 * The clock of one execution. Stamps (the Updated column, the log) are in the spreadsheet's time zone,
 * which the administrator sees and sets, not the script's (the developer's manifest timeZone), and name it
 * by its id ("2026-12-04 09:00:00 America/New_York"): unlike an abbreviation (IST, CST) an id is no other
 * zone's, and stamps of one spreadsheet still sort as text.
 */
export function spreadsheetClock(): Clock {
  const timeZone = spreadsheetTimeZone();
  return {
    now: () => Date.now(),
    sleep: (ms) => Utilities.sleep(Math.min(Math.max(0, ms), MAX_SLEEP_MS)),
    stamp: (ms) => `${Utilities.formatDate(new Date(ms), timeZone, 'yyyy-MM-dd HH:mm:ss')} ${timeZone}`,
  };
}

const TIME_ZONE_KEY = 'chatRoster.timeZone';
/** Six hours, the document cache's longest: a changed time zone shows in the stamps within that time. */
const TIME_ZONE_TTL_SECONDS = 6 * 60 * 60;

/**
 * The spreadsheet's time zone, kept in the document cache: reading it is a Sheets round trip, and an
 * execution's round trips are counted (DESIGN.md §5). Set up roster sheet puts it there first.
 */
export function spreadsheetTimeZone(): string {
  const cache = CacheService.getDocumentCache();
  const known = cache?.get(TIME_ZONE_KEY);
  if (known) return known;
  const timeZone = SpreadsheetApp.getActive().getSpreadsheetTimeZone();
  cache?.put(TIME_ZONE_KEY, timeZone, TIME_ZONE_TTL_SECONDS);
  return timeZone;
}

function storeOf(properties: GoogleAppsScript.Properties.Properties): KeyValueStore {
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

/** Per-spreadsheet state lives in document properties (never script properties: a published add-on shares those). */
export function documentStore(): KeyValueStore {
  const properties = PropertiesService.getDocumentProperties();
  if (!properties) throw new NoDocumentError('document properties');
  return storeOf(properties);
}

/** Each administrator's own settings in this script (admin access is one person's choice, not the sheet's). */
export function userStore(): KeyValueStore {
  return storeOf(PropertiesService.getUserProperties());
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
  if (!lock) throw new NoDocumentError('document lock');
  return {
    tryAcquire: (waitMs) => lock.tryLock(waitMs),
    // No flush here: the run flushes after its last write, and a flush with nothing pending is a wasted call.
    release: () => lock.releaseLock(),
  };
}
