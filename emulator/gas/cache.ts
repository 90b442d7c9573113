/**
 * CacheService: document, user and script caches that outlive an execution (reference/apps-script-limits.md
 * §7), with expiry on the emulator's virtual clock. Values are strings (String(value)); a key over 250
 * characters or a value over 100 KB (UTF-8 bytes) is refused, and a cache keeps at most 1,000 live items:
 * a put beyond that evicts the oldest-put items first (Google's cache is best effort).
 *
 * Stricter or assumed readings: the default expiration (600 s) and the maximum (21,600 s; a larger value is
 * clamped) are widely cited but not confirmed on Google's page. An expiration that isn't a number ≥ 1 is
 * refused, and the key limit is checked on every call, not only on puts. The refusal messages ("Argument too
 * large: key|value", "Invalid argument: expirationInSeconds") weren't confirmed against Apps Script.
 * Not modelled: entries vanishing early on their own (tests call `evictAll`/`evict`), any daily quota, the
 * cache's own latency (a cache call spends no virtual time and isn't a Sheets round trip).
 */
import type { ExecutionContext } from './execution';

export const KEY_LIMIT_CHARS = 250;
export const VALUE_LIMIT_BYTES = 100 * 1024;
export const MAX_ITEMS = 1000;
export const DEFAULT_EXPIRATION_S = 600;
export const MAX_EXPIRATION_S = 21_600;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

interface Entry {
  value: string;
  expiresAt: number;
}

function checkKey(raw: unknown): string {
  const key = String(raw);
  if (key.length > KEY_LIMIT_CHARS) throw new Error('Argument too large: key');
  return key;
}

function expiryMs(expirationInSeconds: unknown): number {
  if (expirationInSeconds === undefined) return DEFAULT_EXPIRATION_S * 1000;
  const seconds = Number(expirationInSeconds);
  if (!Number.isFinite(seconds) || seconds < 1) throw new Error('Invalid argument: expirationInSeconds');
  return Math.min(seconds, MAX_EXPIRATION_S) * 1000;
}

/** One cache, usable directly by tests; the execution's facade adds the time-limit and auth checks. */
export class FakeCache implements GoogleAppsScript.Cache.Cache {
  /** insertion order is put order (a re-put moves the key to the end), so the first live key is the oldest */
  private readonly entries = new Map<string, Entry>();
  private readonly listeners: ((key: string, value: string) => void)[] = [];

  constructor(private readonly now: () => number) {}

  /** Workbench hook: hears every value stored, as it is stored (the workbench replays progress in real time). */
  onPut(listener: (key: string, value: string) => void): void {
    this.listeners.push(listener);
  }

  get(key: string): string | null {
    this.sweep();
    return this.entries.get(checkKey(key))?.value ?? null;
  }

  /** Missing and expired keys are left out. */
  getAll(keys: string[]): { [key: string]: string } {
    this.sweep();
    const found: { [key: string]: string } = {};
    for (const raw of keys) {
      const key = checkKey(raw);
      const entry = this.entries.get(key);
      if (entry) found[key] = entry.value;
    }
    return found;
  }

  put(key: string, value: unknown, expirationInSeconds?: number): void {
    this.putAll({ [checkKey(key)]: value }, expirationInSeconds);
  }

  /** All or nothing: every key, value and the expiration are checked before anything is stored. */
  putAll(values: { [key: string]: unknown }, expirationInSeconds?: number): void {
    const ttl = expiryMs(expirationInSeconds);
    const checked: [string, string][] = Object.entries(values).map(([raw, rawValue]) => {
      const value = String(rawValue);
      if (bytes(value) > VALUE_LIMIT_BYTES) throw new Error('Argument too large: value');
      return [checkKey(raw), value];
    });
    this.sweep();
    const expiresAt = this.now() + ttl;
    for (const [key, value] of checked) {
      this.entries.delete(key);
      this.entries.set(key, { value, expiresAt });
      for (const listener of this.listeners) listener(key, value);
    }
    for (const key of this.entries.keys()) {
      if (this.entries.size <= MAX_ITEMS) break;
      this.entries.delete(key);
    }
  }

  remove(key: string): void {
    this.entries.delete(checkKey(key));
  }

  removeAll(keys: string[]): void {
    const checked = keys.map(checkKey);
    for (const key of checked) this.entries.delete(key);
  }

  /** Test hook: Google drops an entry before it expires (the cache is best effort). */
  evict(key: string): void {
    this.entries.delete(String(key));
  }

  /** Test hook: Google drops every entry early. */
  evictAll(): void {
    this.entries.clear();
  }

  /** Test hook: the live (unexpired) keys, oldest put first. */
  keys(): string[] {
    this.sweep();
    return [...this.entries.keys()];
  }

  /** Expired entries are gone: they neither answer gets nor count toward the 1,000 items. */
  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}

/** The cache as one execution sees it. */
function facade(cache: FakeCache, ctx: ExecutionContext): GoogleAppsScript.Cache.Cache {
  const call = <T>(method: string, run: () => T): T => ctx.serviceCall(`Cache.${method}`, run);
  return {
    get: (key) => call('get', () => cache.get(key)),
    getAll: (keys) => call('getAll', () => cache.getAll(keys)),
    put: (key: string, value: string, expirationInSeconds?: number) => call('put', () => cache.put(key, value, expirationInSeconds)),
    putAll: (values: { [key: string]: unknown }, expirationInSeconds?: number) => call('putAll', () => cache.putAll(values, expirationInSeconds)),
    remove: (key) => call('remove', () => cache.remove(key)),
    removeAll: (keys) => call('removeAll', () => cache.removeAll(keys)),
  };
}

export interface CacheStores {
  document: FakeCache;
  script: FakeCache;
  user(email: string): FakeCache;
}

/** Outside a containing document (execution option `container: false`) the document cache is null. */
export interface FakeCacheService {
  getDocumentCache(): GoogleAppsScript.Cache.Cache | null;
  getScriptCache(): GoogleAppsScript.Cache.Cache;
  getUserCache(): GoogleAppsScript.Cache.Cache;
}

export function createCacheService(caches: CacheStores, ctx: ExecutionContext): FakeCacheService {
  const open = (method: string, cache: () => FakeCache) => {
    ctx.enter(`CacheService.${method}`);
    ctx.requireAuthorization();
    return facade(cache(), ctx);
  };
  return {
    getDocumentCache: () => ctx.inDocument('CacheService.getDocumentCache', () => open('getDocumentCache', () => caches.document)),
    getScriptCache: () => open('getScriptCache', () => caches.script),
    getUserCache: () => open('getUserCache', () => caches.user(ctx.user)),
  };
}
