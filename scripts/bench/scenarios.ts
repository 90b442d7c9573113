/**
 * The add-on's scenarios: a roster driven to convergence by back-to-back provisionRoster executions, then
 * one more execution on the unchanged roster (the second run).
 */
import type { AppsScriptWorld } from '../../emulator/gas/world';
import type { Google } from '../../emulator/google';
import type { RunReport } from '../../src/shared/report';
import { summarize, type CallSummary } from './calls';
import { driveUntilDone, freshWorld, runAddOn, type ExecutionStats } from './drive';
import { mismatches, type Workload } from './workload';

export const WRITES_PER_MINUTE = 300;

export interface ExecutionRow {
  stats: ExecutionStats<RunReport>;
  calls: CallSummary;
}

export interface ConvergeRun {
  workload: Workload;
  executions: ExecutionRow[];
  /** virtual ms from the first execution's start to the last one's end */
  timeMs: number;
  /** membership writes the roster needs ÷ 300 a minute */
  lowerBoundMs: number;
  calls: CallSummary;
  /** google.writes().length once converged (successful membership writes since the seed) */
  googleWrites: number;
  /** rows of the sheet by Status once converged */
  statuses: Record<string, number>;
  mismatch: { missing: number; wrongRole: number; extra: number };
  setupError?: string;
  google: Google;
  world: AppsScriptWorld;
}

export interface SecondRun {
  execution: ExecutionRow;
  report?: RunReport;
}

function statusCounts(world: AppsScriptWorld): Record<string, number> {
  const rows = world.spreadsheet.sheet('Roster') ?? [];
  const column = (rows[0] ?? []).findIndex((header) => header.trim().toLowerCase() === 'status');
  const counts: Record<string, number> = {};
  for (const row of rows.slice(1)) {
    const status = column >= 0 ? row[column] || '(blank)' : '(no Status column)';
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

const rowOf = (google: Google, stats: ExecutionStats<RunReport>): ExecutionRow =>
  ({ stats, calls: summarize(google.calls.slice(stats.callsFrom, stats.callsTo)) });

export function converge(workload: Workload, latencyMs: number): ConvergeRun {
  const { google, world } = freshWorld(workload, latencyMs);
  const setup = runAddOn(world, 'setupRosterSheet');
  const executions = driveUntilDone(world).map((stats) => rowOf(google, stats));
  const first = executions[0].stats;
  const last = executions[executions.length - 1].stats;
  const callsFrom = first.callsFrom;
  return {
    workload, executions, google, world,
    timeMs: last.endAt - first.startAt,
    lowerBoundMs: (workload.writesNeeded.total / WRITES_PER_MINUTE) * 60_000,
    calls: summarize(google.calls.slice(callsFrom, last.callsTo)),
    googleWrites: google.writes().length,
    statuses: statusCounts(world),
    mismatch: mismatches(google, workload),
    setupError: setup.error,
  };
}

/** One more provisionRoster right after convergence, on the unchanged roster. */
export function secondRun(run: ConvergeRun): SecondRun {
  const stats = runAddOn(run.world, 'provisionRoster');
  return { execution: rowOf(run.google, stats), report: stats.value };
}

/** Sheets calls of an execution other than its progress flushes. */
export const baseSheetCalls = (stats: ExecutionStats<unknown>): number => stats.sheetCalls - stats.progressFlushCalls;

/** Every row final and right: no PENDING or ERROR row, and Chat's members as the roster asks. */
export function finalAndRight(run: ConvergeRun): boolean {
  const { missing, wrongRole, extra } = run.mismatch;
  return !run.statuses.PENDING && !run.statuses.ERROR && missing + wrongRole + extra === 0
    && !run.executions.some((execution) => execution.stats.error);
}
