/**
 * The Chat Roster Log sheet (core/run/logLayout.ts): the RunLog port. The core reads its last row once per
 * execution and appends each batch of rows in one write (core/run/logAppender.ts).
 */
import type { RunLog } from '../core/ports';
import { LOG_HEADERS, LOG_SHEET } from '../core/run/logLayout';

/** Rows added beyond a batch when the log sheet is full. */
const GROW_ROWS = 5_000;

/** The log sheet, or null when there is none yet. */
export function existingLogSheet(): GoogleAppsScript.Spreadsheet.Sheet | null {
  return SpreadsheetApp.getActive().getSheetByName(LOG_SHEET);
}

/** A new log sheet with its frozen header row. */
function newLogSheet(): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = SpreadsheetApp.getActive().insertSheet(LOG_SHEET);
  sheet.getRange(1, 1, 1, LOG_HEADERS.length).setValues([[...LOG_HEADERS]]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return sheet;
}

/** The log sheet, created with its frozen header row when missing (setupRosterSheet makes it up front). */
export function logSheet(): GoogleAppsScript.Spreadsheet.Sheet {
  return existingLogSheet() ?? newLogSheet();
}

export const sheetRunLog: RunLog = {
  lastRow() {
    const existing = existingLogSheet();
    if (!existing) {
      newLogSheet();
      return 1;
    }
    return existing.getLastRow();
  },
  write(row, rows) {
    if (rows.length === 0) return;
    const sheet = logSheet();
    let range: GoogleAppsScript.Spreadsheet.Range;
    try {
      range = sheet.getRange(row, 1, rows.length, rows[0].length);
    } catch {
      // Past the sheet's last row ("outside the dimensions of the sheet"): grow it by the batch and room for
      // GROW_ROWS more, so that growing is one call every GROW_ROWS rows logged, not one per batch.
      sheet.insertRowsAfter(row - 1, rows.length + GROW_ROWS);
      range = sheet.getRange(row, 1, rows.length, rows[0].length);
    }
    range.setValues(rows);
  },
  deleteRows(first, count) {
    logSheet().deleteRows(first, count);
  },
};
