/**
 * The audit log (DESIGN.md §3): over a run of several executions, the Chat Roster Log holds one change row
 * per membership write Google answered with success — the emulator's own record of them, google.writes(),
 * one to one — each saying when, by whom, where, who, before → after, and which roster row; then one run
 * row. The sidebar's last runs are the run rows only. The log rides on the flushes the run already makes:
 * per execution at most 7 Sheets calls besides its progress flushes (MAX_BASE_SHEET_CALLS: DESIGN's 6 and the
 * final write's check that rows still hold their inputs), and a progress flush costs one call more than the
 * statuses alone (the log's batch).
 */
import { watchFlushes } from '../../emulator/runtime/flushWatch';
import type { RunReport } from '../../src/shared/report';
import type { SidebarState } from '../../src/shared/sidebar';
import { LOG_HEADERS, LOG_SHEET } from '../../src/core/run/logLayout';
import {
  ADMIN, changeRows, execute, logEntries, logRows, makeWorkload, newWorld, provisionUntilDone, sheetRows, unmatchedChanges,
  type LogEntry,
} from './workload';

// 6 spaces × 650 rows of every kind of change (mix): about 4,300 writes, three executions at 300 ms a call.
const workload = makeWorkload({ spaces: 6, usersPerSpace: 650, mix: true });

interface Measured { report: RunReport; sheetCalls: number; progressFlushes: number; progressFlushCalls: number; byMethod: Record<string, number> }

/** One provisionRoster, with its Sheets calls split as the benchmark does (scripts/bench/drive.ts). */
function provision(world: ReturnType<typeof newWorld>['world']): Measured {
  const watch = watchFlushes();
  const result = execute<RunReport>(world, 'provisionRoster', [], { user: ADMIN, beforeLoad: watch.beforeLoad });
  if (result.error) throw new Error(`provisionRoster threw: ${result.error}`);
  const { progressFlushes, progressFlushCalls, sheetsByMethod } = watch.cost();
  return { report: result.value!, sheetCalls: result.sheetCalls, progressFlushes, progressFlushCalls, byMethod: sheetsByMethod };
}

