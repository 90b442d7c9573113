/**
 * Rules in the built add-on (issue 12): whole organisational units, nested groups and Directory searches
 * enrolled into spaces, re-expanded every night, so people join and (in a mirror space) leave as the
 * Directory changes, with no edit to the sheet; a roster row wins over a rule; suspended people never join.
 */
import { Google } from '../../emulator/google';
import { AppsScriptWorld } from '../../emulator/gas/world';
import type { OrgSeed, SeedUser } from '../../emulator/seed';
import { runEntryPoint } from '../../emulator/runtime/addon';
import type { RunReport } from '../../src/shared/report';
import { LOG_FIELD_INDEX, LOG_KIND } from '../../src/core/run/logLayout';
import { ADMIN, HEADERS, LOG_SHEET, nightlyNextDay } from './workload';

const RULES_HEADERS = ['Source', 'Space', 'Role', 'Status', 'Details', 'Updated'];
const SPACES_HEADERS = ['Space', 'Mode', 'Max removal %', 'Status', 'Details', 'Updated'];

const user = (id: number, name: string, more: Partial<SeedUser> = {}): SeedUser => ({ id: String(400000 + id), email: `${name}@example.com`, ...more });

function org(): OrgSeed {
  return {
    domain: 'example.com', appUserId: '999000',
    orgUnits: ['/Sales/EMEA', '/Engineering'],
    users: [
      { id: '100000', email: ADMIN, chatAdmin: true },
      user(1, 'sam', { orgUnitPath: '/Sales', profile: { department: 'Sales', locality: 'Paris' } }),
      user(2, 'sue', { orgUnitPath: '/Sales', profile: { department: 'Sales', locality: 'London' } }),
      user(3, 'emil', { orgUnitPath: '/Sales/EMEA' }),
      user(4, 'sid', { orgUnitPath: '/Sales', suspended: true }),
      user(5, 'arch', { orgUnitPath: '/Sales', archived: true }),
      user(6, 'eve', { orgUnitPath: '/Engineering' }),
      user(7, 'ed', { orgUnitPath: '/Engineering' }),
      user(8, 'old', { orgUnitPath: '/Engineering' }),
    ],
    groups: [
      { id: 'g-all', email: 'all-eng@example.com', members: [{ email: 'eve@example.com' }, { email: 'core@example.com' }] },
      { id: 'g-core', email: 'core@example.com', members: [{ email: 'ed@example.com' }, { email: 'sid@example.com' }] },
    ],
    spaces: [
      { id: 'AAAAsales', displayName: 'Sales', spaceType: 'SPACE', members: [{ email: ADMIN, role: 'ROLE_MANAGER' }, { email: 'old@example.com' }] },
      { id: 'AAAAemea', displayName: 'EMEA', spaceType: 'SPACE', members: [{ email: ADMIN, role: 'ROLE_MANAGER' }] },
      { id: 'AAAAeng', displayName: 'Engineering', spaceType: 'SPACE', members: [{ email: ADMIN, role: 'ROLE_MANAGER' }, { email: 'ed@example.com', role: 'ROLE_ASSISTANT_MANAGER' }] },
    ],
  };
}

function setUp(rules: string[][], roster: string[][] = [], spaces: string[][] = []) {
  const google = new Google({ seed: org() });
  const world = new AppsScriptWorld(google);
  world.spreadsheet.setSheet('Roster', [HEADERS, ...roster.map((row) => [...row, ...Array(HEADERS.length - row.length).fill('')])]);
  world.spreadsheet.setSheet('Rules', [RULES_HEADERS, ...rules.map((row) => [...row, ...Array(RULES_HEADERS.length - row.length).fill('')])]);
  if (spaces.length > 0) world.spreadsheet.setSheet('Spaces', [SPACES_HEADERS, ...spaces.map((row) => [...row, '', '', ''])]);
  return { google, world };
}

const call = (world: AppsScriptWorld, name: string, args: unknown[] = []) => {
  const result = runEntryPoint<RunReport>(world, name, args, { user: ADMIN });
  if (result.error) throw new Error(`${name}: ${result.error}`);
  return result.value!;
};

const members = (google: Google, space: string) => google.membersOf(space).map((m) => `${m.member}${m.role === 'ROLE_MEMBER' ? '' : ` ${m.role}`}`).sort();
const ruleRow = (world: AppsScriptWorld, row: number) => {
  const cells = world.spreadsheet.sheet('Rules')![row - 1];
  return { status: cells[3], details: String(cells[4]) };
};

