/**
 * The built add-on, loaded through gas-local with the emulator's Apps Script fakes as globals, driven through
 * its entry points as Apps Script would: a roster of about 50 rows covering every member form, space form,
 * role, action and error; every row's Status and Details; Sheets round trips; a rerun makes no writes.
 *
 * One suite, two places for Google: in this process (provision.test.ts) and in another process behind the
 * REST server, reached over loopback HTTP (provision.loopback.test.ts). Whatever the suite asserts about
 * Google comes through ObservedGoogle, so both runs make the same assertions on the same cases.
 */
import type { ApiCallRecord, MemberView, OrgSeed } from '../../emulator/google';
import type { EmulatedGoogle } from '../../emulator/gas/googleApi';
import { AppsScriptWorld } from '../../emulator/gas/world';
import { runEntryPoint } from '../../emulator/runtime/addon';
import type { RunReport } from '../../src/shared/report';
import { ADMIN, ROSTER_CASES, fillerCases, testOrg, type RosterCase } from './org';
import { MAX_BASE_SHEET_CALLS } from '../../scripts/bench/targets';

/** What the Apps Script fakes need of Google, plus what the suite observes of it. */
export interface ObservedGoogle extends EmulatedGoogle {
  membersOf(spaceName: string): MemberView[];
  writes(): readonly ApiCallRecord[];
}

export interface GoogleBackend {
  label: string;
  /** an emulated Google holding exactly `seed`, with no calls recorded */
  fresh(seed: OrgSeed): ObservedGoogle;
}

export const HEADERS = ['Member', 'Space', 'Role', 'Action', 'Status', 'Details', 'Updated'];
export const CASES = [...ROSTER_CASES, ...fillerCases()];

export function run<T>(world: AppsScriptWorld<EmulatedGoogle>, name: string, args: unknown[] = []) {
  const result = runEntryPoint<T>(world, name, args, { user: ADMIN });
  if (result.error) throw new Error(`${name} threw: ${result.error}`);
  return result;
}

function worldWith<G extends ObservedGoogle>(google: G, cases: RosterCase[], blankRowAt = 5): AppsScriptWorld<G> {
  const world = new AppsScriptWorld(google);
  const rows: unknown[][] = [HEADERS];
  cases.forEach((c, index) => {
    if (index === blankRowAt) rows.push(['', '', '', '', '', '', '']);
    rows.push([...c.cells, '', '', '']);
  });
  world.spreadsheet.setSheet('Roster', rows);
  run(world, 'setupRosterSheet');
  return world;
}

/** The sheet's rows as [Status, Details] by case, skipping the blank row. */
function statuses(world: AppsScriptWorld<EmulatedGoogle>): { status: string; details: string; updated: string }[] {
  const sheet = world.spreadsheet.sheet('Roster')!;
  return sheet.slice(1).filter((row) => row[0] !== '' || row[1] !== '' || row[4] !== '')
    .map((row) => ({ status: row[4], details: row[5], updated: row[6] }));
}

export function describeProvision(backend: GoogleBackend): void {
  describe(`provisionRoster on a 50-row roster (Google ${backend.label})`, () => {
    let google: ObservedGoogle;
    let world: AppsScriptWorld<ObservedGoogle>;
    let first: RunReport;
    let firstSheetCalls = 0;

    beforeAll(() => {
      google = backend.fresh(testOrg());
      world = worldWith(google, CASES);
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
      // Rows checked before the run: nothing written for a misspelt address or a suspended person (dave, id
      // 100004); directory.test.ts shows that no call at all names the misspelt one.
      expect(engineering.find((m) => m.member.startsWith('alcie') || m.member.startsWith('dave'))).toBeUndefined();
      expect(google.writes().filter((call) => call.target.endsWith('/members/100004'))).toEqual([]);
      expect(google.membersOf('spaces/AAAAsolo').map((m) => m.member)).toEqual([ADMIN]);
      expect(google.membersOf('spaces/AAAAhands').find((m) => m.member === 'pat@gmail.com')).toBeDefined();
      // Rows naming an alias reached the person and the group behind it.
      expect(find('tina@example.com')).toMatchObject({ role: 'ROLE_MEMBER', state: 'JOINED' });
      expect(google.membersOf('spaces/AAAAhands').find((m) => m.member === 'group:eng-team@example.com')).toBeDefined();
    });

    it('reads and writes the sheet in at most MAX_BASE_SHEET_CALLS round trips (DESIGN’s 6 and the check before writing)', () => {
      expect(firstSheetCalls).toBeLessThanOrEqual(MAX_BASE_SHEET_CALLS);
    });

    it('makes zero membership writes when the unchanged roster runs again', () => {
      const writesBefore = google.writes().length;
      const again = run<RunReport>(world, 'provisionRoster').value!;
      expect(google.writes().length).toBe(writesBefore);
      expect(again.counts.ADDED ?? 0).toBe(0);
      expect(again.counts.ROLE_UPDATED ?? 0).toBe(0);
    });
  });

  describe(`previewRoster (Google ${backend.label})`, () => {
    it('writes WOULD_* statuses and changes nothing in Chat', () => {
      const google = backend.fresh(testOrg());
      const world = worldWith(google, ROSTER_CASES.slice(0, 17));
      run<RunReport>(world, 'previewRoster');
      expect(google.writes()).toHaveLength(0);
      const got = statuses(world).map((r) => r.status);
      expect(got).toEqual(expect.arrayContaining(['WOULD_ADD', 'WOULD_UPDATE_ROLE', 'WOULD_REMOVE', 'UNCHANGED', 'HELD']));
      expect(got).not.toContain('ADDED');
    });
  });
}
