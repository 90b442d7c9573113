/**
 * The add-on's scenarios: a roster driven to convergence by back-to-back provisionRoster executions, then
 * one more execution on the unchanged roster (the second run).
 */
import type { AppsScriptWorld } from '../../emulator/gas/world';
import type { Google } from '../../emulator/google';
import type { RunReport } from '../../src/shared/report';
import { summarize, type CallSummary } from './calls';
import { applyConditions, READ_BUDGET_PER_MINUTE, successfulWriteBudget, WRITE_BUDGET_PER_MINUTE, type Conditions } from './conditions';
import { driveUntilDone, freshWorld, runAddOn, type ExecutionStats } from './drive';
import { mismatches, type Workload } from './workload';

export const WRITES_PER_MINUTE = WRITE_BUDGET_PER_MINUTE;

export interface ExecutionRow {
  stats: ExecutionStats<RunReport>;
  calls: CallSummary;
}

export interface ConvergeRun {
  workload: Workload;
  executions: ExecutionRow[];
  /** virtual ms from the first execution's start to the last one's end */
  timeMs: number;
  /** the budgets' bound: writes needed ÷ the write budget left for them, or reads ÷ 3,000 a minute if longer */
  lowerBoundMs: number;
  /** how the bound was set, e.g. '7,145 writes ÷ 300/min' */
  boundRule: string;
  conditions: Conditions;
  /** membership writes the other user of the project made during the run (shared budget) */
  otherWrites?: number;
  calls: CallSummary;
  /** google.writes().length once converged (successful membership writes since the seed) */
  googleWrites: number;
  /** rows of the Roster (and Rules) sheets by Status once converged */
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
  const counts: Record<string, number> = {};
  for (const name of ['Roster', 'Rules']) {
    const rows = world.spreadsheet.sheet(name) ?? [];
    const column = (rows[0] ?? []).findIndex((header) => header.trim().toLowerCase() === 'status');
    for (const row of rows.slice(1)) {
      const status = column >= 0 ? row[column] || '(blank)' : '(no Status column)';
      counts[status] = (counts[status] ?? 0) + 1;
    }
  }
  return counts;
}

const rowOf = (google: Google, stats: ExecutionStats<RunReport>): ExecutionRow =>
  ({ stats, calls: summarize(google.calls.slice(stats.callsFrom, stats.callsTo)) });

/** DESIGN §5's bound: writes needed ÷ the budget left for successful writes, or membership reads ÷ 3,000/min where longer. */
function lowerBound(workload: Workload, calls: CallSummary, conditions: Conditions): { ms: number; rule: string } {
  const writes = workload.writesNeeded.total;
  const budget = successfulWriteBudget(conditions);
  const writeMs = (writes / budget) * 60_000;
  const readMs = (calls.memberReads / READ_BUDGET_PER_MINUTE) * 60_000;
  return readMs > writeMs
    ? { ms: readMs, rule: `${calls.memberReads.toLocaleString('en-US')} reads ÷ ${READ_BUDGET_PER_MINUTE}/min` }
    : { ms: writeMs, rule: `${writes.toLocaleString('en-US')} writes ÷ ${budget.toFixed(0)}/min` };
}

export function converge(workload: Workload, latencyMs: number, conditions: Conditions = {}): ConvergeRun {
  const { google, world } = freshWorld(workload, latencyMs);
  if (workload.rulesSheet) world.spreadsheet.setSheet('Rules', workload.rulesSheet);
  const setup = runAddOn(world, 'setupRosterSheet');
  const other = applyConditions(google, world, conditions);
  const spentBefore = other?.spent ?? 0;
  const executions = driveUntilDone(world).map((stats) => rowOf(google, stats));
  const first = executions[0].stats;
  const last = executions[executions.length - 1].stats;
  const calls = summarize(google.calls.slice(first.callsFrom, last.callsTo));
  const bound = lowerBound(workload, calls, conditions);
  return {
    workload, executions, google, world, conditions, calls,
    timeMs: last.endAt - first.startAt,
    lowerBoundMs: bound.ms,
    boundRule: bound.rule,
    otherWrites: other && other.spent - spentBefore,
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
