/**
 * The composition root: the Apps Script adapters built once per execution and handed to the core. Commands
 * call these instead of each other (DESIGN.md §1, as clasp keeps one root and one thin file per command).
 */
import { runExclusively } from '../core/run/exclusiveRun';
import { runRoster, type RunDeps } from '../core/run/runRoster';
import { confirmationFrom } from '../core/plan/planMirror';
import { ROSTER_SHEET } from '../core/sheet/readRoster';
import { SPACES_SHEET } from '../core/sheet/readSpaces';
import { RULES_SHEET } from '../core/sheet/readRules';
import { peopleDirectory } from './peopleDirectory';
import { reportWithMessage } from '../core/run/summary';
import type { RunMode, RunReport } from '../shared/report';
import { AppsScriptChatGateway } from './chatGateway';
import { ConsentError, requireGrants } from './consent';
import { AdminDirectoryLookup } from './directory';
import { appsScriptImportSources } from './importSources';
import { documentCache, documentMutex, documentStore, NoDocumentError, spreadsheetClock } from './platform';
import { sheetRunLog } from './runLogSheet';
import { documentProgressBoard } from './progressBoard';
import { adminAccessEnabled } from './settings';
import { SheetRosterStore } from './sheetStore';

export interface RunStart {
  /** Who or what started it, for the log; the running account when absent. */
  startedBy?: string;
  /** A new run over every row, even if some are PENDING. */
  fresh?: boolean;
  /**
   * The mirror removals the administrator confirmed in the sidebar (provisionRoster's argument, unchecked: it
   * comes from the browser). Absent (the nightly sync, a script): removals go ahead within Max removal %.
   */
  confirmation?: unknown;
  /** Called once the run holds the document lock, before it starts (never for a run told another is in progress). */
  started?: () => void;
}

/** Everything one run needs, from the Apps Script services of this execution. */
function runDeps(mode: RunMode, { startedBy, fresh, confirmation }: RunStart, useAdminAccess: boolean): RunDeps {
  const callerEmail = Session.getEffectiveUser().getEmail().toLowerCase();
  return {
    store: new SheetRosterStore(ROSTER_SHEET),
    spaces: new SheetRosterStore(SPACES_SHEET),
    rules: new SheetRosterStore(RULES_SHEET),
    people: peopleDirectory,
    chat: new AppsScriptChatGateway(),
    directory: new AdminDirectoryLookup(),
    emailsOf: appsScriptImportSources.emailsOf,
    clock: spreadsheetClock(),
    // A preview shows every mirror removal; an Apply from the sidebar makes none it hasn't had confirmed.
    options: { useAdminAccess, callerEmail, confirmation: mode === 'apply' && confirmation !== undefined ? confirmationFrom(confirmation) : undefined },
    state: documentStore(),
    cache: documentCache(),
    progress: documentProgressBoard(),
    log: sheetRunLog,
    startedBy: startedBy ?? callerEmail,
    fresh,
  };
}

/**
 * One execution's worth of a run: the permissions it needs checked first, then the core's run under the
 * document lock. A missing permission or document ends in the report's sentence, not an exception.
 */
export function runRosterNow(mode: RunMode, start: RunStart = {}): RunReport {
  try {
    const adminAccess = adminAccessEnabled();
    requireGrants('run', ...(adminAccess ? (['adminAccess'] as const) : []));
    return runExclusively(documentMutex(), mode, () => {
      start.started?.();
      return runRoster(runDeps(mode, start, adminAccess), mode);
    });
  } catch (error) {
    if (error instanceof NoDocumentError || error instanceof ConsentError) return reportWithMessage(mode, error.message);
    throw error;
  }
}
