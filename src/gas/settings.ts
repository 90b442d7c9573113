/**
 * Each administrator's own settings, in user properties: admin access acts with one person's admin
 * privilege, so turning it on is that person's choice, not every editor's of the spreadsheet (DESIGN §6).
 * The nightly sync runs as the administrator who installed it, so it uses their setting.
 */
import { requireGrants } from './consent';
import { userStore } from './platform';

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
