/**
 * Import (DESIGN.md §2 importMemberships): the current members of some spaces → new Roster rows that say
 * exactly what is there, so applying the roster right after changes nothing. Pure: the memberships, the
 * Directory's answers and the rows already on the roster come in; the rows to append and the counts per
 * space go out. What each row's Details say is data (ImportNote), rendered by details.ts.
 *
 * - People are written as their primary email (users/{id} → email from the Directory); one the Directory
 *   doesn't know (outside the organisation, no directory access) as users/{id}, and the note says so.
 * - Groups as group:EMAIL, or groups/{id} when the Directory can't name them; the calling app as `app`;
 *   other Chat apps aren't imported (Chat Roster can't manage them) and are counted instead.
 * - Roles as Member / Manager / Owner for people (reference §4); groups and the app have no role.
 * - Invited members are imported too: Chat Roster counts an invitation as present.
 * - A member already on the roster for that space, however its row writes the member (email, alias,
 *   users/{id}) or the space (ID, URL, name), isn't repeated.
 */
import type { ImportNote } from '../details';
import type { Detail, Membership, RosterRow, SpaceInfo } from '../model';
import type { DirectoryEntry } from '../ports';
import { isProblem, readMemberCell, readSpaceCell } from '../rows/refs';
import { roleLabel } from '../rows/roles';

/** Why the members of a space asked for can't be imported (rendered by details.ts detailsOf). */
export type ImportSpaceProblem = Detail<'spaceNotOpened' | 'chatNotAnswering' | 'noSpaceNamed' | 'noSpaceWithIdOrName' | 'spaceNameAmbiguous' | 'membersNotListed' | 'spaceNotListed'>;

/** One space's current members, as listed (takeSnapshots), or why they weren't. */
export interface SpaceMembers {
  space: SpaceInfo;
  memberships: readonly Membership[];
  /** The member name of Chat Roster's own Chat app in this space (members.get …/members/app), null when absent or unknown. */
  appName: string | null;
}

/** One Roster row to append. */
export interface ImportedRow {
  member: string;
  /** spaces/ID: unambiguous, whatever the space is called later. */
  space: string;
  /** Member, Manager or Owner for people; '' for groups and the app. */
  role: string;
  note: ImportNote;
}

export interface SpaceImport {
  space: SpaceInfo;
  added: number;
  alreadyOnRoster: number;
  otherApps: number;
}

export type { ImportNote };

export interface ImportInput {
  spaces: readonly SpaceMembers[];
  /** users/{id} and groups/{id} → primary email, from the Directory; names it doesn't know are absent. */
  emailsOf: ReadonlyMap<string, string>;
  /** The Directory's answers about the roster's own emails (aliases included): email → users/{id} or groups/{id}. */
  rosterEntries: ReadonlyMap<string, DirectoryEntry>;
  /** The Roster's non-blank rows, as read. */
  roster: readonly RosterRow[];
  date: string;
}

export interface ImportResult {
  rows: ImportedRow[];
  perSpace: SpaceImport[];
}

const APP = 'app';
const groupEmailKey = (email: string) => `group:${email}`;
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The names of the spaces imported that a roster Space cell may mean: by id, URL, or exact display name. */
function spacesNamedBy(cell: string, spaces: readonly SpaceInfo[]): string[] {
  const ref = readSpaceCell(cell);
  if (isProblem(ref)) return [];
  const text = ref.kind === 'name' ? ref.name.slice('spaces/'.length) : ref.displayName;
  return spaces
    .filter((space) => (ref.kind === 'name' && space.name === ref.name) || (space.displayName !== '' && sameName(space.displayName, text)))
    .map((space) => space.name);
}

/** Every way of naming the member a roster Member cell names: its id, its email (lower-case) or both. */
function memberKeysOf(cell: string, rosterEntries: ReadonlyMap<string, DirectoryEntry>): string[] {
  const ref = readMemberCell(cell);
  if (isProblem(ref)) return [];
  switch (ref.kind) {
    case 'userId': case 'groupId': return [ref.name];
    case 'app': return [APP];
    case 'userEmail': {
      const entry = rosterEntries.get(ref.email);
      return entry?.kind === 'user' ? [ref.email, entry.name] : [ref.email];
    }
    case 'groupEmail': {
      const entry = rosterEntries.get(ref.email);
      return entry?.kind === 'group' ? [groupEmailKey(ref.email), entry.name] : [groupEmailKey(ref.email)];
    }
  }
}

