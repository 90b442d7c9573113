/**
 * Control of the emulated organisation while it runs (the workbench's Setup panel, tests): the switches an
 * administrator flips in the Cloud and Admin consoles, one person's place in a space, and the Directory's
 * units, profiles, archiving and group members. Like seed and
 * reset they change the state directly, never through the emulated API or its rules, and no API call is
 * recorded.
 */
import type { SeedGroupMember, SeedRole, SeedState, UserProfile } from './seed';
import type { OrgState, SpaceRecord, UserRecord } from './state';

/** The organisation-wide switches checkSetup() looks at. */
export interface OrgSettings {
  /** the Cloud project has a Chat app configured (off: every Chat call is 404 "Google Chat app not found…") */
  appConfigured: boolean;
  /** Admin console contact sharing (off: non-admins can't read the directory's domain_public view) */
  directorySharing: boolean;
}

/** A person's membership set directly; null takes them out. */
export type PlacedMembership = { role: SeedRole; state?: SeedState } | null;

export function settingsOf(state: OrgState): OrgSettings {
  return { appConfigured: state.appConfigured, directorySharing: state.directorySharing };
}

/** Changes the switches given; the others stay as they are. */
export function configure(state: OrgState, settings: Partial<OrgSettings>): void {
  if (settings.appConfigured !== undefined) state.appConfigured = settings.appConfigured;
  if (settings.directorySharing !== undefined) state.directorySharing = settings.directorySharing;
}

export function userOf(state: OrgState, email: string): UserRecord {
  const user = state.userByEmail(email);
  if (!user) throw new Error(`No user ${email} in the emulated organisation.`);
  return user;
}

/** Grants or takes away the "Manage chat and spaces conversations" admin privilege, and Directory reads with it. */
export function setChatAdmin(state: OrgState, email: string, on: boolean): void {
  const user = userOf(state, email);
  user.chatAdmin = on;
  user.directoryAdmin = on;
}

function spaceOf(state: OrgState, spaceName: string): SpaceRecord {
  const id = spaceName.startsWith('spaces/') ? spaceName.slice('spaces/'.length) : spaceName;
  const space = state.spaces.get(id);
  if (!space) throw new Error(`No space ${spaceName} in the emulated organisation.`);
  return space;
}

/**
 * Puts a person in a space with that role and state (JOINED by default), changes theirs, or takes them out
 * (null) — whatever the space's rules, as a seed would.
 */
export function placeMember(state: OrgState, spaceName: string, email: string, membership: PlacedMembership, now: number): void {
  const space = spaceOf(state, spaceName);
  const user = userOf(state, email);
  if (membership === null) {
    space.members.delete(user.id);
    return;
  }
  const existing = space.members.get(user.id);
  if (existing) {
    existing.role = membership.role;
    existing.state = membership.state ?? 'JOINED';
    return;
  }
  space.members.set(user.id, {
    key: user.id, kind: 'HUMAN', role: membership.role, state: membership.state ?? 'JOINED', createTime: now, seq: state.nextSeq(),
  });
}

// The Directory as the Admin console changes it: units, a person's unit, profile and licence, group members.

/** Creates an organisational unit (and any missing parent). */
export function addOrgUnit(state: OrgState, path: string): void {
  state.addOrgUnit(path);
}

/** Moves a person to an existing unit. */
export function moveUser(state: OrgState, email: string, orgUnitPath: string): void {
  if (!state.orgUnits.has(orgUnitPath)) throw new Error(`No organisational unit ${orgUnitPath} in the emulated organisation.`);
  userOf(state, email).orgUnitPath = orgUnitPath;
}

/** A person of the Directory (outsiders aren't in it) and their unit, as the Admin console lists them. */
export interface DirectoryPerson {
  email: string;
  orgUnitPath: string;
  suspended: boolean;
  archived: boolean;
}

/** The units, '/' first and each parent right before its children, so a list of them reads as the tree. */
export function orgUnitsOf(state: OrgState): string[] {
  const names = (path: string) => path.split('/').filter(Boolean);
  return [...state.orgUnits].sort((a, b) => {
    const [x, y] = [names(a), names(b)];
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return x.length - y.length;
  });
}

/** Everyone in the Directory with their unit, by email. */
export function directoryPeople(state: OrgState): DirectoryPerson[] {
  return [...state.users.values()].filter((user) => !user.external)
    .map(({ email, orgUnitPath, suspended, archived }) => ({ email, orgUnitPath, suspended, archived }))
    .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
}

/** Sets the attributes given (names, organisation, locality); the others stay as they are. */
export function setUserProfile(state: OrgState, email: string, profile: UserProfile): void {
  const user = userOf(state, email);
  user.profile = { ...user.profile, ...profile };
}

/** Archives a person (Archived User licence) or restores them. */
export function setArchived(state: OrgState, email: string, on: boolean): void {
  userOf(state, email).archived = on;
}

/** Replaces a group's direct members (users and groups by primary email); cycles and unknown addresses throw. */
export function setGroupMembers(state: OrgState, groupEmail: string, members: readonly SeedGroupMember[]): void {
  const group = state.groupByEmail(groupEmail);
  if (!group) throw new Error(`No group ${groupEmail} in the emulated organisation.`);
  state.setGroupMembers(group, members);
}
