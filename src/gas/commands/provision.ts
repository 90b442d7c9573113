/** previewRoster / provisionRoster: wire the Apps Script adapters into the core's run, under the document lock. */
import { runRoster, type RunDeps } from '../../core/provision';
import { ROSTER_SHEET } from '../../core/roster';
import type { RunMode, RunReport } from '../../shared/report';
import { AppsScriptChatGateway } from '../chatGateway';
import { AdminDirectoryLookup } from '../directory';
import { appsScriptClock, documentCache, documentMutex, documentStore } from '../platform';
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

function runDeps({ startedBy, fresh }: RunStart): RunDeps {
  const callerEmail = Session.getEffectiveUser().getEmail().toLowerCase();
  return {
    store: new SheetRosterStore(ROSTER_SHEET),
    chat: new AppsScriptChatGateway(),
    directory: new AdminDirectoryLookup(),
    clock: appsScriptClock,
    options: { useAdminAccess: adminAccessEnabled(), callerEmail },
    state: documentStore(),
    cache: documentCache(),
    log: sheetRunLog,
    startedBy: startedBy ?? callerEmail,
    fresh,
  };
}

function busyReport(mode: RunMode): RunReport {
  return {
    mode, rows: 0, done: 0, pending: 0, counts: {}, bySpace: [],
    message: 'Another Chat Roster run is in progress in this spreadsheet. Its rows are untouched; try again when it has finished.',
  };
}

/** One execution's worth of a run, under the document lock (one run at a time per spreadsheet, whoever starts it). */
export function runLocked(mode: RunMode, start: RunStart = {}): RunReport {
  const mutex = documentMutex();
  if (!mutex.tryAcquire(LOCK_WAIT_MS)) return busyReport(mode);
  try {
    return runRoster(runDeps(start), mode);
  } finally {
    mutex.release();
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
