/**
 * The ImportSources port for Apps Script (importMemberships, DESIGN.md §2):
 * - every named space: spaces.list (the caller's) or, with admin access, spaces.search over the customer
 *   (reference/chat-api-memberships.md §11: the query must name the customer and space_type = "SPACE");
 * - users/{id} and groups/{id} → primary email through the Admin SDK Directory: the admin view's users and
 *   groups listed in pages; without it, the public view of the caller's domain (people only: groups need an
 *   administrator); with neither, a failure, and the import writes ids.
 */
import type { ImportSources, Result } from '../core/ports';
import { failure, listMemberSpaces, searchOrganisationSpaces } from './spaceDiscovery';

type DirectoryService = GoogleAppsScript.AdminDirectory;
type ListArgs = { customer: string } | { domain: string; viewType: string };

function directoryService(): DirectoryService | undefined {
  const service = typeof AdminDirectory === 'undefined' ? undefined : AdminDirectory;
  return service?.Users && service.Groups ? service : undefined;
}

function userEmails(service: DirectoryService, view: ListArgs, names: Map<string, string>): void {
  let pageToken: string | undefined;
  do {
    const page = service.Users!.list({ ...view, projection: 'basic', maxResults: 500, pageToken, fields: 'users(id,primaryEmail),nextPageToken' });
    for (const user of page.users ?? []) if (user.id && user.primaryEmail) names.set(`users/${user.id}`, user.primaryEmail);
    pageToken = page.nextPageToken || undefined;
  } while (pageToken);
}

function groupEmails(service: DirectoryService, names: Map<string, string>): void {
  let pageToken: string | undefined;
  do {
    const page = service.Groups!.list({ customer: 'my_customer', maxResults: 200, pageToken, fields: 'groups(id,email),nextPageToken' });
    for (const group of page.groups ?? []) if (group.id && group.email) names.set(`groups/${group.id}`, group.email);
    pageToken = page.nextPageToken || undefined;
  } while (pageToken);
}

function callerDomain(): string {
  try {
    const email = Session.getEffectiveUser().getEmail();
    return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  } catch {
    return '';
  }
}

/** users/{id} and groups/{id} → email, as far as this account may read the directory. */
function directoryEmails(wanted: readonly string[]): Result<Map<string, string>> {
  const service = directoryService();
  if (!service) return failure('The Admin SDK Directory service is not enabled in this script.');
  const names = new Map<string, string>();
  try {
    userEmails(service, { customer: 'my_customer' }, names);
  } catch (adminRefused) {
    const domain = callerDomain();
    if (!domain) return failure(adminRefused);
    try {
      userEmails(service, { domain, viewType: 'domain_public' }, names);
    } catch (publicRefused) {
      return failure(publicRefused);
    }
    return { ok: true, value: names };
  }
  if (wanted.some((name) => name.startsWith('groups/'))) {
    try {
      groupEmails(service, names);
    } catch {
      // People are named; groups stay groups/{id}, each row saying so.
    }
  }
  return { ok: true, value: names };
}

export const appsScriptImportSources: ImportSources = {
  allSpaces(useAdminAccess) {
    try {
      return { ok: true, value: useAdminAccess ? searchOrganisationSpaces() : listMemberSpaces() };
    } catch (error) {
      return failure(error);
    }
  },
  emailsOf: directoryEmails,
};
