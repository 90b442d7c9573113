/**
 * Mirror removals that take more than one execution (issue 11): 2,000 unnamed members can't all go in one
 * six-minute execution at 300 writes a minute. The Spaces row stays PENDING and the run goes on, whoever
 * drives it: no one removed twice, no one removed whom the admin didn't confirm, every removal logged once.
 */
import { Google } from '../../emulator/google';
import { AppsScriptWorld } from '../../emulator/gas/world';
import type { OrgSeed } from '../../emulator/seed';
import { repeatUntilDone, runEntryPoint } from '../../emulator/runtime/addon';
import type { RemovalConfirmation, RunReport } from '../../src/shared/report';
import { LOG_FIELD_INDEX, LOG_KIND } from '../../src/core/run/logLayout';
import { ADMIN, HEADERS, LOG_SHEET } from './workload';

const SPACE = 'spaces/AAAAbig';
const LEAVERS = 2000;

function setUp() {
  const users = Array.from({ length: LEAVERS + 2 }, (_, index) => ({ id: String(300000 + index), email: `p${index}@example.com` }));
  const seed: OrgSeed = {
    domain: 'example.com', appUserId: '999000',
    users: [{ id: '100000', email: ADMIN, chatAdmin: true }, ...users],
    groups: [],
    spaces: [{
      id: 'AAAAbig', displayName: 'Big', spaceType: 'SPACE',
      members: [{ email: ADMIN, role: 'ROLE_MANAGER' }, ...users.slice(0, LEAVERS + 1).map((user) => ({ email: user.email }))],
    }],
  };
  const google = new Google({ seed });
  const world = new AppsScriptWorld(google);
  // The roster keeps p0; everyone else in the space goes.
  world.spreadsheet.setSheet('Roster', [HEADERS, ['p0@example.com', SPACE, '', '', '', '', '']]);
  world.spreadsheet.setSheet('Spaces', [['Space', 'Mode', 'Max removal %', 'Status', 'Details', 'Updated'], [SPACE, 'mirror', '100', '', '', '']]);
  return { google, world };
}

const provision = (world: AppsScriptWorld, args: unknown[] = [], fromTrigger = false) =>
  runEntryPoint<RunReport>(world, fromTrigger ? 'nightlySync' : 'provisionRoster', args, { user: ADMIN, fromTrigger });
const deletes = (google: Google) => google.writes().filter((call) => call.methodId.endsWith('delete'));
const spacesRow = (world: AppsScriptWorld) => world.spreadsheet.sheet('Spaces')![1];
const loggedChanges = (world: AppsScriptWorld) =>
  (world.spreadsheet.sheet(LOG_SHEET) ?? []).filter((row) => row[LOG_FIELD_INDEX.kind] === LOG_KIND.change).length;

describe('mirror removals over several executions', () => {
  jest.setTimeout(60_000);

  it('without a confirmation (a script, the nightly sync), go on until the space mirrors the roster', () => {
    const { google, world } = setUp();
    const runs = repeatUntilDone(() => provision(world), 5);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    const first = runs[0].value!;
    expect(first.pending).toBeGreaterThan(0);
    expect(first.rows).toBe(1 + LEAVERS);
    expect(String(spacesRow(world)[3])).toBe('APPLIED');
    expect(google.membersOf(SPACE).map((m) => m.member).sort()).toEqual(['admin@example.com', 'p0@example.com']);
    expect(deletes(google)).toHaveLength(LEAVERS);
    expect(new Set(deletes(google).map((call) => call.target)).size).toBe(LEAVERS);
    expect(loggedChanges(world)).toBe(LEAVERS);
  });

  /** The preview's list, confirmed whole; then p{LEAVERS+1} joins the space. */
  function confirmedThenJoined(google: Google, world: AppsScriptWorld): RemovalConfirmation {
    const preview = runEntryPoint<RunReport>(world, 'previewRoster', [], { user: ADMIN }).value!;
    const plan = preview.mirror![0];
    expect(plan.removals).toHaveLength(LEAVERS);
    google.placeMember(SPACE, `p${LEAVERS + 1}@example.com`, { role: 'ROLE_MEMBER' });
    return { removals: plan.removals.map(({ member }) => ({ space: SPACE, member })), overLimitSpaces: [] };
  }

  it('from the sidebar, every execution removes only whom the admin confirmed', () => {
    const { google, world } = setUp();
    const confirmation = confirmedThenJoined(google, world);
    const runs = repeatUntilDone(() => provision(world, [confirmation]), 5);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs[0].value!.pending).toBeGreaterThan(0);
    expect(google.membersOf(SPACE).map((m) => m.member).sort()).toEqual(['admin@example.com', 'p0@example.com', `p${LEAVERS + 1}@example.com`]);
    expect(deletes(google)).toHaveLength(LEAVERS);
    const row = spacesRow(world);
    expect(row[3]).toBe('HELD');
    expect(String(row[4])).toMatch(new RegExp(`Not confirmed in the sidebar.*p${LEAVERS + 1}@example\\.com`));
    expect(loggedChanges(world)).toBe(LEAVERS);
  });

  it('a run the sidebar started, continued by the hourly trigger alone, removes no one more: only the sidebar knows whom the admin confirmed', () => {
    const { google, world } = setUp();
    const confirmation = confirmedThenJoined(google, world);
    const first = provision(world, [confirmation]).value!;
    expect(first.pending).toBeGreaterThan(0);
    expect(spacesRow(world)[3]).toBe('PENDING');
    const removedFirst = deletes(google).length;
    expect(removedFirst).toBeGreaterThan(0);
    const continued = provision(world, [], true);
    expect(continued.error).toBeUndefined();
    expect(deletes(google)).toHaveLength(removedFirst);
    const row = spacesRow(world);
    expect(row[3]).toBe('HELD');
    expect(String(row[4])).toMatch(/^Held, nothing removed\. Not confirmed in the sidebar/);
    expect(google.membersOf(SPACE)).toHaveLength(2 + 1 + LEAVERS - removedFirst);
  });
});
