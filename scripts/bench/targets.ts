/**
 * The benchmark's results and the verdict on each target of DESIGN.md §5. Hard targets (they set the exit
 * code) are ratios only: each workload's time ÷ lower bound, and the naive loop's time ÷ ours. Everything
 * else is reported PASS/FAIL or info without failing the bench.
 */
import type { PlanSpeed } from './planSpeed';
import { planSpeedLine } from './planSpeedLine';
import { countsText, duration, int, ratio } from './format';
import type { NaiveRun } from './naive';
import { baseSheetCalls, finalAndRight, type ConvergeRun, type SecondRun } from './scenarios';
import { sheetCellLines } from './sheetCells';
import type { WorkloadSpec } from './workloads';

export interface WorkloadResult {
  spec: WorkloadSpec;
  run: ConvergeRun;
  naive: NaiveRun;
}

export interface Results {
  workloads: WorkloadResult[];
  /** one more execution after the first workload converged */
  second: SecondRun;
  /** null: planSpeed.ts not available (not measured) */
  planSpeed: PlanSpeed | null;
  planSpeedNote?: string;
  codeBytes: number;
}

export type Verdict = 'PASS' | 'FAIL' | 'info';

export interface Line {
  section: string;
  measure: string;
  value: string;
  target: string;
  verdict: Verdict;
  /** a FAIL of a hard target makes the benchmark exit non-zero */
  hard: boolean;
}

const pass = (ok: boolean): Verdict => (ok ? 'PASS' : 'FAIL');

/** The naive loop is at least this many times slower than Chat Roster. */
export const MIN_NAIVE_SPEEDUP = 2;
/**
 * DESIGN §5 says 6 + one per progress flush. Each status write first re-reads what it writes over (sheetWriter.ts),
 * so the base is the opening reads, that check, the final statuses, the log and the flush: 7. A short execution
 * that ends with rows changed all over the roster writes them as value runs (one RangeList call per distinct
 * value) rather than one block spanning the roster, for the cells target: more calls, each a cached write. Not in
 * the exit code: the cells and the time are what cost, and both are measured.
 */
export const MAX_BASE_SHEET_CALLS = 7;
/** No Apps Script limit is near (reference/ lists none); the cost of size is parse time in every execution. */
export const CODE_LIMIT_BYTES = 256 * 1024;

export const timeRatio = (run: ConvergeRun): number => run.timeMs / run.lowerBoundMs;
export const naiveSpeedup = ({ run, naive }: WorkloadResult): number => naive.timeMs / run.timeMs;

export function rightText(run: ConvergeRun): string {
  const { missing, wrongRole, extra } = run.mismatch;
  return finalAndRight(run) ? 'every row final and right'
    : `NOT right: ${countsText(run.statuses)}; ${missing} missing, ${wrongRole} wrong role, ${extra} extra${run.executions.some((e) => e.stats.error) ? '; an execution failed' : ''}`;
}

export function naiveText(naive: NaiveRun): string {
  const { missing, wrongRole } = naive.mismatch;
  const end = naive.converged ? 'converged' : `never converged: ${missing} missing, ${wrongRole} wrong role${naive.error ? `, ${naive.error}` : ''}`;
  return `${duration(naive.timeMs)}, ${naive.passes} pass${naive.passes === 1 ? '' : 'es'}, ${end}`;
}

function workloadLines(result: WorkloadResult): Line[] {
  const { spec, run, naive } = result;
  const r = timeRatio(run);
  const speedup = naiveSpeedup(result);
  // A naive loop that never converged took longer than it ran: its ratio is a lower bound.
  const atLeast = naive.converged ? '' : 'at least ';
  return [
    { section: spec.id, measure: 'time ÷ lower bound', value: `${ratio(r)} (${duration(run.timeMs)} ÷ ${duration(run.lowerBoundMs)}, ${run.boundRule}; ${rightText(run)})`, target: `≤ ${spec.maxRatio.toFixed(2)}, right`, verdict: pass(r <= spec.maxRatio && finalAndRight(run)), hard: true },
    { section: spec.id, measure: 'naive time ÷ ours', value: `${atLeast}${ratio(speedup)} (naive ${naiveText(naive)})`, target: `≥ ${MIN_NAIVE_SPEEDUP}`, verdict: pass(speedup >= MIN_NAIVE_SPEEDUP), hard: true },
  ];
}

export function maxBaseSheetCalls(results: Results): number {
  const all = [...results.workloads.flatMap(({ run }) => run.executions), results.second.execution];
  return Math.max(...all.map((execution) => baseSheetCalls(execution.stats)));
}

export function lines(results: Results): Line[] {
  const { second, planSpeed } = results;
  const baseMax = maxBaseSheetCalls(results);
  const l = (section: string, measure: string, value: string, target = '', verdict: Verdict = 'info'): Line =>
    ({ section, measure, value, target, verdict, hard: false });
  return [
    ...results.workloads.flatMap(workloadLines),
    l('all runs', 'Sheets calls per execution besides progress flushes, max', int(baseMax), `≤ ${MAX_BASE_SHEET_CALLS} + flushes`, pass(baseMax <= MAX_BASE_SHEET_CALLS)),
    l('second run', 'membership writes', int(second.execution.calls.writes), '0', pass(second.execution.calls.writes === 0)),
    l('second run', 'reads', `${int(second.execution.calls.memberReads)} membership reads, ${int(second.execution.calls.otherCalls)} other (${countsText(second.execution.calls.otherByMethod)}); ${countsText(second.report?.counts ?? {})}`),
    planSpeedLine(planSpeed, results.planSpeedNote),
    l('size', 'dist/Code.js', `${(results.codeBytes / 1024).toFixed(1)} KB (${int(results.codeBytes)} bytes)`, `< ${CODE_LIMIT_BYTES / 1024} KB`, pass(results.codeBytes < CODE_LIMIT_BYTES)),
    ...sheetCellLines(results.workloads.map(({ run }) => run)),
  ];
}
