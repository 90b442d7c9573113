/**
 * The sidebar and what it asks the server for. Everything returned crosses google.script.run, so it is
 * JSON-safe (src/shared). Preview and Apply are previewRoster / provisionRoster themselves; the sidebar
 * calls provisionRoster again while rows are PENDING (one call = one execution).
 */
import { WRITES_PER_MINUTE } from '../../core/apply/pacing';
import { parseRoster, ROSTER_SHEET } from '../../core/sheet/readRoster';
import { loadRecord, stopRecord } from '../../core/run/runRecord';
import { LOG_COLUMNS, LOG_FIELD_INDEX, LOG_HEADERS, LOG_KIND } from '../../core/run/logLayout';
import { keptSpaceLabels } from '../../core/run/spaceLabels';
import { rosterSummary } from '../../core/run/summary';
import type { LoggedRun, SidebarAction, SidebarState } from '../../shared/sidebar';
import type { StatusCounts } from '../../shared/statuses';
import { requireGrants } from '../consent';
import { documentCache, documentStore } from '../platform';
import { existingLogSheet } from '../runLogSheet';
import { adminAccessEnabled, nightlyHour } from '../settings';
import { hourlyTriggers } from '../hourlyTrigger';

const START_ACTION_KEY = 'chatRoster.sidebarStart';
const RECENT_RUNS = 5;
/** The log's Kind column is read upwards this many rows at a time, until RECENT_RUNS run rows are found. */
const SCAN_ROWS = 10_000;

function openSidebar(action: SidebarAction): void {
  requireGrants('sidebar');
  const properties = PropertiesService.getUserProperties();
  if (action) properties.setProperty(START_ACTION_KEY, action);
  else properties.deleteProperty(START_ACTION_KEY);
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Chat Roster');
  SpreadsheetApp.getUi().showSidebar(page);
}

export function showSidebar(): void {
  openSidebar(null);
}

/** Menu: Preview changes — the sidebar opens and starts the preview. */
export function showPreview(): void {
  openSidebar('preview');
}

/** Menu: Provision now — the sidebar opens, shows the plan and asks before applying. */
export function showProvision(): void {
  openSidebar('apply');
}

/** Menu: Check setup — the sidebar opens and shows the setup report. */
export function showCheckSetup(): void {
  openSidebar('check');
}

/** Menu: Import members… — the sidebar opens at its Import section. */
export function showImport(): void {
  openSidebar('import');
}

/** What the menu asked the sidebar to do, once. */
function takeStartAction(): SidebarAction {
  const properties = PropertiesService.getUserProperties();
  const action = properties.getProperty(START_ACTION_KEY);
  if (action) properties.deleteProperty(START_ACTION_KEY);
  return action === 'preview' || action === 'apply' || action === 'check' || action === 'import' ? action : null;
}

/** The sheet rows of the last run rows of the log, newest first (change rows in between are skipped). */
function lastRunRows(sheet: GoogleAppsScript.Spreadsheet.Sheet): number[] {
  const found: number[] = [];
  for (let end = sheet.getLastRow(); end >= 2 && found.length < RECENT_RUNS; end -= SCAN_ROWS) {
    const start = Math.max(2, end - SCAN_ROWS + 1);
    const kinds = sheet.getRange(start, LOG_FIELD_INDEX.kind + 1, end - start + 1, 1).getValues();
    for (let at = kinds.length - 1; at >= 0 && found.length < RECENT_RUNS; at--) {
      if (kinds[at][0] === LOG_KIND.run) found.push(start + at);
    }
  }
  return found;
}

/** The last runs of the Chat Roster Log: its run rows only, newest first. */
function recentRuns(): LoggedRun[] {
  const sheet = existingLogSheet();
  if (!sheet) return [];
  const text = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value ?? ''));
  const at = LOG_FIELD_INDEX;
  return lastRunRows(sheet).map((sheetRow) => {
    const [row] = sheet.getRange(sheetRow, 1, 1, LOG_HEADERS.length).getValues();
    const counts: StatusCounts = {};
    LOG_COLUMNS.forEach((column, index) => {
      if ('status' in column && Number(row[index]) > 0) counts[column.status] = Number(row[index]);
    });
    return {
      run: text(row[at.run]), started: text(row[at.started]), finished: text(row[at.finished]),
      executions: text(row[at.executions]), startedBy: text(row[at.startedBy]), summary: text(row[at.summary]), counts,
    };
  });
}

/** Whether this user's hourly trigger is installed here (false without the trigger permission to ask). */
function hasHourlyTrigger(): boolean {
  try {
    return hourlyTriggers().length > 0;
  } catch {
    return false;
  }
}

export function getSidebarState(): SidebarState {
  requireGrants('sidebar');
  const sheet = SpreadsheetApp.getActive().getSheetByName(ROSTER_SHEET);
  const parsed = sheet ? parseRoster(sheet.getDataRange().getValues()) : null;
  const record = loadRecord(documentStore());
  return {
    user: Session.getEffectiveUser().getEmail(),
    roster: parsed && parsed.ok ? rosterSummary(parsed.rows, keptSpaceLabels(documentCache())) : null,
    rosterProblem: !sheet ? `There is no ${ROSTER_SHEET} sheet yet.` : parsed && !parsed.ok ? parsed.message : '',
    adminAccess: adminAccessEnabled(),
    nightlyHour: nightlyHour(),
    run: record ? {
      id: record.id, executions: record.executions, startedBy: record.startedBy, stopped: record.stopped === true, continuesHourly: hasHourlyTrigger(),
    } : null,
    recentRuns: recentRuns(),
    writesPerMinute: WRITES_PER_MINUTE,
    startAction: takeStartAction(),
  };
}

/** Stop: the rows not done stay PENDING; Resume (the sidebar's button) continues them, the hourly trigger leaves them alone. */
export function stopRun(): string {
  return stopRecord(documentStore())
    ? 'Stopped. The rows not done yet stay PENDING: press Resume to continue with them.'
    : 'Nothing is running.';
}
