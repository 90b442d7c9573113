import type { Membership, RosterRow, SpaceInfo } from '../../../src/core/model';
import type { DirectoryEntry } from '../../../src/core/ports';
import { importRows, type ImportInput, type SpaceMembers } from '../../../src/core/import/importRows';

const TEAM: SpaceInfo = { name: 'spaces/TEAM', spaceType: 'SPACE', displayName: 'Team' };
const OPS: SpaceInfo = { name: 'spaces/OPS', spaceType: 'SPACE', displayName: 'Ops' };

const person = (id: string, role = 'ROLE_MEMBER', state = 'JOINED'): Membership =>
  ({ name: `x/members/${id}`, state, role, member: { name: `users/${id}`, type: 'HUMAN' } });
const bot = (id: string): Membership => ({ name: `x/members/${id}`, state: 'JOINED', role: 'ROLE_MEMBER', member: { name: `users/${id}`, type: 'BOT' } });
const group = (id: string): Membership => ({ name: `x/members/group-${id}`, state: 'JOINED', groupMember: { name: `groups/${id}` } });

const row = (sheetRow: number, member: string, space: string): RosterRow =>
  ({ sheetRow, member, space, role: '', action: '', status: '', details: '' });

function input(spaces: SpaceMembers[], roster: RosterRow[] = [], rosterEntries = new Map<string, DirectoryEntry>()): ImportInput {
  const emailsOf = new Map([
    ['users/1', 'me@example.com'], ['users/11', 'Alice@Example.com'], ['users/12', 'bob@example.com'],
    ['users/13', 'carol@example.com'], ['groups/g1', 'team@example.com'],
  ]);
  return { spaces, emailsOf, rosterEntries, roster, date: '2026-12-04' };
}

describe('importRows', () => {
  it('writes people as emails with their role, groups as group:EMAIL, the app as app; invited and unknown people noted', () => {
    const team: SpaceMembers = {
      space: TEAM, appName: 'users/900',
      memberships: [
        person('11', 'ROLE_ASSISTANT_MANAGER'), person('1', 'ROLE_MANAGER'), person('12', 'ROLE_MEMBER', 'INVITED'),
        person('77'), group('g1'), group('g9'), bot('900'), bot('555'), person('13', 'ROLE_MEMBER', 'NOT_A_MEMBER'),
      ],
    };
    const { rows, perSpace } = importRows(input([team]));
    expect(rows.map((r) => [r.member, r.space, r.role])).toEqual([
      ['alice@example.com', 'spaces/TEAM', 'Manager'],
      ['bob@example.com', 'spaces/TEAM', 'Member'],
      ['me@example.com', 'spaces/TEAM', 'Owner'],
      ['users/77', 'spaces/TEAM', 'Member'],
      ['group:team@example.com', 'spaces/TEAM', ''],
      ['groups/g9', 'spaces/TEAM', ''],
      ['app', 'spaces/TEAM', ''],
    ]);
    expect(rows.find((r) => r.member === 'bob@example.com')!.note).toEqual({ space: TEAM, date: '2026-12-04', invited: true, unnamed: null });
    expect(rows.find((r) => r.member === 'users/77')!.note.unnamed).toBe('user');
    expect(rows.find((r) => r.member === 'groups/g9')!.note.unnamed).toBe('group');
    expect(perSpace).toEqual([{ space: TEAM, added: 7, alreadyOnRoster: 0, otherApps: 1 }]);
  });

  it('does not repeat a member already on the roster, however the row writes the member or the space', () => {
    const team: SpaceMembers = { space: TEAM, appName: 'users/900', memberships: [person('11'), person('12'), person('13'), person('1'), group('g1'), bot('900')] };
    const ops: SpaceMembers = { space: OPS, appName: null, memberships: [person('11'), person('12')] };
    const roster = [
      row(2, 'ALICE@example.com', 'Team'),                              // email in another case, space by name
      row(3, 'users/12', 'https://chat.google.com/room/TEAM'),          // id, space by URL
      row(4, 'c.alias@example.com', 'TEAM'),                            // an alias the directory knows, space by id
      row(5, 'group:team@example.com', 'spaces/TEAM'),
      row(6, 'users/app', 'spaces/TEAM'),
      row(7, 'bob@example.com', 'Elsewhere'),                           // another space: doesn't count
    ];
    const entries = new Map<string, DirectoryEntry>([['c.alias@example.com', { kind: 'user', name: 'users/13' }]]);
    const { rows, perSpace } = importRows(input([team, ops], roster, entries));
    expect(rows.map((r) => `${r.member} ${r.space}`)).toEqual([
      'me@example.com spaces/TEAM', 'alice@example.com spaces/OPS', 'bob@example.com spaces/OPS',
    ]);
    expect(perSpace.map((s) => [s.space.name, s.added, s.alreadyOnRoster])).toEqual([['spaces/TEAM', 1, 5], ['spaces/OPS', 2, 0]]);
  });

  it('imports a space asked for twice once', () => {
    const team: SpaceMembers = { space: TEAM, appName: null, memberships: [person('11')] };
    const { rows, perSpace } = importRows(input([team, team]));
    expect(rows).toHaveLength(1);
    expect(perSpace).toHaveLength(1);
  });
});
