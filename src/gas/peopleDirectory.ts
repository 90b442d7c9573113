/**
 * The PeopleDirectory port (src/core/ports.ts) over the Admin SDK Directory REST API, with the administrator's
 * view: who a rule's source names (DESIGN.md §3 Rules; reference/first-deploy.md §4).
 * - searchUsers: users.list over the customer with the user search `query`, 500 a page, every page.
 * - groupPeople: members.list with includeDerivedMembership (nested groups flattened), 200 a page, every
 *   page; only USER members (a nested group is listed too, as type GROUP, and its people follow).
 * REST rather than the advanced service: its errors carry the HTTP status, which tells a rule Google refuses
 * (400/403/404: the admin fixes the rule) from Google failing (5xx/429/transport: try later); the advanced
 * service throws a localized message only. Any failed page fails the whole answer: a half-read source would
 * look like leavers to a mirror space.
 */
import type { DirectoryPerson, PeopleDirectory, Result } from '../core/ports';
import { encodePath, getJson, isRecord, queryString } from './googleRest';

const DIRECTORY_API = 'https://admin.googleapis.com/admin/directory/v1/';
const SEARCH_FIELDS = 'users(id,primaryEmail,orgUnitPath,suspended,archived),nextPageToken';
const MEMBER_FIELDS = 'members(id,email,type,status),nextPageToken';

type User = GoogleAppsScript.AdminDirectory.Schema.User;
type Member = GoogleAppsScript.AdminDirectory.Schema.Member;

function personFromUser(user: User): DirectoryPerson {
  const person: DirectoryPerson = {
    name: `users/${user.id}`, email: (user.primaryEmail ?? '').toLowerCase(), suspended: user.suspended === true, archived: user.archived === true,
  };
  if (user.orgUnitPath) person.orgUnitPath = user.orgUnitPath;
  return person;
}

/** A member's status names a suspended or archived account (ACTIVE otherwise); unit unknown here. */
function personFromMember(member: Member): DirectoryPerson {
  const person: DirectoryPerson = { name: `users/${member.id}`, email: (member.email ?? '').toLowerCase(), suspended: member.status === 'SUSPENDED' };
  if (member.status === 'ARCHIVED') person.archived = true;
  return person;
}

/** The `listKey` items of every page of `urlOf(pageToken)`, or the first page's failure. */
function readAllPages<T>(urlOf: (pageToken: string | undefined) => string, listKey: 'users' | 'members'): Result<T[]> {
  const items: T[] = [];
  let pageToken: string | undefined;
  do {
    const page = getJson(urlOf(pageToken));
    if (!page.ok) return page;
    const body = isRecord(page.value) ? page.value : {};
    const listed = body[listKey];
    if (Array.isArray(listed)) items.push(...(listed as T[]));
    pageToken = typeof body.nextPageToken === 'string' && body.nextPageToken ? body.nextPageToken : undefined;
  } while (pageToken);
  return { ok: true, value: items };
}

export class AdminPeopleDirectory implements PeopleDirectory {
  searchUsers(query: string): Result<DirectoryPerson[]> {
    const search = query.trim() === '' ? undefined : query;
    const found = readAllPages<User>((pageToken) => `${DIRECTORY_API}users${queryString({
      customer: 'my_customer', query: search, maxResults: 500, pageToken, fields: SEARCH_FIELDS,
    })}`, 'users');
    return found.ok ? { ok: true, value: found.value.filter((u) => u.id).map(personFromUser) } : found;
  }

  groupPeople(groupEmail: string): Result<DirectoryPerson[]> {
    const found = readAllPages<Member>((pageToken) => `${DIRECTORY_API}${encodePath(`groups/${groupEmail}/members`)}${queryString({
      includeDerivedMembership: true, maxResults: 200, pageToken, fields: MEMBER_FIELDS,
    })}`, 'members');
    return found.ok ? { ok: true, value: found.value.filter((m) => m.type === 'USER' && m.id).map(personFromMember) } : found;
  }
}

/** The one instance the composition root wires in. */
export const peopleDirectory: PeopleDirectory = new AdminPeopleDirectory();
