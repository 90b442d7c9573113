/**
 * The naive loop (naive.js) on a fresh Google with the same seed and roster, under the same conditions
 * (faults, another user of the budget): executions of the same 6 minutes, back to back, each continuing
 * from the row index the previous one left in document properties. A pass is one walk through the roster;
 * the loop retries nothing, so while Chat doesn't match the roster after a pass the administrator runs it
 * again from the top (generous to it: an oracle tells when to stop), up to MAX_PASSES.
 */
import { resolve } from 'node:path';
import { execute, freshWorld, type ExecutionStats } from './drive';
import { summarize, type CallSummary } from './calls';
import { applyConditions, type Conditions } from './conditions';
import { mismatches, rosterSheet, type Workload } from './workload';

interface NaiveResult { done: boolean; nextRow: number; failures: number }

export interface NaiveRun {
  executions: ExecutionStats<NaiveResult>[];
  /** virtual ms from the first execution's start to the last one's end */
  timeMs: number;
  /** walks through the roster */
  passes: number;
  calls: CallSummary;
  /** rows whose create or patch threw (as the loop counted them), over every pass */
  failedRows: number;
  mismatch: { missing: number; wrongRole: number; extra: number };
  /** Chat matches the roster at the end */
  converged: boolean;
  error?: string;
}

const FOLDER = resolve('scripts/bench');
const isNaive = (file: string) => file.endsWith('naive.js');
export const MAX_PASSES = 4;

export function runNaive(workload: Workload, latencyMs: number, conditions: Conditions = {}, maxExecutions = 200): NaiveRun {
  // A rule's people become roster rows for the naive loop (it has no rules).
  const { google, world } = freshWorld({ ...workload, sheet: rosterSheet(workload.rows) }, latencyMs);
  applyConditions(google, world, conditions);
  const executions: ExecutionStats<NaiveResult>[] = [];
  let error: string | undefined;
  let passes = 0;
  let mismatch = mismatches(google, workload);
  for (let n = 0; n < maxExecutions; n++) {
    const run = execute<NaiveResult>(world, 'naiveProvision', FOLDER, isNaive);
    executions.push(run);
    if (run.error || !run.value) {
      error = run.error ?? 'no result';
      break;
    }
    if (!run.value.done) continue;
    passes++;
    mismatch = mismatches(google, workload);
    if (mismatch.missing + mismatch.wrongRole + mismatch.extra === 0 || passes >= MAX_PASSES) break;
  }
  const first = executions[0];
  const last = executions[executions.length - 1];
  return {
    executions, passes, mismatch, error,
    timeMs: last.endAt - first.startAt,
    calls: summarize(google.calls),
    failedRows: executions.reduce((sum, run) => sum + (run.value?.failures ?? 0), 0),
    converged: !error && mismatch.missing + mismatch.wrongRole + mismatch.extra === 0,
  };
}
