/**
 * Drives Apps Script code in the emulator, one execution at a time through the one harness
 * (emulator/runtime/addon.ts), and keeps what the benchmark measures of each: its virtual start and end,
 * its Sheets calls by method, and which flushes were progress flushes.
 */
import { resolve } from 'node:path';
import { Google } from '../../emulator/google';
import { seededRandom } from '../../emulator/random';
import { AppsScriptWorld } from '../../emulator/gas/world';
import { watchFlushes } from '../../emulator/runtime/flushWatch';
import type { SheetsIo } from '../../emulator/gas/sheetsCost';
import { repeatUntilDone, runEntryPoint } from '../../emulator/runtime/addon';
import type { RunReport } from '../../src/shared/report';
import { ADMIN, type Workload } from './workload';

export interface ExecutionStats<T> {
  value?: T;
  error?: string;
  startAt: number;
  endAt: number;
  /** this execution's API calls are google.calls[callsFrom, callsTo) */
  callsFrom: number;
  callsTo: number;
  /** round trips to Sheets (emulator's count: every call but handle getters) */
  sheetCalls: number;
  /** Sheets calls of the progress flushes (their check, writes and flush): every flush but the final write's (flushWatch.ts) */
  progressFlushes: number;
  progressFlushCalls: number;
  sheetsByMethod: Record<string, number>;
  /** virtual ms its Sheets calls took (emulator/gas/sheetsCost.ts) */
  sheetsMs: number;
  /** cells read, and cells written and changed per sheet, row 1 apart (emulator/gas/sheetsCost.ts) */
  sheetsIo: SheetsIo;
}

/** One execution of `name` from the .js files of `folder` that `filter` keeps, through the one harness. */
export function execute<T>(world: AppsScriptWorld, name: string, folder: string, filter: (file: string) => boolean): ExecutionStats<T> {
  const startAt = world.google.clock.now();
  const callsFrom = world.google.calls.length;
  const watch = watchFlushes();
  const { value, error, sheetCalls } = runEntryPoint<T>(world, name, [], { user: ADMIN, distDir: folder, filter, beforeLoad: watch.beforeLoad, random: jitter.get(world) });
  const { progressFlushes, progressFlushCalls, sheetsByMethod, sheetsIo } = watch.cost();
  return {
    value, error, startAt, endAt: world.google.clock.now(), callsFrom, callsTo: world.google.calls.length, sheetCalls,
    progressFlushes, progressFlushCalls, sheetsByMethod, sheetsMs: sheetsIo.virtualMs, sheetsIo,
  };
}

const DIST = resolve('dist');
const isBundle = (file: string) => file.endsWith('.js');

/** A fresh Google (300 ms a call, default quotas) and spreadsheet holding the workload's roster. */
/** Each world's seeded Math.random for the script: the same bench run gives the same numbers. */
const jitter = new WeakMap<AppsScriptWorld, () => number>();
const JITTER_SEED = 20261205;

export function freshWorld(workload: Workload, latencyMs: number): { google: Google; world: AppsScriptWorld } {
  const google = new Google({ seed: workload.seed, latencyMs });
  const world = new AppsScriptWorld(google);
  world.spreadsheet.setSheet('Roster', workload.sheet);
  jitter.set(world, seededRandom(JITTER_SEED));
  return { google, world };
}

export function runAddOn<T = RunReport>(world: AppsScriptWorld, name: string): ExecutionStats<T> {
  return execute<T>(world, name, DIST, isBundle);
}

/** provisionRoster executions back to back (as the sidebar calls it) until no row is pending. */
export function driveUntilDone(world: AppsScriptWorld, maxExecutions = 100): ExecutionStats<RunReport>[] {
  return repeatUntilDone(() => runAddOn(world, 'provisionRoster'), maxExecutions);
}
