/** previewRoster / provisionRoster: wire the Apps Script adapters into the core's run, under the document lock. */
import { runRoster, type RunDeps } from '../../core/provision';
import { ROSTER_SHEET } from '../../core/roster';
import { reportWithMessage } from '../../core/summary';
import type { RunMode, RunReport } from '../../shared/report';
import { AppsScriptChatGateway } from '../chatGateway';
import { AdminDirectoryLookup } from '../directory';
import { ConsentError, requireGrants } from '../consent';
import { documentCache, documentMutex, documentStore, NoDocumentError, spreadsheetClock } from '../platform';
import { sheetRunLog } from '../runLogSheet';
import { adminAccessEnabled } from '../settings';
import { SheetRosterStore } from '../sheetStore';

/** How long a second run waits for the first before it is told one is in progress. */
const LOCK_WAIT_MS = 2000;

export interface RunStart {
  /** Who or what started it, for the log; the running account when absent. */
  startedBy?: string;
  /** A new run over every row, even if some are PENDING. */
  fresh?: boolean;
}

function runDeps({ startedBy, fresh }: RunStart, useAdminAccess: boolean): RunDeps {
  const callerEmail = Session.getEffectiveUser().getEmail().toLowerCase();
  return {
    store: new SheetRosterStore(ROSTER_SHEET),
    chat: new AppsScriptChatGateway(),
    directory: new AdminDirectoryLookup(),
    clock: spreadsheetClock(),
    options: { useAdminAccess, callerEmail },
    state: documentStore(),
    cache: documentCache(),
    log: sheetRunLog,
    startedBy: startedBy ?? callerEmail,
    fresh,
  };
}

const BUSY = 'Another Chat Roster run is in progress in this spreadsheet. Its rows are untouched; try again when it has finished.';

/** One execution's worth of a run, under the document lock (one run at a time per spreadsheet, whoever starts it). */
export function runLocked(mode: RunMode, start: RunStart = {}): RunReport {
  try {
    const adminAccess = adminAccessEnabled();
    requireGrants('run', ...(adminAccess ? (['adminAccess'] as const) : []));
    const mutex = documentMutex();
    if (!mutex.tryAcquire(LOCK_WAIT_MS)) return reportWithMessage(mode, BUSY);
    try {
      return runRoster(runDeps(start, adminAccess), mode);
    } finally {
      mutex.release();
    }
  } catch (error) {
    if (error instanceof NoDocumentError || error instanceof ConsentError) return reportWithMessage(mode, error.message);
    throw error;
  }
}

/** The sidebar's Preview: WOULD_* statuses, nothing changed in Chat. */
export function previewRoster(): RunReport {
  return runLocked('preview');
}

/** The sidebar's Apply: one execution's worth; the sidebar calls again while rows are PENDING. */
export function provisionRoster(): RunReport {
  return runLocked('apply');
}
