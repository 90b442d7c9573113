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

function teamOrg(directorySharing = true, externalUserAllowed = false): OrgSeed {
  const people: SeedUser[] = Array.from({ length: 30 }, (_, i) => ({ id: String(300000 + i), email: `person${i}@example.com` }));
  people[0].aliases = ['first.person@example.com'];
  people[2].nonEditableAliases = ['person2@example-alias.test'];
  return {
    domain: 'example.com', appUserId: '999000', directorySharing,
    users: [{ id: '100000', email: ADMIN, chatAdmin: true }, { id: '100001', email: LEAD }, ...people, { id: '200001', email: 'pat@gmail.com', external: true }],
    groups: [{ id: 'g-team', email: 'team@example.com', aliases: ['crew@example.com'] }],
    spaces: [{
      id: 'AAAAteam', displayName: 'Team', spaceType: 'SPACE', externalUserAllowed,
      members: [{ email: LEAD, role: 'ROLE_MANAGER' }, { email: ADMIN, role: 'ROLE_MANAGER' }, { email: 'person1@example.com' }],
    }],
  };
}

function provision(seed: OrgSeed, user: string, cells: string[], entry: 'provisionRoster' | 'previewRoster' = 'provisionRoster', adminAccess = false) {
  const google = new Google({ seed });
  const world = new AppsScriptWorld(google);
  world.spreadsheet.setSheet('Roster', [HEADERS, ...cells.map((member) => [member, TEAM, '', '', '', '', ''])]);
  const setup = runEntryPoint(world, 'setupRosterSheet', [], { user });
  if (setup.error) throw new Error(setup.error);
  if (adminAccess) {
    const turnOn = runEntryPoint(world, 'setAdminAccess', [true], { user });
    if (turnOn.error) throw new Error(turnOn.error);
  }
  const result = runEntryPoint<RunReport>(world, entry, [], { user });
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

describe('checks before a run: an address of the organisation that no one has (a misspelling)', () => {
  const MISSPELT = 'persn4@example.com';
  const OUTSIDE = 'pat@gmail.com';
  const ROWS = [MISSPELT, OUTSIDE, 'person4@example.com'];
  /** Every Chat call naming the misspelt address (the directory is asked about it, once). */
  const about = (run: ReturnType<typeof provision>) => run.google.calls.filter((call) => call.methodId.startsWith('chat.') && call.target.includes('persn4'));

  it('is INVALID in preview with the fix; an address outside the organisation stays WOULD_ADD', () => {
    const run = provision(teamOrg(true, true), ADMIN, ROWS, 'previewRoster');
    expect(run.statusOf(MISSPELT)).toBe('INVALID');
    expect(run.detailsOf(MISSPELT)).toBe('No one in your organisation has this address — check the spelling. Your side: fix this, then run again.');
    expect(run.statusOf(OUTSIDE)).toBe('WOULD_ADD');
    expect(run.detailsOf(OUTSIDE)).toBe('Would add to the space, if it allows people from outside your organisation');
    expect(run.statusOf('person4@example.com')).toBe('WOULD_ADD');
    expect(about(run)).toEqual([]);
  });

  it('on apply, nothing is written (nor asked) for it; the other rows go ahead', () => {
    const run = provision(teamOrg(true, true), ADMIN, ROWS);
    expect([run.statusOf(MISSPELT), run.statusOf(OUTSIDE), run.statusOf('person4@example.com')]).toEqual(['INVALID', 'ADDED', 'ADDED']);
    expect(about(run)).toEqual([]);
    expect(run.google.calls.filter((call) => call.write)).toHaveLength(2);
    expect(run.members).toEqual(expect.arrayContaining([OUTSIDE, 'person4@example.com']));
  });

  it('is INVALID through the public view too, which says what it cannot show', () => {
    const run = provision(teamOrg(), LEAD, ROWS, 'previewRoster');
    expect(run.statusOf(MISSPELT)).toBe('INVALID');
    expect(run.detailsOf(MISSPELT)).toMatch(/^No one in your organisation has this address — check the spelling\. .*no suspended accounts/);
    expect(run.statusOf(OUTSIDE)).toBe('WOULD_ADD');
  });

  it('with admin access, someone from outside is INVALID before any write: admin access cannot add them', () => {
    const run = provision(teamOrg(true, true), ADMIN, ROWS, 'provisionRoster', true);
    expect(run.statusOf(OUTSIDE)).toBe('INVALID');
    expect(run.detailsOf(OUTSIDE)).toMatch(/^pat@gmail\.com is from outside your organisation, and admin access can't add people from outside it: turn off admin access/);
    expect(run.statusOf('person4@example.com')).toBe('ADDED');
    expect(run.google.calls.filter((call) => call.write)).toHaveLength(1);
  });

  it('without directory access it is probed in Chat, as before: the product cannot know', () => {
    const run = provision(teamOrg(false), LEAD, ROWS, 'previewRoster');
    expect(run.statusOf(MISSPELT)).toBe('WOULD_ADD');
    expect(run.detailsOf(OUTSIDE)).toBe('Would add to the space');
    expect(run.calls('chat.spaces.members.get').length).toBeGreaterThanOrEqual(2);
  });
});

describe('Google failing in the middle of a directory listing', () => {
  it('a later page that fails is asked again: the listing completes, no row falls back to members.get', () => {
    const seed = teamOrg();
    seed.users.push(...Array.from({ length: 600 }, (_, i) => ({ id: String(400000 + i), email: `extra${i}@example.com` })));
    const google = new Google({ seed });
    const world = new AppsScriptWorld(google);
    world.spreadsheet.setSheet('Roster', [HEADERS, ...MANY.map((member) => [member, TEAM, '', '', '', '', ''])]);
    expect(runEntryPoint(world, 'setupRosterSheet', [], { user: ADMIN }).error).toBeUndefined();
    google.injectFault({ methodId: 'admin.directory.users.list', code: 503, times: 1, skip: 1 });
    expect(runEntryPoint<RunReport>(world, 'provisionRoster', [], { user: ADMIN }).error).toBeUndefined();
    expect(google.calls.filter((call) => call.methodId === 'admin.directory.users.list').map((call) => call.status)).toEqual([200, 503, 200]);
    expect(google.calls.filter((call) => call.methodId === 'chat.spaces.members.get')).toHaveLength(0);
    expect(world.spreadsheet.sheet('Roster')!.slice(1).every((row) => row[4] === 'ADDED')).toBe(true);
  });
});
