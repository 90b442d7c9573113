/**
 * The built add-on resolving roster emails through the emulated Directory: aliases (a row may name anyone
 * by any of their addresses), a caller who isn't a directory administrator (the public view, in bulk),
 * and an organisation that doesn't share its directory (members.get probes, as before).
 */
import { Google } from '../../emulator/google';
import { AppsScriptWorld } from '../../emulator/gas/world';
import type { OrgSeed, SeedUser } from '../../emulator/seed';
import { runEntryPoint } from '../../emulator/runtime/addon';
import type { RunReport } from '../../src/shared/report';

const HEADERS = ['Member', 'Space', 'Role', 'Action', 'Status', 'Details', 'Updated'];
const ADMIN = 'admin@example.com';
/** Owns the Team space; an ordinary member of the organisation, no admin rights. */
const LEAD = 'lead@example.com';
const TEAM = 'spaces/AAAAteam';

function teamOrg(directorySharing = true): OrgSeed {
  const people: SeedUser[] = Array.from({ length: 30 }, (_, i) => ({ id: String(300000 + i), email: `person${i}@example.com` }));
  people[0].aliases = ['first.person@example.com'];
  people[2].nonEditableAliases = ['person2@example-alias.test'];
  return {
    domain: 'example.com', appUserId: '999000', directorySharing,
    users: [{ id: '100000', email: ADMIN, chatAdmin: true }, { id: '100001', email: LEAD }, ...people],
    groups: [{ id: 'g-team', email: 'team@example.com', aliases: ['crew@example.com'] }],
    spaces: [{
      id: 'AAAAteam', displayName: 'Team', spaceType: 'SPACE',
      members: [{ email: LEAD, role: 'ROLE_MANAGER' }, { email: ADMIN, role: 'ROLE_MANAGER' }, { email: 'person1@example.com' }],
    }],
  };
}

function provision(seed: OrgSeed, user: string, cells: string[]) {
  const google = new Google({ seed });
  const world = new AppsScriptWorld(google);
  world.spreadsheet.setSheet('Roster', [HEADERS, ...cells.map((member) => [member, TEAM, '', '', '', '', ''])]);
  const setup = runEntryPoint(world, 'setupRosterSheet', [], { user });
  if (setup.error) throw new Error(setup.error);
  const result = runEntryPoint<RunReport>(world, 'provisionRoster', [], { user });
  if (result.error) throw new Error(result.error);
  const rows = world.spreadsheet.sheet('Roster')!.slice(1);
  const statusOf = (member: string) => rows.find((row) => row[0] === member)?.[4];
  const detailsOf = (member: string) => String(rows.find((row) => row[0] === member)?.[5]);
  const calls = (prefix: string) => google.calls.filter((call) => call.methodId.startsWith(prefix));
  const members = google.membersOf(TEAM).map((m) => m.member);
  return { google, statusOf, detailsOf, calls, members };
}

/** person3 … person29: more rows than single gets are worth (the directory is listed in bulk). */
const MANY = Array.from({ length: 27 }, (_, i) => `person${i + 3}@example.com`);

describe('aliases on roster rows', () => {
  it('an administrator with a few rows: users.get and groups.get resolve the aliases', () => {
    const run = provision(teamOrg(), ADMIN, ['first.person@example.com', 'person2@example-alias.test', 'group:crew@example.com']);
    expect(run.statusOf('first.person@example.com')).toBe('ADDED');
    expect(run.statusOf('person2@example-alias.test')).toBe('ADDED');
    expect(run.statusOf('group:crew@example.com')).toBe('ADDED');
    expect(run.members).toEqual(expect.arrayContaining(['person0@example.com', 'person2@example.com', 'group:team@example.com']));
    expect(run.calls('admin.directory.users.list')).toHaveLength(1);
    expect(run.calls('chat.spaces.members.get')).toHaveLength(0);
  });

  it('an administrator with many rows: the bulk index carries every alias', () => {
    const run = provision(teamOrg(), ADMIN, [...MANY, 'first.person@example.com', 'person2@example-alias.test', 'group:crew@example.com']);
    for (const member of [...MANY, 'first.person@example.com', 'person2@example-alias.test', 'group:crew@example.com']) expect([member, run.statusOf(member)]).toEqual([member, 'ADDED']);
    expect(run.calls('admin.directory.users.get')).toHaveLength(0);
    expect(run.calls('chat.spaces.members.get')).toHaveLength(0);
  });

  it('a row naming someone by alias and another by primary address is the same member twice', () => {
    const run = provision(teamOrg(), ADMIN, ['person0@example.com', 'first.person@example.com']);
    expect(run.statusOf('person0@example.com')).toBe('ADDED');
    expect(run.statusOf('first.person@example.com')).toBe('INVALID');
    expect(run.detailsOf('first.person@example.com')).toMatch(/Row 2 already covers this member/);
  });
});

describe('a caller without directory admin rights', () => {
  it('resolves in bulk through the public view, aliases one get each; groups stay unresolved', () => {
    const run = provision(teamOrg(), LEAD, [...MANY, 'person1@example.com', 'first.person@example.com', 'group:crew@example.com']);
    for (const member of [...MANY, 'first.person@example.com']) expect([member, run.statusOf(member)]).toEqual([member, 'ADDED']);
    expect(run.statusOf('person1@example.com')).toBe('UNCHANGED');
    expect(run.statusOf('group:crew@example.com')).toBe('ERROR');
    expect(run.detailsOf('group:crew@example.com')).toMatch(/groups\/\{id\}/);
    // Ids came from the directory: no members.get by email, one users.get per address of the domain the
    // listing didn't show (the alias, and the group's address).
    expect(run.calls('chat.spaces.members.get')).toHaveLength(0);
    expect(run.calls('admin.directory.users.list').map((call) => call.status)).toEqual([403, 200]);
    expect(run.calls('admin.directory.users.get').map((call) => call.status).sort()).toEqual([200, 404]);
  });

  it('with a few rows: a proof of each view, then a get per address', () => {
    const run = provision(teamOrg(), LEAD, ['person4@example.com', 'first.person@example.com']);
    expect([run.statusOf('person4@example.com'), run.statusOf('first.person@example.com')]).toEqual(['ADDED', 'ADDED']);
    expect(run.calls('admin.directory.users.list').map((call) => call.status)).toEqual([403, 200]);
    expect(run.calls('admin.directory.groups.')).toHaveLength(0);
    expect(run.calls('chat.spaces.members.get')).toHaveLength(0);
  });

  it('falls back to members.get probes when the organisation shares no directory', () => {
    const run = provision(teamOrg(false), LEAD, [...MANY, 'person1@example.com', 'first.person@example.com']);
    for (const member of MANY) expect([member, run.statusOf(member)]).toEqual([member, 'ADDED']);
    expect(run.statusOf('person1@example.com')).toBe('UNCHANGED');
    // Chat doesn't resolve a secondary alias (the emulator's stricter reading): only a directory could.
    expect(run.statusOf('first.person@example.com')).toBe('ERROR');
    expect(run.calls('chat.spaces.members.get').length).toBeGreaterThanOrEqual(MANY.length);
    expect(run.calls('admin.directory.users.list').map((call) => call.status)).toEqual([403, 403]);
  });
});