describe('the Chat Roster Log over a run of several executions', () => {
  const { google, world } = newWorld(workload, { latencyMs: 300 });
  const executions: Measured[] = [];
  let changes: LogEntry[] = [];

  beforeAll(() => {
    for (let i = 0; i < 8; i++) {
      executions.push(provision(world));
      if (executions[executions.length - 1].report.pending === 0) break;
    }
    changes = changeRows(world);
  });

  it('spans several executions and finishes', () => {
    expect(executions.length).toBeGreaterThanOrEqual(3);
    expect(executions[executions.length - 1].report.pending).toBe(0);
  });

  it("has one change row per successful membership write, matching Google's write log one to one", () => {
    expect(changes.length).toBeGreaterThan(4000);
    expect(changes).toHaveLength(google.writes().length);
    expect(unmatchedChanges(google, changes)).toEqual({ rows: [], writes: [] });
  });

  it('says on each change row when, by whom, where, who, before → after, which roster row and which run', () => {
    const [run] = logRows(world);
    const roster = sheetRows(world);
    const spaceNames = new Map(google.spaces().map((space) => [space.name, space.displayName]));
    let previous = '';
    for (const row of changes) {
      expect(row.Time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [A-Za-z_]+\/[A-Za-z_]+$/);
      expect(row.Time >= previous || row.Time.length !== previous.length).toBe(true);
      previous = row.Time;
      expect(row.Run).toBe(run.Run);
      expect(row.Account).toBe(ADMIN);
      expect(row.Space).toBe(spaceNames.get(row['Space ID']));
      const sheetRow = Number(/^roster row (\d+)$/.exec(row.Source)?.[1]);
      expect(roster[sheetRow - 2]).toMatchObject({ member: row.Member, space: row['Space ID'] });
      expect(row.Summary).toBe('');
    }
    const counts = new Map<string, number>();
    for (const row of changes) counts.set(row.Change, (counts.get(row.Change) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([
      'Manager → Member', 'Member → Manager', 'Member → Owner', 'Member → absent', 'absent → Member', 'absent → invited',
    ]);
    // Per 10 rows of a space: 6 adds (1 Manager, 1 Owner: created, then patched), 1 invite, 1 remove.
    expect(counts.get('absent → Member')).toBe(6 * 6 * 65);
    expect(counts.get('absent → invited')).toBe(6 * 65);
    expect(counts.get('Member → absent')).toBe(6 * 65);
  });

  it('ends with exactly one run row, after every change row of the run, with its counts', () => {
    const entries = logEntries(world);
    const runs = logRows(world);
    expect(runs).toHaveLength(1);
    expect(entries[entries.length - 1]).toEqual(runs[0]);
    expect(runs[0]).toMatchObject({ Executions: String(executions.length), 'Started by': ADMIN, Change: '', Member: '' });
    expect(runs[0].Added).toBe(String(executions[executions.length - 1].report.counts.ADDED));
  });

  it('keeps to 7 Sheets calls per execution besides its progress flushes, each flush one call more than the statuses alone', () => {
    for (const execution of executions) {
      expect(execution.sheetCalls - execution.progressFlushCalls).toBeLessThanOrEqual(7);
      // The check's read, the statuses, the log's batch, the flush.
      expect(execution.progressFlushCalls).toBeLessThanOrEqual(4 * execution.progressFlushes);
      // The log sheet setupRosterSheet made has room for these 4,290 rows: no call to grow it.
      expect(execution.byMethod.insertRowsAfter ?? 0).toBe(0);
    }
    console.log(`audit log: ${executions.length} executions; Sheets calls (total / progress flushes / their calls / insertRowsAfter): ${
      executions.map((e) => `${e.sheetCalls}/${e.progressFlushes}/${e.progressFlushCalls}/${e.byMethod.insertRowsAfter ?? 0}`).join(', ')}`);
  });

  it("shows the sidebar's last runs from the run rows only", () => {
    const again = provisionUntilDone(world, 2);
    expect(again[0].counts.UNCHANGED).toBe(workload.rows.length);
    expect(changeRows(world)).toHaveLength(changes.length);
    const state = execute<SidebarState>(world, 'getSidebarState', [], { user: ADMIN }).value!;
    const runs = logRows(world);
    expect(runs).toHaveLength(2);
    expect(state.recentRuns.map((logged) => logged.run)).toEqual([runs[1].Run, runs[0].Run]);
    expect(state.recentRuns[1]).toMatchObject({ executions: String(executions.length), startedBy: ADMIN });
    expect(state.recentRuns[1].summary).toMatch(/added/);
  });
});

describe('a preview', () => {
  it('logs no change', () => {
    const { world } = newWorld(makeWorkload({ spaces: 2, usersPerSpace: 20, mix: true }));
    const preview = execute<RunReport>(world, 'previewRoster', [], { user: ADMIN });
    expect(preview.value!.counts.WOULD_ADD).toBeGreaterThan(0);
    expect(logEntries(world)).toEqual([]);
  });
});

describe('a log begun before change rows existed (its older header: Run, Started, …)', () => {
  const OLD_HEADERS = ['Run', 'Started', 'Finished', 'Executions', 'Started by', 'Added', 'Invited', 'Roles changed', 'Removed', 'Unchanged', 'Held', 'Invalid', 'Errors', 'Summary'];
  const OLD_ROW = ['run-old', '2026-11-01 10:00:00', '2026-11-01 10:01:00', '1', ADMIN, '3', '0', '0', '0', '0', '0', '0', '0', '3 added.'];

  it('keeps its rows, and gets the current header under them once, with the new rows below', () => {
    const { google, world } = newWorld(makeWorkload({ spaces: 2, usersPerSpace: 20, mix: true }), { setup: false });
    world.spreadsheet.setSheet(LOG_SHEET, [OLD_HEADERS, OLD_ROW]);
    const first = provision(world);
    const writes = google.writes().length;
    expect(first.report.pending).toBe(0);
    const grid = world.spreadsheet.sheet(LOG_SHEET)!.map((row) => row.slice(0, LOG_HEADERS.length).map(String));
    expect(grid[0].slice(0, OLD_HEADERS.length)).toEqual(OLD_HEADERS);
    expect(grid[1].slice(0, OLD_ROW.length)).toEqual(OLD_ROW);
    expect(grid[2]).toEqual(LOG_HEADERS);
    const kind = LOG_HEADERS.indexOf('Kind');
    expect(grid.slice(3).map((row) => row[kind])).toEqual([...Array(writes).fill('change'), 'run']);
    // The header is read once: the next run appends right under the last row.
    provision(world);
    const after = world.spreadsheet.sheet(LOG_SHEET)!.map((row) => String(row[kind]));
    expect(after.filter((cell) => cell === 'Kind')).toHaveLength(1);
    expect(after.slice(-2)).toEqual(['run', 'run']);
    const state = execute<SidebarState>(world, 'getSidebarState', [], { user: ADMIN }).value!;
    expect(state.recentRuns).toHaveLength(2);
  });
});
