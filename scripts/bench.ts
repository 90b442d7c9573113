/**
 * `npm run bench`: the targets of DESIGN.md §5 measured on the emulator's virtual clock (300 ms per API call,
 * the real quotas), printed and written to bench/REPORT.md. Exits 1 when a ratio target fails (targets.ts).
 * `npm run bench -- <workload id>… [--no-plan-speed]` runs only those: a partial report, printed, not written.
 * Pieces: scripts/bench/workloads.ts (the workloads as data), workload.ts (rosters and seeds), conditions.ts
 * (faults, another user of the budget), drive.ts (executions), scenarios.ts (the add-on's runs), naive.ts +
 * naive.js (the naive loop), targets.ts (verdicts), report.ts + reportTables.ts (markdown).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { runNaive } from './bench/naive';
import { FRESH_RUNS, measurePlanSpeed, medianSpeed, type PlanSpeed } from './bench/planSpeed';
import { renderReport } from './bench/report';
import { converge, secondRun, type SecondRun } from './bench/scenarios';
import { lines, type Results, type WorkloadResult } from './bench/targets';
import { WORKLOADS, type WorkloadSpec } from './bench/workloads';

const LATENCY_MS = 300;

function step<T>(label: string, work: () => T): T {
  const started = performance.now();
  process.stderr.write(`bench: ${label}… `);
  const value = work();
  process.stderr.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return value;
}

const PLAN_FLAG = '--plan-speed-once';

/**
 * measurePlanSpeed() in FRESH_RUNS fresh processes (this bundle run with PLAN_FLAG), each stage's median: each run pays
 * its own JIT warm-up as an execution would, and no emulator heap weighs on it (as planSpeed.ts's own main).
 */
function planSpeed(): { speed: PlanSpeed | null; note?: string } {
  try {
    const runs: PlanSpeed[] = [];
    for (let run = 0; run < FRESH_RUNS; run++) {
      const output = execFileSync(process.execPath, ['--max-old-space-size=4096', __filename, PLAN_FLAG], { encoding: 'utf8' });
      runs.push(JSON.parse(output.trim().split('\n').pop() ?? '{}') as PlanSpeed);
    }
    return {
      speed: medianSpeed(runs),
      note: `the ${FRESH_RUNS} runs' ratios: ${runs.map((r) => r.ratio).join(', ')}; totals: ${runs.map((r) => r.totalMs).join(', ')} ms`,
    };
  } catch (error) {
    return { speed: null, note: `measurePlanSpeed failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}

/** Runs the workloads named on the command line (by id), or all of them. */
function chosen(): WorkloadSpec[] {
  const ids = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  return ids.length === 0 ? WORKLOADS : WORKLOADS.filter((spec) => ids.includes(spec.id));
}

function main(): void {
  const started = performance.now();
  const plan = process.argv.includes('--no-plan-speed') ? { speed: null, note: 'skipped (--no-plan-speed)' } : step('parse + plan 1,000,000 rows', planSpeed);
  const codeBytes = statSync('dist/Code.js').size;
  let second: SecondRun | undefined;
  const workloads: WorkloadResult[] = chosen().map((spec) => {
    const workload = spec.build();
    const run = step(`${spec.id}`, () => converge(workload, LATENCY_MS, spec.conditions));
    second ??= step('second run', () => secondRun(run));
    const naive = step(`${spec.id}, naive loop`, () => runNaive(workload, LATENCY_MS, spec.conditions));
    return { spec, run, naive };
  });
  const results: Results = { workloads, second: second!, planSpeed: plan.speed, planSpeedNote: plan.note, codeBytes };

  const report = renderReport(results, { date: new Date().toISOString(), realMs: performance.now() - started });
  // A partial run (some workloads, or no parse + plan) prints its report and leaves bench/REPORT.md alone.
  if (workloads.length === WORKLOADS.length && plan.speed) {
    mkdirSync('bench', { recursive: true });
    writeFileSync('bench/REPORT.md', report);
  }
  console.log(report);
  const failed = lines(results).filter((line) => line.hard && line.verdict === 'FAIL');
  console.log(failed.length === 0
    ? 'bench: every ratio target PASSED (report in bench/REPORT.md)'
    : `bench: ${failed.length} ratio target(s) FAILED: ${failed.map((line) => `${line.section} ${line.measure}`).join('; ')} (report in bench/REPORT.md)`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}

if (process.argv.includes(PLAN_FLAG)) console.log(JSON.stringify(measurePlanSpeed()));
else main();
