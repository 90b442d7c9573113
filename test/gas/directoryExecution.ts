/**
 * Runs adapter code inside an execution of the emulated Apps Script, with the globals the Directory adapters
 * reach (AdminDirectory, Session; UrlFetchApp and ScriptApp for REST) set as Apps Script sets them, under the
 * shipped manifest (its urlFetchWhitelist is enforced), so src/gas adapters are tested through the fakes.
 */
import type { Google } from '../../emulator/google';
import { AppsScriptWorld } from '../../emulator/gas/world';
import shippedManifest from '../../appsscript.json';

const GLOBALS = ['AdminDirectory', 'Session', 'UrlFetchApp', 'ScriptApp'] as const;
const scope = globalThis as Record<string, unknown>;

/** `run` as `user` (with the manifest's scopes, or those given); the globals are removed afterwards. */
export function inDirectoryExecution<T>(google: Google, user: string, run: () => T, options: { scopes?: string[] } = {}): T {
  const world = new AppsScriptWorld(google, { manifest: shippedManifest, ...(options.scopes ? { scopes: options.scopes } : {}) });
  const execution = world.startExecution({ user });
  for (const name of GLOBALS) scope[name] = execution.globals[name];
  try {
    return run();
  } finally {
    execution.end();
    for (const name of GLOBALS) delete scope[name];
  }
}
