/**
 * Mirror spaces in the built add-on (issue 11 item 1): a space listed in the Spaces sheet with Mode mirror
 * loses the members no roster row names, over runs while the roster changes; the running account and the
 * app stay; a removal share over Max removal % is HELD with nothing removed; an add-only space keeps members
 * it doesn't name; preview names everyone it would remove and removes no one.
 */
import { Google } from '../../emulator/google';
import { AppsScriptWorld } from '../../emulator/gas/world';
import { LOG_SHEET } from '../../src/core/run/logLayout';
import type { RemovalConfirmation, RunReport } from '../../src/shared/report';
import { ADMIN, testOrg } from './org';
import { HEADERS, run } from './provisionSuite';
import { nightlyNextDay } from './workload';

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

/** What the sidebar sends after the admin confirmed every removal its preview listed (and, over the limit, the space). */
function confirmationOf(preview: RunReport, spacesToo = true): RemovalConfirmation {
  const plans = preview.mirror ?? [];
  return {
    removals: plans.flatMap((plan) => plan.removals.map(({ member }) => ({ space: plan.space, member }))),
    overLimitSpaces: spacesToo ? plans.filter((plan) => plan.overLimit).map((plan) => plan.space) : [],
  };
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
    nightlyNextDay(google, world);
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
    nightlyNextDay(google, world);
    expect(members(google)).toEqual(['admin@example.com', 'alice@example.com', 'app']);
    expect(spacesRow(world, 2).details).toMatch(/^Removed 2: /);

    const writes = google.writes().length;
    nightlyNextDay(google, world);
    expect(google.writes()).toHaveLength(writes);
    expect(spacesRow(world, 2).status).toBe('UNCHANGED');
    // The add-only space kept the members no row names.
    expect(members(google, 'spaces/AAAAeng')).toEqual(engineering);
    expect(spacesRow(world, 3).status).toBe('UNCHANGED');
  });

  it('holds every removal over Max removal %, naming them, and removes no one', () => {
    const { google, world } = setUp('20');
    nightlyNextDay(google, world);
    expect(google.writes().filter((call) => call.methodId.endsWith('delete'))).toEqual([]);
    expect(members(google)).toHaveLength(7);
    const row = spacesRow(world, 2);
    expect(row.status).toBe('HELD');
    expect(row.details).toMatch(/3 of 7 members .* over Max removal % \(20\)/);
    expect(row.details).toMatch(/erin@example\.com/);
  });

  it('from the sidebar, removes only whom the admin confirmed by name; someone who joined since stays, HELD', () => {
    const { google, world } = setUp('100');
    const preview = run<RunReport>(world, 'previewRoster').value!;
    const shown = confirmationOf(preview);
    expect(preview.mirror).toEqual([{
      space: 'spaces/AAAAmirror', label: 'Mirror', overLimit: null,
      removals: [
        { member: `users/${google.userIdOf('erin@example.com')}`, label: 'erin@example.com', invited: false },
        { member: `groups/${google.groupIdOf('design@example.com')}`, label: 'group:design@example.com', invited: false },
        { member: `users/${google.userIdOf('olga@example.com')}`, label: 'olga@example.com', invited: true },
      ],
    }]);
    // Frank joins by hand between the confirmation and the run.
    google.placeMember('spaces/AAAAmirror', 'frank@example.com', { role: 'ROLE_MEMBER' });
    const report = run<RunReport>(world, 'provisionRoster', [shown]).value!;
    expect(members(google)).toEqual(['admin@example.com', 'alice@example.com', 'app', 'carol@example.com', 'frank@example.com']);
    const row = spacesRow(world, 2);
    expect(row.status).toBe('HELD');
    expect(row.details).toMatch(/^Removed 3: erin@example\.com, group:design@example\.com, olga@example\.com\. Not confirmed in the sidebar, so left in the space .*: frank@example\.com\./);
    expect(report.mirror).toEqual([expect.objectContaining({ removals: [expect.objectContaining({ label: 'frank@example.com' })] })]);

    // The next preview shows Frank; confirming him removes him.
    const again = run<RunReport>(world, 'previewRoster').value!;
    run<RunReport>(world, 'provisionRoster', [confirmationOf(again)]);
    expect(members(google)).toEqual(['admin@example.com', 'alice@example.com', 'app', 'carol@example.com']);
    expect(spacesRow(world, 2).status).toBe('APPLIED');
  });

  it('from the sidebar, an empty confirmation removes no one and names whom it held', () => {
    const { google, world } = setUp('100');
    run<RunReport>(world, 'provisionRoster', [{ removals: [], overLimitSpaces: [] }]);
    expect(google.writes().filter((call) => call.methodId.endsWith('delete'))).toEqual([]);
    const row = spacesRow(world, 2);
    expect(row.status).toBe('HELD');
    for (const name of ['erin@example.com', 'group:design@example.com', 'olga@example.com']) expect(row.details).toContain(name);
  });

  it('over Max removal %, holds the space until the admin confirms that space, for that run only', () => {
    const { google, world } = setUp('20');
    const preview = run<RunReport>(world, 'previewRoster').value!;
    expect(spacesRow(world, 2).status).toBe('HELD');
    expect(preview.mirror?.[0]).toMatchObject({ space: 'spaces/AAAAmirror', overLimit: { total: 7, max: 20 } });
    expect(preview.mirror?.[0].removals.map((r) => r.label)).toEqual(['erin@example.com', 'group:design@example.com', 'olga@example.com']);
    // Confirming the people without the space keeps it held.
    run<RunReport>(world, 'provisionRoster', [confirmationOf(preview, false)]);
    expect(members(google)).toHaveLength(7);
    expect(spacesRow(world, 2).status).toBe('HELD');
    run<RunReport>(world, 'provisionRoster', [confirmationOf(preview)]);
    expect(members(google)).toEqual(['admin@example.com', 'alice@example.com', 'app', 'carol@example.com']);
    // The confirmation was for that run: the nightly sync holds the next removals over the limit again.
    for (const email of ['frank@example.com', 'grace@example.com']) google.placeMember('spaces/AAAAmirror', email, { role: 'ROLE_MEMBER' });
    nightlyNextDay(google, world);
    expect(members(google)).toContain('frank@example.com');
    expect(spacesRow(world, 2).status).toBe('HELD');
  });

  it('never removes you, the app or the last Owner, even when a confirmation names them', () => {
    const { google, world } = setUp('100');
    const everyone = ['admin@example.com', 'alice@example.com', 'carol@example.com'].map((email) => ({ space: 'spaces/AAAAmirror', member: `users/${google.userIdOf(email)}` }));
    const app = google.membersOf('spaces/AAAAmirror').find((m) => m.member === 'app');
    expect(app).toBeDefined();
    world.spreadsheet.setSheet('Roster', [HEADERS, ['alice@example.com', 'spaces/AAAAeng', '', '', '', '', '']]);
    run<RunReport>(world, 'provisionRoster', [{ removals: everyone, overLimitSpaces: ['spaces/AAAAmirror'] }]);
    // Alice and Carol were confirmed and go; you (the only Owner) and the app stay.
    expect(members(google)).toEqual(['admin@example.com', 'app', 'erin@example.com', 'group:design@example.com', 'olga@example.com']);
  });

  it('holds every removal while a row of the space names someone it can\'t match, and removes once the row is fixed', () => {
    const { google, world } = setUp('100');
    const roster = world.spreadsheet.sheet('Roster')!;
    world.spreadsheet.setSheet('Roster', [...roster, ['eirn@example.com', 'spaces/AAAAmirror', '', '', '', '', '']]);
    nightlyNextDay(google, world);
    expect(members(google)).toHaveLength(7);
    expect(spacesRow(world, 2)).toEqual({ status: 'HELD', details: expect.stringMatching(/^Held, nothing removed: Chat Roster couldn't tell whom Roster row 5/) });
    const fixed = world.spreadsheet.sheet('Roster')!;
    fixed[4][0] = 'erin@example.com';
    world.spreadsheet.setSheet('Roster', fixed);
    nightlyNextDay(google, world);
    expect(members(google)).toEqual(['admin@example.com', 'alice@example.com', 'app', 'carol@example.com', 'erin@example.com']);
    expect(spacesRow(world, 2).status).toBe('APPLIED');
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
    nightlyNextDay(google, world);
    expect(members(google)).toEqual(['admin@example.com', 'alice@example.com', 'app', 'carol@example.com']);
  });
});
