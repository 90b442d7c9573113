/**
 * The PeopleDirectory port (src/core/ports.ts) through the Admin SDK Directory advanced service, with the
 * administrator's view: who a rule's source names (DESIGN.md §3 Rules; reference/first-deploy.md §4).
 * - searchUsers: users.list over the customer with the user search `query`, 500 a page, every page.
 * - groupPeople: members.list with includeDerivedMembership (nested groups flattened), 200 a page, every
 *   page; only USER members (a nested group is listed too, as type GROUP, and its people follow).
 * Any failed page fails the whole answer: a half-read source would look like leavers to a mirror space. The
 * advanced service throws localized errors without a status, so the error carries Google's message only.
 */
import type { DirectoryPerson, PeopleDirectory, Result } from '../core/ports';
import { adminDirectoryService, eachPage, failure, NOT_ENABLED } from './directoryPages';

const SEARCH_FIELDS = 'users(id,primaryEmail,orgUnitPath,suspended,archived),nextPageToken';
const MEMBER_FIELDS = 'members(id,email,type,status),nextPageToken';

type User = GoogleAppsScript.AdminDirectory.Schema.User;
type Member = GoogleAppsScript.AdminDirectory.Schema.Member;

const notEnabled: Result<never> = { ok: false, error: { code: 0, status: '', message: NOT_ENABLED } };

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

/** Every item of every page, or the first failure. */
function readAll<T>(read: (each: (item: T) => void) => void): Result<T[]> {
  const items: T[] = [];
  try {
    read((item) => items.push(item));
    return { ok: true, value: items };
  } catch (error) {
    return failure(error);
  }
}

export class AdminPeopleDirectory implements PeopleDirectory {
  searchUsers(query: string): Result<DirectoryPerson[]> {
    const users = adminDirectoryService()?.Users;
    if (!users) return notEnabled;
    const search = query.trim() === '' ? {} : { query };
    const found = readAll<User>((each) => eachPage((pageToken) => {
      const page = users.list({ customer: 'my_customer', ...search, maxResults: 500, pageToken, fields: SEARCH_FIELDS });
      return { items: page.users, next: page.nextPageToken };
    }, each));
    return found.ok ? { ok: true, value: found.value.filter((u) => u.id).map(personFromUser) } : found;
  }

  groupPeople(groupEmail: string): Result<DirectoryPerson[]> {
    const members = adminDirectoryService()?.Members;
    if (!members) return notEnabled;
    const found = readAll<Member>((each) => eachPage((pageToken) => {
      const page = members.list(groupEmail, { includeDerivedMembership: true, maxResults: 200, pageToken, fields: MEMBER_FIELDS });
      return { items: page.members, next: page.nextPageToken };
    }, each));
    return found.ok ? { ok: true, value: found.value.filter((m) => m.type === 'USER' && m.id).map(personFromMember) } : found;
  }
}

/** The one instance the composition root wires in. */
export const peopleDirectory: PeopleDirectory = new AdminPeopleDirectory();
