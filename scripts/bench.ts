/**
 * `npm run bench`: the targets of DESIGN.md §5 measured on the emulator's virtual clock (300 ms per API call,
 * the real quotas), printed and written to bench/REPORT.md. Exits 1 when a hard target fails.
 * Pieces: scripts/bench/workload.ts (rosters and seeds), drive.ts (executions), scenarios.ts (the add-on's
 * runs), naive.ts + naive.js (the naive loop), targets.ts (verdicts), report.ts (markdown).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { runNaive } from './bench/naive';
import { FRESH_RUNS, measurePlanSpeed, medianSpeed, type PlanSpeed } from './bench/planSpeed';
import { renderReport } from './bench/report';
import { converge, secondRun } from './bench/scenarios';
import { lines, type Results } from './bench/targets';
import { bigSpaceWorkload, throughputWorkload } from './bench/workload';

const LATENCY_MS = 300;
/** The throughput roster again, in an organisation whose directory has this many people. */
const LARGE_ORG_PEOPLE = 50_000;

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

function main(): void {
  const started = performance.now();
  const plan = step('parse + plan 1,000,000 rows', planSpeed);
  const codeBytes = statSync('dist/Code.js').size;
  const workload = throughputWorkload();
  const throughput = step('throughput, 10,000 rows', () => converge(workload, LATENCY_MS));
  const second = step('second run', () => secondRun(throughput));
  const naive = step('naive loop', () => runNaive(workload, LATENCY_MS));
  const big = step('one big space', () => converge(bigSpaceWorkload(), LATENCY_MS));
  const bigOrg = step('large organisation', () => converge(throughputWorkload(10_000, 40, LARGE_ORG_PEOPLE), LATENCY_MS));
  const results: Results = { throughput, naive, second, big, bigOrg, planSpeed: plan.speed, planSpeedNote: plan.note, codeBytes };

  const report = renderReport(results, { date: new Date().toISOString(), realMs: performance.now() - started });
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/REPORT.md', report);
  console.log(report);
  const failed = lines(results).filter((line) => line.hard && line.verdict === 'FAIL');
  console.log(failed.length === 0
    ? 'bench: every hard target PASSED (report in bench/REPORT.md)'
    : `bench: ${failed.length} hard target(s) FAILED: ${failed.map((line) => `${line.section} ${line.measure}`).join('; ')} (report in bench/REPORT.md)`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}

if (process.argv.includes(PLAN_FLAG)) console.log(JSON.stringify(measurePlanSpeed()));
else main();
