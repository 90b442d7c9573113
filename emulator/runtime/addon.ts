/**
 * The one harness that runs the built add-on (dist/Code.js) the way Apps Script does: each call of an entry
 * point is one execution with fresh globals, the bundle loaded into a vm context through gas-local. The
 * bundle tests, the benchmark, the workbench and the demo all run entry points through it.
 */
import { runInContext } from 'node:vm';
import { resolve } from 'node:path';
import { require as gasRequire } from 'gas-local';
import type { EmulatedGoogle } from '../gas/googleApi';
import type { AppsScriptWorld, Execution, StartExecutionOptions } from '../gas/world';
import type { RunReport } from '../../src/shared/report';

/** npm scripts and jest run from the project root; bundled scripts have no reliable __dirname. */
export const DEFAULT_DIST = resolve('dist');

export interface ExecutionOptions extends StartExecutionOptions {
  /** the folder whose script files are loaded; default dist/ */
  distDir?: string;
  /** which files of that folder are the script; default every .js file */
  filter?: (file: string) => boolean;
  /** sees the execution before the bundle loads: to change a global (a service Google answers differently) or watch it */
  beforeLoad?: (execution: Execution) => void;
  /**
   * The script's Math.random (default the vm's own): a benchmark seeds it, so retry jitter — the one thing
   * the add-on draws at random — gives the same run every time.
   */
  random?: () => number;
}

export interface ExecutionResult<T> {
  value?: T;
  /** what the execution threw, as Apps Script would log it (e.g. 'Exceeded maximum execution time') */
  error?: string;
  sheetCalls: number;
  urlFetchCalls: number;
  /** API requests of the execution: UrlFetchApp requests and advanced-service calls, as killAtCall counts them */
  apiCalls: number;
}

/** The message of whatever was thrown: errors from the vm's realm fail `instanceof Error`, and a script may throw anything. */
export function thrownMessage(thrown: unknown): string {
  return typeof thrown === 'object' && thrown !== null && 'message' in thrown ? String(thrown.message) : String(thrown);
}

/** Calls one global function of the bundle in a new execution and ends it (locks released), whatever happens. */
export function runEntryPoint<T>(
  world: AppsScriptWorld<EmulatedGoogle>,
  name: string,
  args: unknown[],
  options: ExecutionOptions,
): ExecutionResult<T> {
  const { distDir = DEFAULT_DIST, filter = (file: string) => file.endsWith('.js'), beforeLoad, random, ...start } = options;
  const execution = world.startExecution(start);
  const counts = () => ({
    sheetCalls: execution.counters.sheetCalls(),
    urlFetchCalls: execution.counters.urlFetchCalls,
    apiCalls: execution.counters.urlFetchCalls + execution.counters.advancedCalls,
  });
  try {
    beforeLoad?.(execution);
    const context = gasRequire(distDir, execution.globals, { filter });
    if (random) (runInContext('Math', context) as Math).random = random;
    const entry = context[name];
    if (typeof entry !== 'function') throw new Error(`${distDir} has no top-level function ${name}`);
    const value = entry(...args) as T;
    return { value, ...counts() };
  } catch (error) {
    return { error: thrownMessage(error), ...counts() };
  } finally {
    execution.end();
  }
}

/**
 * What the sidebar does: one execution after another while rows are pending. `runOne` runs one
 * provisionRoster (and may measure it); stops at the first that throws, or after `maxExecutions`.
 */
export function repeatUntilDone<R extends { error?: string; value?: RunReport }>(runOne: () => R, maxExecutions: number): R[] {
  const executions: R[] = [];
  for (let n = 0; n < maxExecutions; n++) {
    const result = runOne();
    executions.push(result);
    if (result.error || !result.value || result.value.pending === 0) break;
  }
  return executions;
}

/** provisionRoster through the harness until no row is pending (see repeatUntilDone). */
export function runUntilDone(
  world: AppsScriptWorld<EmulatedGoogle>, options: ExecutionOptions, maxExecutions: number,
): ExecutionResult<RunReport>[] {
  return repeatUntilDone(() => runEntryPoint<RunReport>(world, 'provisionRoster', [], options), maxExecutions);
}
