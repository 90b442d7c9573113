/**
 * Lays out one of Chat Roster's sheets (Roster, Spaces, Rules) for setupRosterSheet: missing headers appended after
 * the last used column (other columns untouched), a bold frozen header row, dropdowns, plain-text output
 * columns, widths that show a status whole, and one colour rule per status on the Status column (other
 * conditional rules kept).
 */
export interface SheetLayout {
  name: string;
  headers: readonly string[];
  /** Header → its dropdown's choices. */
  dropdowns: ReadonlyMap<string, readonly string[]>;
  /** Plain-text columns: those written by Chat Roster (nothing written there becomes a formula), and inputs kept as typed. */
  plainTextHeaders: readonly string[];
  /** Header → other names (lower-case) that stand for it: a sheet with one of them gets no second column. */
  aliases?: ReadonlyMap<string, readonly string[]>;
  /** Header → its width in pixels, set at every Set up (Sheets' default of 100 cuts statuses off). */
  widths?: ReadonlyMap<string, number>;
  /** The Status column's colours, in order. */
  colours: readonly { readonly status: string; readonly colour: string }[];
}

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

export function layOutSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, layout: SheetLayout): void {
  const sheet = spreadsheet.getSheetByName(layout.name) ?? spreadsheet.insertSheet(layout.name);
  const columns = headerColumns(sheet);
  let next = columns.size === 0 ? 1 : sheet.getLastColumn() + 1;
  for (const header of layout.headers) {
    const key = header.toLowerCase();
    if (columns.has(key) || layout.aliases?.get(header)?.some((alias) => columns.has(alias))) continue;
    sheet.getRange(1, next).setValue(header);
    columns.set(key, next++);
  }
  const lastColumn = Math.max(...columns.values());
  sheet.getRange(1, 1, 1, lastColumn).setFontWeight('bold');
  sheet.setFrozenRows(1);

  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  const column = (header: string) => columns.get(header.toLowerCase())!;
  for (const [header, choices] of layout.dropdowns) {
    const rule = SpreadsheetApp.newDataValidation().requireValueInList([...choices], true).setAllowInvalid(true).build();
    sheet.getRange(2, column(header), rows, 1).setDataValidation(rule);
  }
  for (const header of layout.plainTextHeaders) sheet.getRange(2, column(header), rows, 1).setNumberFormat('@');
  for (const [header, width] of layout.widths ?? []) sheet.setColumnWidth(column(header), width);

  const statusRange = sheet.getRange(2, column('Status'), rows, 1);
  const others = sheet.getConditionalFormatRules().filter(
    (rule) => !rule.getRanges().some((range) => range.getColumn() === statusRange.getColumn()),
  );
  const rules = layout.colours.map(({ status, colour }) =>
    SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(status).setBackground(colour).setRanges([statusRange]).build(),
  );
  sheet.setConditionalFormatRules([...others, ...rules]);
}
