/**
 * The naive loop (naive.js) on a fresh Google with the same seed and roster: executions of the same 6 minutes,
 * back to back, each continuing from the row index the previous one left in document properties.
 */
import { resolve } from 'node:path';
import { execute, freshWorld, type ExecutionStats } from './drive';
import { summarize, type CallSummary } from './calls';
import { mismatches, type Workload } from './workload';

interface NaiveResult { done: boolean; nextRow: number; failures: number }

export interface NaiveRun {
  executions: ExecutionStats<NaiveResult>[];
  /** virtual ms from the first execution's start to the last one's end */
  timeMs: number;
  calls: CallSummary;
  /** rows whose create or patch threw (as the loop counted them) */
  failedRows: number;
  mismatch: { missing: number; wrongRole: number; extra: number };
  error?: string;
}

const FOLDER = resolve('scripts/bench');
const isNaive = (file: string) => file.endsWith('naive.js');

export function runNaive(workload: Workload, latencyMs: number, maxExecutions = 100): NaiveRun {
  const { google, world } = freshWorld(workload, latencyMs);
  const executions: ExecutionStats<NaiveResult>[] = [];
  let error: string | undefined;
  for (let n = 0; n < maxExecutions; n++) {
    const run = execute<NaiveResult>(world, 'naiveProvision', FOLDER, isNaive);
    executions.push(run);
    if (run.error) error = run.error;
    if (run.error || !run.value || run.value.done) break;
  }
  const first = executions[0];
  const last = executions[executions.length - 1];
  return {
    executions,
    timeMs: last.endAt - first.startAt,
    calls: summarize(google.calls),
    failedRows: executions.reduce((sum, run) => sum + (run.value?.failures ?? 0), 0),
    mismatch: mismatches(google, workload),
    error,
  };
}
