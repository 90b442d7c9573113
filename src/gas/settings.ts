/**
 * Settings. Admin access is each administrator's own (user properties): it acts with one person's admin
 * privilege, so turning it on is that person's choice, not every editor's of the spreadsheet (DESIGN §6);
 * the nightly sync runs as the administrator who installed it, so it uses their setting. The nightly hour
 * belongs to the spreadsheet (document properties).
 */
import { parseHour } from '../core/run/nightly';
import { requireGrants } from './consent';
import { documentStore, userStore } from './platform';

const NIGHTLY_HOUR_KEY = 'chatRoster.nightlyHour';

/** The nightly hour (0–23, spreadsheet time), or null when the sync is off. */
export function nightlyHour(): number | null {
  return parseHour(documentStore().get(NIGHTLY_HOUR_KEY));
}

export function setNightlyHour(hour: number | null): void {
  if (hour === null) documentStore().remove(NIGHTLY_HOUR_KEY);
  else documentStore().set(NIGHTLY_HOUR_KEY, String(hour));
}

const ADMIN_ACCESS_KEY = 'chatRoster.useAdminAccess';

export function adminAccessEnabled(): boolean {
  return userStore().get(ADMIN_ACCESS_KEY) === 'true';
}

export function setAdminAccess(enabled: boolean): boolean {
  // Admin access is the only user of the admin scopes: they are asked for when it is turned on, not before.
  if (enabled) requireGrants('adminAccess');
  const store = userStore();
  if (enabled) store.set(ADMIN_ACCESS_KEY, 'true');
  else store.remove(ADMIN_ACCESS_KEY);
  return enabled;
}
