/**
 * What a user's typing and pasting writes into the emulated spreadsheet: each cell read as Sheets reads
 * typing ('=…' is a formula, numbers and dates convert, a leading apostrophe keeps text), a rejecting dropdown
 * refusing other values; a paste grows the sheet to fit and writes nothing when any cell is refused.
 */
import type { FakeSpreadsheet } from '../gas/fakeSpreadsheet';
import { applyWritten, interpretInput } from '../gas/sheetData';

/**
 * A user types `value` into a cell (1-based): read as Sheets reads typing ('=…' is a formula, numbers and
 * dates convert, a leading apostrophe keeps text). A rejecting dropdown refuses other values.
 */
export function editCell(spreadsheet: FakeSpreadsheet, sheetName: string, row: number, column: number, value: string): void {
  const data = spreadsheet.sheetData(sheetName);
  if (!data) throw new Error(`There is no sheet named ${sheetName}.`);
  if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1 || row > data.maxRows || column > data.maxColumns) {
    throw new Error(`Cell ${row}:${column} is outside the sheet.`);
  }
  const existing = data.cell(row, column);
  const validation = existing?.validation;
  if (validation && !validation.allowInvalid && value !== '' && !validation.values.includes(value)) {
    throw new Error(`Invalid: this cell accepts only ${validation.values.join(', ')}.`);
  }
  if (!existing && value === '') return;
  applyWritten(data.cellForWrite(row, column), interpretInput(value, existing?.format, spreadsheet.timeZone));
}

/**
 * A user pastes a block of text (rows of cells) with its top-left corner at row, column (1-based): each
 * cell is read as typed, the sheet grows to fit, and nothing is written when any cell is refused.
 */
export function pasteCells(spreadsheet: FakeSpreadsheet, sheetName: string, row: number, column: number, cells: string[][]): void {
  const data = spreadsheet.sheetData(sheetName);
  if (!data) throw new Error(`There is no sheet named ${sheetName}.`);
  if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1) throw new Error(`Cell ${row}:${column} is outside the sheet.`);
  const timeZone = spreadsheet.timeZone;
  const writes: { r: number; c: number; value: string }[] = [];
  cells.forEach((values, i) => values.forEach((value, j) => {
    const r = row + i;
    const c = column + j;
    const existing = data.cell(r, c);
    const validation = existing?.validation;
    if (validation && !validation.allowInvalid && value !== '' && !validation.values.includes(value)) {
      throw new Error(`Invalid: ${columnLetters(c)}${r} accepts only ${validation.values.join(', ')}.`);
    }
    if (existing || value !== '') writes.push({ r, c, value });
  }));
  // Sheets adds the rows and columns a paste needs.
  data.maxRows = Math.max(data.maxRows, row + cells.length - 1);
  data.maxColumns = Math.max(data.maxColumns, column + Math.max(0, ...cells.map((values) => values.length)) - 1);
  for (const { r, c, value } of writes) applyWritten(data.cellForWrite(r, c), interpretInput(value, data.cell(r, c)?.format, timeZone));
}

/** A1 notation's column letters (1 → A, 27 → AA). */
function columnLetters(column: number): string {
  let text = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}
