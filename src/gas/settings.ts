/** Per-spreadsheet settings, in document properties. Admin access is off unless an administrator turns it on. */
import { documentStore } from './platform';

const ADMIN_ACCESS_KEY = 'chatRoster.useAdminAccess';

export function adminAccessEnabled(): boolean {
  return documentStore().get(ADMIN_ACCESS_KEY) === 'true';
}

export function setAdminAccess(enabled: boolean): boolean {
  const store = documentStore();
  if (enabled) store.set(ADMIN_ACCESS_KEY, 'true');
  else store.remove(ADMIN_ACCESS_KEY);
  return enabled;
}
