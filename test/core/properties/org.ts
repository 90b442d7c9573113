/**
 * The small organisation the property tests throw sheets at: a few spaces (one a group chat, two sharing a
 * name), people (one with auto-accept off, one suspended), a group, the Chat app and the caller, all behind
 * the core's fakes (fakes.ts). Each generated case seats some of them before the run; after it, the fakes
 * hold Chat's state, so a second run plans against the state the first one left.
 */
import type { ApiRole } from '../../../src/core/model';
import type { RunDeps } from '../../../src/core/run/runRoster';
import { FakeChat, FakeDirectory, FakePeopleDirectory, FakeStore, TestClock } from '../fakes';

export const CALLER = 'users/1';

/** Spaces by resource name, with the texts a Space cell may name them by. */
export const SPACES: readonly { name: string; displayName: string; type: string; cells: readonly string[] }[] = [
  { name: 'spaces/PTEAM', displayName: 'Team', type: 'SPACE', cells: ['spaces/PTEAM', 'PTEAM', 'Team', 'https://chat.google.com/room/PTEAM'] },
  { name: 'spaces/POPS', displayName: 'Ops', type: 'SPACE', cells: ['spaces/POPS', ' Ops ', 'https://mail.google.com/chat/u/0/#chat/space/POPS'] },
  { name: 'spaces/PCHAT', displayName: '', type: 'GROUP_CHAT', cells: ['spaces/PCHAT'] },
  { name: 'spaces/PDUP1', displayName: 'Twin', type: 'SPACE', cells: ['spaces/PDUP1', 'Twin'] },
  { name: 'spaces/PDUP2', displayName: 'Twin', type: 'SPACE', cells: ['spaces/PDUP2', 'Twin'] },
];
export const UNKNOWN_SPACE_CELLS = ['spaces/NOPE', 'Nowhere', 'https://chat.google.com/room/'];

/** Members by canonical name, with the texts a Member cell may name them by. */
export const MEMBERS: readonly { name: string; cells: readonly string[] }[] = [
  { name: CALLER, cells: ['me@example.com'] },
  { name: 'users/11', cells: ['ann@example.com', ' ANN@Example.com', 'users/11'] },
  { name: 'users/12', cells: ['bob@example.com', 'users/12'] },
  { name: 'users/13', cells: ['cat@example.com'] },
  { name: 'users/14', cells: ['dan@example.com'] },
  { name: 'groups/g1', cells: ['group:team@example.com', 'groups/g1', 'team@example.com'] },
  { name: 'users/900', cells: ['app', 'users/app'] },
];
export const UNKNOWN_MEMBER_CELLS = ['ext@gmail.com', 'nobody@example.com', 'users/999', 'group:nogroup@example.com', 'not an email'];

/** Who can be seated before a run (the caller is always a Manager of the named spaces). */
export const SEATABLE = ['users/11', 'users/12', 'users/13', 'users/14', 'groups/g1', 'users/900'];
export const ROLES: readonly ApiRole[] = ['ROLE_MEMBER', 'ROLE_ASSISTANT_MANAGER', 'ROLE_MANAGER'];

export interface Seat { space: number; member: number; role: number; invited: boolean }

export interface Sheets { roster: unknown[][]; spaces: unknown[][] | null; rules: unknown[][] | null }

export interface World {
  chat: FakeChat;
  deps: RunDeps;
  store: FakeStore;
  spacesStore: FakeStore | null;
  rulesStore: FakeStore | null;
}

const copy = (grid: unknown[][]): unknown[][] => grid.map((row) => [...row]);

/** A fresh organisation with the case's seats and sheets (copied: two worlds of one case never share a grid). */
export function buildWorld(sheets: Sheets, seats: readonly Seat[], useAdminAccess = false): World {
  const chat = new FakeChat();
  for (const space of SPACES) chat.addSpace(space.name, space.displayName, space.type);
  const directory = new FakeDirectory();
  const people = new FakePeopleDirectory();
  const person = (email: string, id: string, unit: string, suspended = false) => {
    chat.person(email, id);
    directory.entries.set(email, { kind: 'user', name: `users/${id}`, suspended });
    return people.person(email, id, unit, { suspended });
  };
  person('me@example.com', '1', '/');
  const ann = person('ann@example.com', '11', '/Sales');
  person('bob@example.com', '12', '/Sales/Paris');
  const cat = person('cat@example.com', '13', '/Eng');
  person('dan@example.com', '14', '/Sales', true);
  directory.entries.set('team@example.com', { kind: 'group', name: 'groups/g1' });
  people.groups.set('team@example.com', [ann, cat]);
  chat.autoAcceptOff.add('users/12');
  for (const space of SPACES) if (space.type === 'SPACE') chat.seat(space.name, CALLER, 'ROLE_MANAGER');
  for (const seat of seats) {
    const space = SPACES[seat.space % SPACES.length];
    const member = SEATABLE[seat.member % SEATABLE.length];
    chat.seat(space.name, member, ROLES[seat.role % ROLES.length], seat.invited ? 'INVITED' : 'JOINED', member === chat.appName ? 'BOT' : 'HUMAN');
  }
  const store = new FakeStore(copy(sheets.roster));
  const spacesStore = sheets.spaces ? new FakeStore(copy(sheets.spaces)) : null;
  const rulesStore = sheets.rules ? new FakeStore(copy(sheets.rules)) : null;
  const deps: RunDeps = {
    // fresh: a PENDING left in a Status cell would otherwise make this a continuation of a run never started.
    store, chat, directory, people, clock: new TestClock(), random: () => 0.5, fresh: true,
    spaces: spacesStore ?? undefined, rules: rulesStore ?? undefined,
    options: { useAdminAccess, callerEmail: 'me@example.com' },
  };
  return { chat, deps, store, spacesStore, rulesStore };
}

/** Every membership as "space member role state", sorted: the state of Chat to compare. */
export function chatState(chat: FakeChat): string[] {
  const lines: string[] = [];
  for (const [space, members] of chat.members) {
    for (const [member, membership] of members) lines.push(`${space} ${member} ${membership.role ?? ''} ${membership.state ?? ''}`);
  }
  return lines.sort();
}

/** The spaces a Space cell may stand for; empty when it names none of them. */
export function spacesNamedBy(cell: string): string[] {
  const text = cell.trim();
  return SPACES.filter((space) => space.cells.some((named) => named.trim() === text)).map((space) => space.name);
}

/** The member a Member cell may stand for, or null. */
export function memberNamedBy(cell: string): string | null {
  const text = cell.trim().toLowerCase();
  return MEMBERS.find((member) => member.cells.some((named) => named.trim().toLowerCase() === text))?.name ?? null;
}
