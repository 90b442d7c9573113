/**
 * Runs the built add-on (dist/Code.js) the way Apps Script does: each call of an entry point is one
 * execution with fresh globals, the bundle loaded into a vm context through gas-local.
 */
import { resolve } from 'node:path';
import { require as gasRequire } from 'gas-local';
import type { EmulatedGoogle } from '../gas/googleApi';
import type { AppsScriptWorld } from '../gas/world';

/** npm scripts and jest run from the project root; bundled scripts have no reliable __dirname. */
export const DEFAULT_DIST = resolve('dist');

export interface ExecutionOptions {
  user: string;
  locale?: 'en' | 'es';
  timeLimitMs?: number;
  killAtCall?: number;
}

export interface ExecutionResult<T> {
  value?: T;
  /** what the execution threw, as Apps Script would log it (e.g. 'Exceeded maximum execution time') */
  error?: string;
  sheetCalls: number;
  urlFetchCalls: number;
}

/** Calls one global function of the bundle in a new execution and ends it (locks released), whatever happens. */
export function runEntryPoint<T>(
  world: AppsScriptWorld<EmulatedGoogle>,
  name: string,
  args: unknown[],
  options: ExecutionOptions,
  distDir: string = DEFAULT_DIST,
): ExecutionResult<T> {
  const execution = world.startExecution(options);
  try {
    const context = gasRequire(distDir, execution.globals, { filter: (file) => file.endsWith('.js') });
    const entry = context[name];
    if (typeof entry !== 'function') throw new Error(`dist/Code.js has no top-level function ${name}`);
    const value = entry(...args) as T;
    return { value, sheetCalls: execution.counters.sheetCalls(), urlFetchCalls: execution.counters.urlFetchCalls };
  } catch (error) {
    // Errors may come from the vm's realm, where `instanceof Error` is false.
    const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
    return { error: message, sheetCalls: execution.counters.sheetCalls(), urlFetchCalls: execution.counters.urlFetchCalls };
  } finally {
    execution.end();
  }
}
