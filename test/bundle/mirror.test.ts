/**
 * Mirror spaces in the built add-on (issue 11 item 1): a space listed in the Spaces sheet with Mode mirror
 * loses the members no roster row names, over runs while the roster changes; the running account and the
 * app stay; a removal share over Max removal % is HELD with nothing removed; an add-only space keeps members
 * it doesn't name; preview names everyone it would remove and removes no one.
 */
import { Google } from '../../emulator/google';
import { AppsScriptWorld } from '../../emulator/gas/world';
import { LOG_SHEET } from '../../src/core/run/logLayout';
import type { RunReport } from '../../src/shared/report';
import { ADMIN, testOrg } from './org';
import { runEntryPoint } from '../../emulator/runtime/addon';
import { HEADERS, run } from './provisionSuite';

const SPACES_HEADERS = ['Space', 'Mode', 'Max removal %', 'Status', 'Details', 'Updated'];

function setUp(maxRemoval: string) {
  const seed = testOrg();
  seed.spaces.push({
    id: 'AAAAmirror', displayName: 'Mirror', spaceType: 'SPACE',
    members: [
      { email: ADMIN, role: 'ROLE_MANAGER' }, { app: true }, { email: 'alice@example.com' }, { email: 'carol@example.com' },
      { email: 'erin@example.com' }, { groupEmail: 'design@example.com' }, { email: 'olga@example.com', state: 'INVITED' },
    ],
  });
  const google = new Google({ seed });
  const world = new AppsScriptWorld(google);
  world.spreadsheet.setSheet('Roster', [
    HEADERS,
    ['alice@example.com', 'spaces/AAAAmirror', '', '', '', '', ''],
    ['carol@example.com', 'spaces/AAAAmirror', '', '', '', '', ''],
    ['alice@example.com', 'spaces/AAAAeng', '', '', '', '', ''],
  ]);
  world.spreadsheet.setSheet('Spaces', [
    SPACES_HEADERS,
    ['spaces/AAAAmirror', 'mirror', maxRemoval, '', '', ''],
    ['Engineering', 'add-only', '', '', '', ''],
  ]);
  run(world, 'setupRosterSheet');
  return { google, world };
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * The nightly sync, which no one is there to confirm for: it removes within Max removal %. Installed at the
 * current hour (the slot already passed today), each call moves to the next day and fires it once.
 */
function unattended(google: Google, world: AppsScriptWorld): RunReport {
  if (world.triggers.length === 0) {
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: 'numeric', hourCycle: 'h23' }).format(google.clock.now()));
    run(world, 'installNightlySync', [hour]);
  }
  google.clock.advance(DAY);
  const result = runEntryPoint<RunReport>(world, 'nightlySync', [], { user: ADMIN, fromTrigger: true });
  if (result.error || !result.value) throw new Error(`nightlySync: ${result.error ?? 'did not start'}`);
  return result.value;
}

const members = (google: Google, space = 'spaces/AAAAmirror') => google.membersOf(space).map((m) => m.member).sort();
const spacesRow = (world: AppsScriptWorld, row: number) => {
  const cells = world.spreadsheet.sheet('Spaces')![row - 1];
  return { status: cells[3], details: cells[4] };
};

describe('a mirror space', () => {
  it('converges night after night while the roster changes in between, keeping you and the app', () => {
    const { google, world } = setUp('50');
    const engineering = members(google, 'spaces/AAAAeng');
    unattended(google, world);
    expect(members(google)).toEqual(['admin@example.com', 'alice@example.com', 'app', 'carol@example.com']);
    expect(spacesRow(world, 2)).toEqual({
      status: 'APPLIED', details: expect.stringMatching(/^Removed 3: .*erin@example\.com/),
    });
    expect(spacesRow(world, 2).details).toContain('group:design@example.com');
    expect(spacesRow(world, 2).details).toContain('olga@example.com');
    const logged = world.spreadsheet.sheet(LOG_SHEET)!.filter((row) => row.includes('mirror'));
    expect(logged).toHaveLength(3);

    // Carol's row goes; Frank joins by hand in Chat.
    const roster = world.spreadsheet.sheet('Roster')!;
    world.spreadsheet.setSheet('Roster', roster.filter((row) => row[0] !== 'carol@example.com'));
    google.placeMember('spaces/AAAAmirror', 'frank@example.com', { role: 'ROLE_MEMBER' });
    unattended(google, world);
    expect(members(google)).toEqual(['admin@example.com', 'alice@example.com', 'app']);
    expect(spacesRow(world, 2).details).toMatch(/^Removed 2: /);

    const writes = google.writes().length;
    unattended(google, world);
    expect(google.writes()).toHaveLength(writes);
    expect(spacesRow(world, 2).status).toBe('UNCHANGED');
    // The add-only space kept the members no row names.
    expect(members(google, 'spaces/AAAAeng')).toEqual(engineering);
    expect(spacesRow(world, 3).status).toBe('UNCHANGED');
  });

  it('holds every removal over Max removal %, naming them, and removes no one', () => {
    const { google, world } = setUp('20');
    unattended(google, world);
    expect(google.writes().filter((call) => call.methodId.endsWith('delete'))).toEqual([]);
    expect(members(google)).toHaveLength(7);
    const row = spacesRow(world, 2);
    expect(row.status).toBe('HELD');
    expect(row.details).toMatch(/3 of 7 members .* over Max removal % \(20\)/);
    expect(row.details).toMatch(/erin@example\.com/);
  });

  it('from the sidebar, holds the removals by name until they can be confirmed, and removes no one', () => {
    const { google, world } = setUp('100');
    const report = run<RunReport>(world, 'provisionRoster').value!;
    expect(google.writes().filter((call) => call.methodId.endsWith('delete'))).toEqual([]);
    expect(members(google)).toHaveLength(7);
    expect(report.rows).toBeGreaterThan(0);
    const row = spacesRow(world, 2);
    expect(row.status).toBe('HELD');
    expect(row.details).toMatch(/^Held, nothing removed: a run from the sidebar removes mirror members only once you have confirmed them by name/);
    for (const name of ['erin@example.com', 'group:design@example.com', 'olga@example.com']) expect(row.details).toContain(name);
  });

  it('in preview, names everyone it would remove and removes no one', () => {
    const { google, world } = setUp('50');
    const report = run<RunReport>(world, 'previewRoster').value!;
    expect(report.message).toMatch(/Spaces sheet: 1 space to apply \(see its Details\)\.$/);
    expect(google.writes()).toHaveLength(0);
    const row = spacesRow(world, 2);
    expect(row.status).toBe('WOULD_APPLY');
    expect(row.details).toMatch(/^3 to remove: /);
    for (const name of ['erin@example.com', 'group:design@example.com', 'olga@example.com']) expect(row.details).toContain(name);
    expect(row.details).not.toMatch(/admin@|app|alice|carol/);
  });

  it('is not planned in a run continuing PENDING rows, which sees only those rows', () => {
    const { google, world } = setUp('100');
    const roster = world.spreadsheet.sheet('Roster')!;
    roster[2][4] = 'PENDING';
    world.spreadsheet.setSheet('Roster', roster);
    run<RunReport>(world, 'provisionRoster');
    expect(google.writes()).toHaveLength(0);
    expect(members(google)).toHaveLength(7);
    // The next run over the whole roster (the nightly sync) mirrors the space.
    unattended(google, world);
    expect(members(google)).toEqual(['admin@example.com', 'alice@example.com', 'app', 'carol@example.com']);
  });
});
