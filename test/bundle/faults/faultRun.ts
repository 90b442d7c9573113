/**
 * Shared by the fault-matrix tests (test/bundle/faults/): a small mixed roster, a run repeated the way the
 * sidebar repeats it while faults fire, and what an administrator would notice afterwards. Each test file
 * adds its own counts to the tally it prints: faults injected, rows lost, rows with a status not their own,
 * executions that crashed (all but the first must be 0).
 */
import type { RunReport } from '../../../src/shared/report';
import { runUntilDone, type ExecutionResult } from '../../../emulator/runtime/addon';
import type { AppsScriptWorld } from '../../../emulator/gas/world';
import { ADMIN, makeWorkload, sheetRows, wrongStatuses, type Row, type Workload } from '../workload';

/** 3 spaces × 20 rows of every kind of change (workload.ts mix): small enough for a few seconds a test. */
export function smallWorkload(spaces = 3, usersPerSpace = 20): Workload {
  return makeWorkload({ spaces, usersPerSpace, mix: true });
}

export interface Settled {
  executions: ExecutionResult<RunReport>[];
  /** the last execution's report */
  last: RunReport | undefined;
  /** roster rows with no status, or a status left empty */
  lost: number;
  /** executions that threw */
  crashes: number;
}

/** provisionRoster as the sidebar repeats it, up to `max` executions. */
export function settle(world: AppsScriptWorld, workload: Workload, max = 12): Settled {
  const executions = runUntilDone(world, { user: ADMIN }, max);
  const rows = sheetRows(world);
  const lost = workload.rows.filter((row, i) => rows[i]?.member !== row.member || rows[i].status === '').length;
  return { executions, last: executions[executions.length - 1]?.value, lost, crashes: executions.filter((e) => e.error).length };
}

/** Rows whose status isn't one of theirs, counting `affected` rows (by index) as right when ERROR/INVALID is. */
export function notTheirOwn(world: AppsScriptWorld, rows: readonly Row[], affected: (row: Row) => string[] | null = () => null): string[] {
  return wrongStatuses(world, rows.map((row) => ({ ...row, accept: affected(row) ?? row.accept })));
}

/** One line for the closing note (collected from the test output). */
export function tally(kind: string, injected: number, settled: Settled, wrong: number): void {
  console.log(`fault matrix: ${kind}: ${injected} faults injected, ${settled.lost} rows lost, ${wrong} rows not their own, ${settled.crashes} crashes, ${settled.executions.length} executions`);
}
