/** setupRosterSheet: creates or repairs the Roster sheet without touching the administrator's other columns. */
import { OUTPUT_HEADERS, ROSTER_HEADERS, ROSTER_SHEET } from '../../core/sheet/readRoster';
import { STATUSES } from '../../shared/statuses';
import { requireGrants } from '../consent';
import { logSheet } from '../runLogSheet';

const ROLE_CHOICES = ['Member', 'Manager', 'Owner'];
const ACTION_CHOICES = ['add', 'remove'];

function headerColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet): Map<string, number> {
  const width = Math.max(sheet.getLastColumn(), 1);
  const headers = sheet.getRange(1, 1, 1, width).getValues()[0];
  const columns = new Map<string, number>();
  headers.forEach((value, index) => {
    const key = String(value).trim().toLowerCase();
    if (key && !columns.has(key)) columns.set(key, index + 1);
  });
  return columns;
}

export function setupRosterSheet(): string {
  requireGrants('sheet');
  const spreadsheet = SpreadsheetApp.getActive();
  const sheet = spreadsheet.getSheetByName(ROSTER_SHEET) ?? spreadsheet.insertSheet(ROSTER_SHEET);
  const columns = headerColumns(sheet);
  let next = columns.size === 0 ? 1 : sheet.getLastColumn() + 1;
  for (const header of ROSTER_HEADERS) {
    const key = header.toLowerCase();
    if (columns.has(key)) continue;
    sheet.getRange(1, next).setValue(header);
    columns.set(key, next++);
  }
  const lastColumn = Math.max(...columns.values());
  sheet.getRange(1, 1, 1, lastColumn).setFontWeight('bold');
  sheet.setFrozenRows(1);

  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  const column = (header: string) => columns.get(header.toLowerCase())!;
  const dropdown = (choices: string[]) =>
    SpreadsheetApp.newDataValidation().requireValueInList(choices, true).setAllowInvalid(true).build();
  sheet.getRange(2, column('Role'), rows, 1).setDataValidation(dropdown(ROLE_CHOICES));
  sheet.getRange(2, column('Action'), rows, 1).setDataValidation(dropdown(ACTION_CHOICES));
  // Output cells are plain text, so nothing written there becomes a formula.
  for (const header of OUTPUT_HEADERS) sheet.getRange(2, column(header), rows, 1).setNumberFormat('@');

  const statusRange = sheet.getRange(2, column('Status'), rows, 1);
  const others = sheet.getConditionalFormatRules().filter(
    (rule) => !rule.getRanges().some((range) => range.getColumn() === statusRange.getColumn()),
  );
  // One colour rule per status of the table: green for done, amber for waiting, red for problems, blue for preview.
  const rules = STATUSES.map(({ status, colour }) =>
    SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(status).setBackground(colour).setRanges([statusRange]).build(),
  );
  sheet.setConditionalFormatRules([...others, ...rules]);
  logSheet();
  const message = 'The Roster sheet is ready: one row per member and space; Role and Action are optional.';
  spreadsheet.toast(message, 'Chat Roster');
  return message;
}
