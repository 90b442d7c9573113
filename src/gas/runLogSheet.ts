/**
 * The Chat Roster Log sheet (core/run/logLayout.ts): the RunLog port. The core reads its last row once per
 * execution and appends each batch of rows in one write (core/run/logAppender.ts).
 *
 * A log begun before change rows existed has the older header (Run, Started, …). Its rows stay as they are;
 * the first append after the upgrade writes the current header under them, and the new rows go below it.
 * A document property records that the log has the current layout, so its header is read once, not per run.
 */
import type { RunLog } from '../core/ports';
import { LOG_HEADERS, LOG_SHEET } from '../core/run/logLayout';
import { documentStore } from './platform';

/** Rows added beyond a batch when the log sheet is full. */
const GROW_ROWS = 5_000;
/** Set once the log sheet has the current header (as its first row, or under the rows of an older one). */
const LAYOUT_KEY = 'chatRoster.logLayout';
const LAYOUT = String(LOG_HEADERS.length);

/** The log sheet, or null when there is none yet. */
export function existingLogSheet(): GoogleAppsScript.Spreadsheet.Sheet | null {
  return SpreadsheetApp.getActive().getSheetByName(LOG_SHEET);
}

/**
 * A new log sheet with its frozen header row, and GROW_ROWS rows more than Sheets' first 1,000: a run's
 * first thousands of change rows then need no call to grow it (setupRosterSheet makes it up front).
 */
function newLogSheet(): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = SpreadsheetApp.getActive().insertSheet(LOG_SHEET);
  sheet.getRange(1, 1, 1, LOG_HEADERS.length).setValues([[...LOG_HEADERS]]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  sheet.insertRowsAfter(1, GROW_ROWS);
  documentStore().set(LAYOUT_KEY, LAYOUT);
  return sheet;
}

/** The log sheet, created with its frozen header row when missing (setupRosterSheet makes it up front). */
export function logSheet(): GoogleAppsScript.Spreadsheet.Sheet {
  return existingLogSheet() ?? newLogSheet();
}

/**
 * The range of `rows` rows from `row` down. Past the sheet's last row Sheets throws ("outside the dimensions
 * of the sheet"): the sheet then grows by them and GROW_ROWS more, so growing is one call every GROW_ROWS rows.
 */
function rowsAt(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number, rows: number, columns = LOG_HEADERS.length): GoogleAppsScript.Spreadsheet.Range {
  try {
    return sheet.getRange(row, 1, rows, columns);
  } catch {
    sheet.insertRowsAfter(row - 1, rows + GROW_ROWS);
    return sheet.getRange(row, 1, rows, columns);
  }
}

/**
 * The batch without the columns blank in every row (a change row leaves the run row's counts blank): the rows
 * below the log's end are blank already, and every cell written costs Sheets time (DESIGN.md §5).
 */
function withoutBlankTail(rows: string[][]): string[][] {
  const width = Math.max(1, ...rows.map((cells) => {
    let last = cells.length;
    while (last > 0 && cells[last - 1] === '') last--;
    return last;
  }));
  return rows.map((cells) => cells.slice(0, width));
}

/** A log whose header is not the current one gets the current header under its last row; returns the new last row. */
function withCurrentHeader(sheet: GoogleAppsScript.Spreadsheet.Sheet, last: number): number {
  const store = documentStore();
  if (store.get(LAYOUT_KEY) === LAYOUT) return last;
  const [header] = sheet.getRange(1, 1, 1, LOG_HEADERS.length).getValues();
  const current = header.every((cell, index) => String(cell) === LOG_HEADERS[index]);
  if (!current) rowsAt(sheet, last + 1, 1).setValues([[...LOG_HEADERS]]).setFontWeight('bold');
  store.set(LAYOUT_KEY, LAYOUT);
  return current ? last : last + 1;
}

export const sheetRunLog: RunLog = {
  lastRow() {
    const existing = existingLogSheet();
    if (!existing) {
      newLogSheet();
      return 1;
    }
    return withCurrentHeader(existing, existing.getLastRow());
  },
  write(row, rows) {
    if (rows.length === 0) return;
    const cells = withoutBlankTail(rows);
    rowsAt(logSheet(), row, cells.length, cells[0].length).setValues(cells);
  },
  deleteRows(first, count) {
    logSheet().deleteRows(first, count);
  },
};
