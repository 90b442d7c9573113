/**
 * Two spreadsheets side by side, over one Google (two AppsScriptWorlds, two documents): the lock is the
 * document's, so a run in one never waits for or refuses a run in the other. While the first spreadsheet's
 * Apply is in the middle of its membership calls, the second one's Apply and Preview run to the end; then the
 * first finishes as if alone.
 */
import { AppsScriptWorld } from '../../../emulator/gas/world';
import type { RunReport } from '../../../src/shared/report';
import {
  ADMIN, duplicateWrites, execute, makeWorkload, membershipMismatches, newWorld, rosterGrid, wrongStatuses, type Executed,
} from '../workload';
import { answerOf, withIntruders, type Intruder } from './intruders';

describe('two spreadsheets side by side', () => {
  // Spaces 0–2 are the first sheet's roster; spaces 3–5 the second's.
  const workload = makeWorkload({ spaces: 6, usersPerSpace: 30, managerEvery: 5 });
  const firstRows = workload.rows.filter((row) => Number(row.space.slice(-3)) < 3);
  const secondRows = workload.rows.filter((row) => Number(row.space.slice(-3)) >= 3);
  const { google, world: first } = newWorld({ ...workload, rows: firstRows }, { latencyMs: 100 });
  const second = new AppsScriptWorld(google, { spreadsheetName: 'Second roster' });
  second.spreadsheet.setSheet('Roster', rosterGrid(secondRows));
  execute(second, 'setupRosterSheet', [], { user: ADMIN });
  const previewInSecond: Intruder = { label: 'Preview', entry: 'previewRoster', user: ADMIN, atMembershipCall: 3 };
  const applyInSecond: Intruder = { label: 'Apply', entry: 'provisionRoster', user: ADMIN, atMembershipCall: 6 };
  let firstRun: Executed<RunReport>;

  beforeAll(() => {
    // The second sheet's executions run inside the first's; withIntruders runs them in `second`.
    firstRun = withIntruders(google, second, [previewInSecond, applyInSecond], () => execute<RunReport>(first, 'provisionRoster', [], { user: ADMIN }));
  });

  it('holds one lock per document: the worlds do not share a lock table', () => {
    expect(first.locks).not.toBe(second.locks);
  });

  it.each([[previewInSecond.label, previewInSecond], [applyInSecond.label, applyInSecond]])('the second sheet’s %s runs while the first sheet’s Apply is under way', (_label, intruder) => {
    expect(intruder.result!.error).toBeUndefined();
    expect(answerOf(intruder)).not.toMatch(/in progress/i);
    expect((intruder.result!.value as RunReport).rows).toBe(secondRows.length);
    expect(intruder.callsMade).toBeGreaterThan(0);
  });

  it('the second sheet’s Apply finishes its roster', () => {
    expect((applyInSecond.result!.value as RunReport).pending).toBe(0);
    expect(wrongStatuses(second, secondRows)).toEqual([]);
    expect(membershipMismatches(google, secondRows)).toEqual([]);
  });

  it('the first sheet’s Apply finishes as if alone', () => {
    expect(firstRun.error).toBeUndefined();
    expect(firstRun.value!.pending).toBe(0);
    expect(wrongStatuses(first, firstRows)).toEqual([]);
    expect(membershipMismatches(google, firstRows)).toEqual([]);
    expect(duplicateWrites(google.calls)).toEqual([]);
  });
});
