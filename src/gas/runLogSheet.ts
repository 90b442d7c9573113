/** The Chat Roster Log sheet: one summary row per finished run, appended in one write. */
import type { RunLog } from '../core/ports';
import { LOG_HEADERS, LOG_SHEET } from '../core/run/runRecord';

/** The log sheet, created with its frozen header row when missing. */
export function logSheet(): GoogleAppsScript.Spreadsheet.Sheet {
  const spreadsheet = SpreadsheetApp.getActive();
  const existing = spreadsheet.getSheetByName(LOG_SHEET);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(LOG_SHEET);
  sheet.getRange(1, 1, 1, LOG_HEADERS.length).setValues([[...LOG_HEADERS]]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return sheet;
}

export const sheetRunLog: RunLog = {
  append(rows) {
    if (rows.length === 0) return;
    const sheet = logSheet();
    sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, rows[0].length).setValues(rows);
  },
};
