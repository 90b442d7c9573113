/** previewRoster / provisionRoster: wire the Apps Script adapters into the core's run, under the document lock. */
import { runRoster, type RunDeps } from '../../core/provision';
import { ROSTER_SHEET } from '../../core/roster';
import type { RunMode, RunReport } from '../../shared/report';
import { AppsScriptChatGateway } from '../chatGateway';
import { AdminDirectoryLookup } from '../directory';
import { appsScriptClock, documentMutex, documentStore } from '../platform';
import { sheetRunLog } from '../runLogSheet';
import { adminAccessEnabled } from '../settings';
import { SheetRosterStore } from '../sheetStore';

/** How long a second run waits for the first before it is told one is in progress. */
const LOCK_WAIT_MS = 2000;

function runDeps(startedBy?: string): RunDeps {
  const callerEmail = Session.getEffectiveUser().getEmail().toLowerCase();
  return {
    store: new SheetRosterStore(ROSTER_SHEET),
    chat: new AppsScriptChatGateway(),
    directory: new AdminDirectoryLookup(),
    clock: appsScriptClock,
    options: { useAdminAccess: adminAccessEnabled(), callerEmail },
    state: documentStore(),
    log: sheetRunLog,
    startedBy: startedBy ?? callerEmail,
  };
}

function busyReport(mode: RunMode): RunReport {
  return {
    mode, rows: 0, done: 0, pending: 0, counts: {},
    message: 'Another Chat Roster run is in progress in this spreadsheet. Its rows are untouched; try again when it has finished.',
  };
}

/** One execution's worth of a run, under the document lock (one run at a time per spreadsheet, whoever starts it). */
export function runLocked(mode: RunMode, startedBy?: string): RunReport {
  const mutex = documentMutex();
  if (!mutex.tryAcquire(LOCK_WAIT_MS)) return busyReport(mode);
  try {
    return runRoster(runDeps(startedBy), mode);
  } finally {
    mutex.release();
  }
}

/** From the menu: the toast is the only feedback a menu item gets. */
function withToast(report: RunReport): RunReport {
  SpreadsheetApp.getActive().toast(report.message, 'Chat Roster');
  return report;
}

export function previewRoster(): RunReport {
  return withToast(runLocked('preview'));
}

export function provisionRoster(): RunReport {
  return withToast(runLocked('apply'));
}
