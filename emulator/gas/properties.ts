/**
 * PropertiesService: document, user and script property stores that persist across executions
 * (reference/apps-script-limits.md §6). Values are strings (String(value)); a value over 9 KB (UTF-8 bytes
 * of the value) or a store over 500 KB (keys plus values) is refused with Apps Script's messages, and each
 * read or write spends one unit of the user's daily 500,000.
 * Not modelled: property caching between executions, the consumer-account (50,000) quota, key length limits.
 */
import type { DailyQuota } from './dailyQuota';
import type { ExecutionContext } from './execution';

export const VALUE_LIMIT_BYTES = 9 * 1024;
export const STORE_LIMIT_BYTES = 500 * 1024;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** One store, usable directly by tests; the execution's facade adds time, auth and quota checks. */
export class FakePropertyStore implements GoogleAppsScript.Properties.Properties {
  private readonly values = new Map<string, string>();

  getProperty(key: string): string | null {
    return this.values.get(String(key)) ?? null;
  }

  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.values);
  }

  getKeys(): string[] {
    return [...this.values.keys()];
  }

  setProperty(key: string, value: unknown): this {
    return this.setProperties({ [String(key)]: value });
  }

  /** All or nothing: a refused value leaves the store as it was. */
  setProperties(properties: { [key: string]: unknown }, deleteAllOthers = false): this {
    const next = new Map(deleteAllOthers ? [] : this.values);
    for (const [key, raw] of Object.entries(properties)) {
      const value = String(raw);
      if (bytes(value) > VALUE_LIMIT_BYTES) throw new Error('Argument too large: value');
      next.set(key, value);
    }
    let total = 0;
    for (const [key, value] of next) total += bytes(key) + bytes(value);
    if (total > STORE_LIMIT_BYTES) throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    this.values.clear();
    for (const [key, value] of next) this.values.set(key, value);
    return this;
  }

  deleteProperty(key: string): this {
    this.values.delete(String(key));
    return this;
  }

  deleteAllProperties(): this {
    this.values.clear();
    return this;
  }
}

/** The store as one execution sees it. */
function facade(store: FakePropertyStore, ctx: ExecutionContext, quota: DailyQuota): GoogleAppsScript.Properties.Properties {
  const call = <T>(method: string, run: () => T): T => ctx.serviceCall(`Properties.${method}`, () => {
    if (!quota.spend(ctx.user, ctx.now())) throw new Error('Service invoked too many times for one day: properties.');
    return run();
  });
  const self: GoogleAppsScript.Properties.Properties = {
    getProperty: (key) => call('getProperty', () => store.getProperty(key)),
    getProperties: () => call('getProperties', () => store.getProperties()),
    getKeys: () => call('getKeys', () => store.getKeys()),
    setProperty: (key, value) => call('setProperty', () => (store.setProperty(key, value), self)),
    setProperties: (properties: { [key: string]: string }, deleteAllOthers?: boolean) =>
      call('setProperties', () => (store.setProperties(properties, deleteAllOthers ?? false), self)),
    deleteProperty: (key) => call('deleteProperty', () => (store.deleteProperty(key), self)),
    deleteAllProperties: () => call('deleteAllProperties', () => (store.deleteAllProperties(), self)),
  };
  return self;
}

export interface PropertyStores {
  document: FakePropertyStore;
  script: FakePropertyStore;
  user(email: string): FakePropertyStore;
}

/** Outside a containing document there are no document properties: null, as the reference says. */
export interface FakePropertiesService {
  getDocumentProperties(): GoogleAppsScript.Properties.Properties | null;
  getScriptProperties(): GoogleAppsScript.Properties.Properties;
  getUserProperties(): GoogleAppsScript.Properties.Properties;
}

export function createPropertiesService(stores: PropertyStores, ctx: ExecutionContext, quota: DailyQuota): FakePropertiesService {
  const open = (method: string, store: () => FakePropertyStore) => {
    ctx.enter(`PropertiesService.${method}`);
    ctx.requireAuthorization();
    return facade(store(), ctx, quota);
  };
  return {
    getDocumentProperties: () => ctx.inDocument('PropertiesService.getDocumentProperties', () => open('getDocumentProperties', () => stores.document)),
    getScriptProperties: () => open('getScriptProperties', () => stores.script),
    getUserProperties: () => open('getUserProperties', () => stores.user(ctx.user)),
  };
}