describe('rules', () => {
  it('onboard a person moved into the unit and offboard one moved out of a mirror space, night after night, with no sheet edit', () => {
    const { google, world } = setUp([['ou:/Sales', 'spaces/AAAAsales']], [], [['spaces/AAAAsales', 'mirror', '100']]);
    nightlyNextDay(google, world);
    // /Sales and below; never the suspended or archived; old@ was named by nothing.
    expect(members(google, 'spaces/AAAAsales')).toEqual(['admin@example.com ROLE_MANAGER', 'emil@example.com', 'sam@example.com', 'sue@example.com']);
    expect(ruleRow(world, 2)).toEqual({ status: 'APPLIED', details: expect.stringMatching(/^3 people: 3 added/) });

    google.directory.moveUser('sue@example.com', '/Engineering');
    google.directory.moveUser('eve@example.com', '/Sales/EMEA');
    nightlyNextDay(google, world);
    expect(members(google, 'spaces/AAAAsales')).toEqual(['admin@example.com ROLE_MANAGER', 'emil@example.com', 'eve@example.com', 'sam@example.com']);
    expect(ruleRow(world, 2)).toEqual({ status: 'APPLIED', details: expect.stringMatching(/^3 people: 1 added, 2 already in/) });
    const log = world.spreadsheet.sheet(LOG_SHEET)!.filter((row) => row[LOG_FIELD_INDEX.kind] === LOG_KIND.change);
    const logged = (source: string) => log.filter((row) => row[LOG_FIELD_INDEX.source] === source).map((row) => String(row[LOG_FIELD_INDEX.member])).sort();
    expect(logged('rule 2')).toEqual(['emil@example.com', 'eve@example.com', 'sam@example.com', 'sue@example.com']);
    expect(logged('mirror')).toEqual(['old@example.com', 'sue@example.com']);
  });

  it('ou: takes the unit and below, ou= the unit only; in an add-only space no one leaves', () => {
    const { google, world } = setUp([['ou:/Sales', 'spaces/AAAAsales'], ['ou=/Sales', 'EMEA', 'Manager']]);
    call(world, 'provisionRoster');
    expect(members(google, 'spaces/AAAAsales')).toEqual(['admin@example.com ROLE_MANAGER', 'emil@example.com', 'old@example.com', 'sam@example.com', 'sue@example.com']);
    expect(members(google, 'spaces/AAAAemea')).toEqual(['admin@example.com ROLE_MANAGER', 'sam@example.com ROLE_ASSISTANT_MANAGER', 'sue@example.com ROLE_ASSISTANT_MANAGER']);
  });

  it('group: enrols the people of nested groups, never a suspended one, and raises a role but never lowers one', () => {
    const { google, world } = setUp([['group:all-eng@example.com', 'spaces/AAAAeng']]);
    call(world, 'provisionRoster');
    // ed@ was a Manager: a Member rule leaves him so. sid@ (in core@) is suspended.
    expect(members(google, 'spaces/AAAAeng')).toEqual(['admin@example.com ROLE_MANAGER', 'ed@example.com ROLE_ASSISTANT_MANAGER', 'eve@example.com']);
    expect(ruleRow(world, 2).details).toMatch(/^2 people: 1 added, 1 already in/);
    world.spreadsheet.setSheet('Rules', [RULES_HEADERS, ['group:all-eng@example.com', 'spaces/AAAAeng', 'Owner', '', '', '']]);
    call(world, 'provisionRoster');
    expect(members(google, 'spaces/AAAAeng')).toEqual(['admin@example.com ROLE_MANAGER', 'ed@example.com ROLE_MANAGER', 'eve@example.com ROLE_MANAGER']);
  });

  it('query: enrols whom a Directory search finds; a query Google rejects is INVALID with the fix', () => {
    const { google, world } = setUp([["query:orgDepartment='Sales' addressLocality='Paris'", 'spaces/AAAAemea'], ['query:noSuchField=1', 'spaces/AAAAemea']]);
    call(world, 'provisionRoster');
    expect(members(google, 'spaces/AAAAemea')).toEqual(['admin@example.com ROLE_MANAGER', 'sam@example.com']);
    expect(ruleRow(world, 3).status).toBe('INVALID');
    expect(ruleRow(world, 3).details).toMatch(/^Google rejected the search "noSuchField=1".*search-users.*HTTP 400/);
  });

  it('a roster row wins over a rule, both ways: its remove beats the add, its role beats the rule\'s', () => {
    const { google, world } = setUp([['ou:/Sales', 'spaces/AAAAsales', 'Manager']], [
      ['sam@example.com', 'spaces/AAAAsales', '', 'remove'],
      ['sue@example.com', 'Sales', 'Member'],
      ['emil@example.com', 'spaces/AAAAsales', 'Owner'],
    ]);
    call(world, 'provisionRoster');
    expect(members(google, 'spaces/AAAAsales')).toEqual(['admin@example.com ROLE_MANAGER', 'emil@example.com ROLE_MANAGER', 'old@example.com', 'sue@example.com']);
    expect(ruleRow(world, 2).details).toMatch(/^3 people: .*3 set by the roster/);
  });

  it('an unknown unit or group is INVALID with the fix, and the other rules still run', () => {
    const { google, world } = setUp([
      ['ou:/Nowhere', 'spaces/AAAAsales'], ['group:nobody@example.com', 'spaces/AAAAsales'], ['ou=/Sales/EMEA', 'spaces/AAAAsales'],
      ['ou:/Sales', 'No Such Space'], ['sales', 'spaces/AAAAsales'],
    ]);
    call(world, 'provisionRoster');
    expect([2, 3, 4, 5, 6].map((row) => ruleRow(world, row).status)).toEqual(['INVALID', 'INVALID', 'APPLIED', 'INVALID', 'INVALID']);
    expect(ruleRow(world, 5).details).toMatch(/No Such Space/);
    expect(ruleRow(world, 6).details).toMatch(/ou:\//);
    expect(members(google, 'spaces/AAAAsales')).toContain('emil@example.com');
  });

  it('in preview, changes nothing in Chat and names every person it would add or raise', () => {
    const { google, world } = setUp([['ou:/Sales', 'spaces/AAAAsales'], ['group:all-eng@example.com', 'spaces/AAAAeng', 'Owner']]);
    const report = call(world, 'previewRoster');
    expect(google.writes()).toEqual([]);
    expect(report.rules).toEqual([
      { row: 2, source: 'ou:/Sales', space: 'Sales', add: ['emil@example.com', 'sam@example.com', 'sue@example.com'], raise: [] },
      { row: 3, source: 'group:all-eng@example.com', space: 'Engineering', add: ['eve@example.com'], raise: ['ed@example.com'] },
    ]);
    expect(ruleRow(world, 2)).toEqual({ status: 'WOULD_APPLY', details: expect.stringMatching(/^3 people: would add 3/) });
    expect(report.message).toMatch(/Rules sheet: 2 rules/);
  });
});
