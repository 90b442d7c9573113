/**
 * A typed promise wrapper over google.script.run (reference/apps-script-limits.md §9). The global exists
 * only inside Apps Script's HtmlService (or a page that provides the same shape, like the workbench), so
 * its type is declared here and it is looked up at call time.
 *
 *   google.script.run.withSuccessHandler(fn).withFailureHandler(fn).functionName(...args)
 *
 * Arguments and results are JSON-safe values only; every call is one server execution; at most 10 calls
 * run at once (the sidebar keeps to one run call at a time plus the odd settings call).
 */
import type { LiveProgress, RemovalConfirmation, RunReport } from '../shared/report';
import type { ImportReport } from '../shared/importReport';
import type { SetupReport } from '../shared/setup';
import type { SidebarState } from '../shared/sidebar';

/** The server functions the sidebar calls: top-level functions of dist/Code.js (src/gas/main.ts). */
export interface ServerFunctions {
  getSidebarState(): SidebarState;
  previewRoster(): RunReport;
  provisionRoster(confirmation: RemovalConfirmation): RunReport;
  getProgress(): LiveProgress | null;
  stopRun(): string;
  installNightlySync(hour: number): string;
  removeNightlySync(): string;
  setAdminAccess(enabled: boolean): boolean;
  setupRosterSheet(options?: { rules?: boolean }): string;
  checkSetup(): SetupReport;
  importMemberships(spaces: string[]): ImportReport;
}

export type ServerName = keyof ServerFunctions;

type Calls = { [K in ServerName]: (...args: Parameters<ServerFunctions[K]>) => void };

/** The shape of google.script.run, as far as the sidebar uses it. */
export interface ScriptRun extends Calls {
  withSuccessHandler(handler: (value: unknown, userObject?: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown, userObject?: unknown) => void): ScriptRun;
}

interface GoogleScriptGlobal {
  google?: { script?: { run?: ScriptRun } };
}

/** google.script.run, or null outside Apps Script. */
export function scriptRun(): ScriptRun | null {
  const run = (globalThis as GoogleScriptGlobal).google?.script?.run;
  return run ?? null;
}

/** Calls a server function; resolves with its result, rejects with what the failure handler got. */
export function callServer<K extends ServerName>(
  name: K,
  ...args: Parameters<ServerFunctions[K]>
): Promise<ReturnType<ServerFunctions[K]>> {
  return new Promise((resolve, reject) => {
    const run = scriptRun();
    if (!run) {
      reject(new Error('google.script.run is not available: open Chat Roster from the spreadsheet menu.'));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerFunctions[K]>))
      .withFailureHandler((error) => reject(error));
    const call = runner[name] as unknown as (...callArgs: unknown[]) => void;
    try {
      call.apply(runner, args);
    } catch (error) {
      reject(error);
    }
  });
}
