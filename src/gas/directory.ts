/**
 * Identity resolution through the Admin SDK Directory advanced service: emails → users/{id}, groups/{id}.
 * Many emails: the whole directory is listed in pages (a read per 500 users) instead of a read per email.
 * Few emails: one get each. The advanced service throws localized errors without a status, so "no access"
 * is told apart from "unknown email" by one cheap list call, not by parsing the message.
 */
import type { Directory, DirectoryEntry, Result } from '../core/ports';
import { thrownMessage } from './advancedServices';

/** Below this many emails, single gets are cheaper than listing the directory. */
const BULK_THRESHOLD = 20;

type DirectoryService = GoogleAppsScript.AdminDirectory;

function userEntry(user: GoogleAppsScript.AdminDirectory.Schema.User): DirectoryEntry {
  return { kind: 'user', name: `users/${user.id}`, suspended: user.suspended === true };
}

function listAll(service: DirectoryService, found: Map<string, DirectoryEntry>): void {
  let pageToken: string | undefined;
  do {
    const page = service.Users!.list({ customer: 'my_customer', maxResults: 500, projection: 'basic', pageToken });
    for (const user of page.users ?? []) {
      if (user.primaryEmail && user.id) found.set(user.primaryEmail.toLowerCase(), userEntry(user));
    }
    pageToken = page.nextPageToken || undefined;
  } while (pageToken);
  do {
    const page = service.Groups!.list({ customer: 'my_customer', maxResults: 200, pageToken });
    for (const group of page.groups ?? []) {
      if (group.email && group.id) found.set(group.email.toLowerCase(), { kind: 'group', name: `groups/${group.id}` });
    }
    pageToken = page.nextPageToken || undefined;
  } while (pageToken);
}

/** Looks one email up as a user, then as a group; null when the directory has neither. */
function getOne(service: DirectoryService, email: string): DirectoryEntry | null {
  try {
    const user = service.Users!.get(email, { projection: 'basic' });
    if (user.id) return userEntry(user);
  } catch {
    // Not a user (or no access: checked once by the caller).
  }
  try {
    const group = service.Groups!.get(email);
    if (group.id) return { kind: 'group', name: `groups/${group.id}` };
  } catch {
    // Not a group either.
  }
  return null;
}

export class AdminDirectoryLookup implements Directory {
  lookup(emails: string[]): Result<Map<string, DirectoryEntry>> {
    const found = new Map<string, DirectoryEntry>();
    if (emails.length === 0) return { ok: true, value: found };
    const service = typeof AdminDirectory === 'undefined' ? undefined : AdminDirectory;
    if (!service?.Users || !service.Groups) {
      return { ok: false, error: { code: 0, status: '', message: 'The Admin SDK Directory service is not enabled.' } };
    }
    try {
      if (emails.length > BULK_THRESHOLD) {
        listAll(service, found);
      } else {
        // Proves directory access once; a failure here means "not an admin", not "unknown email".
        service.Users.list({ customer: 'my_customer', maxResults: 1, projection: 'basic' });
        for (const email of emails) {
          const entry = getOne(service, email);
          if (entry) found.set(email, entry);
        }
      }
    } catch (error) {
      return { ok: false, error: { code: 0, status: '', message: thrownMessage(error) } };
    }
    const wanted = new Map<string, DirectoryEntry>();
    for (const email of emails) {
      const entry = found.get(email);
      if (entry) wanted.set(email, entry);
    }
    return { ok: true, value: wanted };
  }
}
