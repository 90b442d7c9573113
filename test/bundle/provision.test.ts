/**
 * The built add-on, loaded through gas-local with the emulator's Apps Script fakes as globals, driven through
 * its entry points as Apps Script would: a roster of about 50 rows covering every member form, space form,
 * role, action and error; every row's Status and Details; Sheets round trips; a rerun makes no writes.
 */
import { Google } from '../../emulator/google';
import { AppsScriptWorld } from '../../emulator/gas/world';
import { runEntryPoint } from '../../emulator/runtime/addon';
import type { RunReport } from '../../src/shared/report';
import { ADMIN, ROSTER_CASES, fillerCases, testOrg, type RosterCase } from './org';

const HEADERS = ['Member', 'Space', 'Role', 'Action', 'Status', 'Details', 'Updated'];

function worldWith(cases: RosterCase[], blankRowAt = 5) {
  const google = new Google({ seed: testOrg() });
  const world = new AppsScriptWorld(google);
  const rows: unknown[][] = [HEADERS];
  cases.forEach((c, index) => {
    if (index === blankRowAt) rows.push(['', '', '', '', '', '', '']);
    rows.push([...c.cells, '', '', '']);
  });
  world.spreadsheet.setSheet('Roster', rows);
  run(world, 'setupRosterSheet');
  return { google, world };
}

function run<T>(world: AppsScriptWorld, name: string, args: unknown[] = []) {
  const result = runEntryPoint<T>(world, name, args, { user: ADMIN });
  if (result.error) throw new Error(`${name} threw: ${result.error}`);
  return result;
}

/** The sheet's rows as [Status, Details] by case, skipping the blank row. */
function statuses(world: AppsScriptWorld): { status: string; details: string; updated: string }[] {
  const sheet = world.spreadsheet.sheet('Roster')!;
  return sheet.slice(1).filter((row) => row[0] !== '' || row[1] !== '' || row[4] !== '')
    .map((row) => ({ status: row[4], details: row[5], updated: row[6] }));
}

const CASES = [...ROSTER_CASES, ...fillerCases()];

describe('provisionRoster on a 50-row roster', () => {
  const { google, world } = worldWith(CASES);
  let first: RunReport;
  let firstSheetCalls = 0;

  beforeAll(() => {
    const result = run<RunReport>(world, 'provisionRoster');
    first = result.value!;
    firstSheetCalls = result.sheetCalls;
  });

  it('covers about 50 rows', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(45);
    expect(first.rows).toBe(CASES.length);
  });

  it.each(CASES.map((c, index) => [index, c.cells.join(' | '), c] as const))('row %i (%s) ends with the right status and a useful Details', (index, _label, c) => {
    const row = statuses(world)[index];
    expect(row.status).toBe(c.status);
    expect(row.details).toMatch(c.details);
    expect(row.details).not.toMatch(/undefined|\[object|NaN/);
    expect(row.updated).not.toBe('');
  });

  it('leaves the blank row blank', () => {
    const sheet = world.spreadsheet.sheet('Roster')!;
    expect(sheet[6]).toEqual(['', '', '', '', '', '', '']);
  });

  it('explains every INVALID and ERROR row in a sentence that says what to do', () => {
    for (const row of statuses(world).filter((r) => r.status === 'INVALID' || r.status === 'ERROR')) {
      expect(row.details.length).toBeGreaterThan(25);
      expect(row.details).toMatch(/[.:)]$/);
    }
  });

  it('changed Chat the way the roster asked', () => {
    const engineering = google.membersOf('spaces/AAAAeng');
    const find = (member: string) => engineering.find((m) => m.member === member);
    expect(find('erin@example.com')).toMatchObject({ role: 'ROLE_ASSISTANT_MANAGER', state: 'JOINED' });
    expect(find('frank@example.com')).toMatchObject({ role: 'ROLE_MANAGER' });
    expect(find('bob@example.com')).toMatchObject({ state: 'INVITED' });
    expect(find('carol@example.com')).toMatchObject({ role: 'ROLE_MEMBER' });
    expect(find('group:eng-team@example.com')).toBeDefined();
    expect(find('app')).toBeDefined();
    expect(find('ivan@example.com')).toBeUndefined();
    expect(google.membersOf('spaces/AAAAsolo').map((m) => m.member)).toEqual([ADMIN]);
    expect(google.membersOf('spaces/AAAAhands').find((m) => m.member === 'pat@gmail.com')).toBeDefined();
    // Rows naming an alias reached the person and the group behind it.
    expect(find('tina@example.com')).toMatchObject({ role: 'ROLE_MEMBER', state: 'JOINED' });
    expect(google.membersOf('spaces/AAAAhands').find((m) => m.member === 'group:eng-team@example.com')).toBeDefined();
  });

  it('reads and writes the sheet in at most 6 round trips', () => {
    expect(firstSheetCalls).toBeLessThanOrEqual(6);
  });

  it('makes zero membership writes when the unchanged roster runs again', () => {
    const writesBefore = google.writes().length;
    const again = run<RunReport>(world, 'provisionRoster').value!;
    expect(google.writes().length).toBe(writesBefore);
    expect(again.counts.ADDED ?? 0).toBe(0);
    expect(again.counts.ROLE_UPDATED ?? 0).toBe(0);
  });
});

describe('previewRoster', () => {
  it('writes WOULD_* statuses and changes nothing in Chat', () => {
    const { google, world } = worldWith(ROSTER_CASES.slice(0, 17));
    run<RunReport>(world, 'previewRoster');
    expect(google.writes()).toHaveLength(0);
    const got = statuses(world).map((r) => r.status);
    expect(got).toEqual(expect.arrayContaining(['WOULD_ADD', 'WOULD_UPDATE_ROLE', 'WOULD_REMOVE', 'UNCHANGED', 'HELD']));
    expect(got).not.toContain('ADDED');
  });
});

describe('Sheets round trips do not grow with the roster', () => {
  function presentRoster(size: number) {
    const seed = testOrg();
    const users = Array.from({ length: size }, (_, i) => ({ id: String(500000 + i), email: `user${i}@example.com` }));
    seed.users.push(...users);
    seed.spaces.push({ id: 'AAAAbig', displayName: 'Big', spaceType: 'SPACE', members: [{ email: ADMIN, role: 'ROLE_MANAGER' }, ...users.map((u) => ({ email: u.email }))] });
    const google = new Google({ seed });
    const world = new AppsScriptWorld(google);
    world.spreadsheet.setSheet('Roster', [HEADERS, ...users.map((u) => [u.email, 'spaces/AAAAbig', '', '', '', '', ''])]);
    run(world, 'setupRosterSheet');
    const result = run<RunReport>(world, 'provisionRoster');
    return { result, google };
  }

  it('is the same for 5 and 5,000 rows, and at most 6', () => {
    const small = presentRoster(5);
    const large = presentRoster(5000);
    expect(large.result.value!.counts.UNCHANGED).toBe(5000);
    expect(large.result.sheetCalls).toBe(small.result.sheetCalls);
    expect(large.result.sheetCalls).toBeLessThanOrEqual(6);
  });
});