/** "space member" pairs already on the roster, every way each row can be read. */
function rosterPairs(input: ImportInput): Set<string> {
  const spaces = input.spaces.map((listed) => listed.space);
  const pairs = new Set<string>();
  for (const row of input.roster) {
    const spaceNames = spacesNamedBy(row.space, spaces);
    if (spaceNames.length === 0) continue;
    const members = memberKeysOf(row.member, input.rosterEntries);
    for (const space of spaceNames) for (const member of members) pairs.add(`${space} ${member}`);
  }
  return pairs;
}

type Candidate = { kind: 'person' | 'group' | 'app'; member: string; keys: string[]; role: string; unnamed: ImportNote['unnamed']; invited: boolean };

/** One membership as a row's cells and the keys it is known by; null when it isn't imported (another app, no name). */
function candidateOf(membership: Membership, listed: SpaceMembers, emailsOf: ReadonlyMap<string, string>): Candidate | 'otherApp' | null {
  const invited = membership.state === 'INVITED';
  const groupName = membership.groupMember?.name;
  if (groupName) {
    const email = emailsOf.get(groupName);
    return email
      ? { kind: 'group', member: `group:${email}`, keys: [groupName, groupEmailKey(email.toLowerCase())], role: '', unnamed: null, invited }
      : { kind: 'group', member: groupName, keys: [groupName], role: '', unnamed: 'group', invited };
  }
  const userName = membership.member?.name;
  if (!userName) return null;
  if (membership.member?.type === 'BOT') {
    if (userName !== listed.appName && userName !== 'users/app') return 'otherApp';
    return { kind: 'app', member: APP, keys: [APP, userName], role: '', unnamed: null, invited };
  }
  const role = roleLabel(membership.role);
  const roleCell = role === 'no role' ? 'Member' : role;
  const email = emailsOf.get(userName);
  return email
    ? { kind: 'person', member: email.toLowerCase(), keys: [userName, email.toLowerCase()], role: roleCell, unnamed: null, invited }
    : { kind: 'person', member: userName, keys: [userName], role: roleCell, unnamed: 'user', invited };
}

const KIND_ORDER: Record<Candidate['kind'], number> = { person: 0, group: 1, app: 2 };

/** People first, then groups, then the app; each by what its Member cell says. */
function byKindThenMember(a: Candidate, b: Candidate): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0);
}

/** The rows to append, space by space (each space once, even when asked for twice), and the counts per space. */
export function importRows(input: ImportInput): ImportResult {
  const pairs = rosterPairs(input);
  const rows: ImportedRow[] = [];
  const perSpace: SpaceImport[] = [];
  const seenSpaces = new Set<string>();
  for (const listed of input.spaces) {
    const { space } = listed;
    if (seenSpaces.has(space.name)) continue;
    seenSpaces.add(space.name);
    const counts: SpaceImport = { space, added: 0, alreadyOnRoster: 0, otherApps: 0 };
    const candidates: Candidate[] = [];
    for (const membership of listed.memberships) {
      if (membership.state === 'NOT_A_MEMBER') continue;
      const candidate = candidateOf(membership, listed, input.emailsOf);
      if (candidate === 'otherApp') counts.otherApps++;
      else if (candidate) candidates.push(candidate);
    }
    for (const candidate of candidates.sort(byKindThenMember)) {
      const keys = candidate.keys.map((key) => `${space.name} ${key}`);
      if (keys.some((key) => pairs.has(key))) {
        counts.alreadyOnRoster++;
        continue;
      }
      for (const key of keys) pairs.add(key);
      counts.added++;
      rows.push({
        member: candidate.member, space: space.name, role: candidate.role,
        note: { space, date: input.date, invited: candidate.invited, unnamed: candidate.unnamed },
      });
    }
    perSpace.push(counts);
  }
  return { rows, perSpace };
}
