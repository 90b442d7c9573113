/**
 * The persistent spreadsheet document: sheets of cells with values, formulas, number formats, validation
 * and formatting. No Apps Script API here (see spreadsheetApp.ts for that); this is what survives between
 * executions and what tests inspect.
 *
 * A string written into a cell is read the way Sheets reads what a user types (stricter reading of the Range
 * reference: "begins with '=' … is interpreted as a formula"):
 * - leading apostrophe: plain text, apostrophe dropped;
 * - cell number format '@' (plain text): kept as written;
 * - leading '=', or '+'/'-'/'@' followed by something that isn't a number: a formula (never evaluated; its
 *   value reads as '#ERROR!', so tests can see an injection). '@' is the stricter reading: the Range
 *   reference names only '=', but spreadsheets in the Lotus line (Excel) read a typed '@x' as a formula;
 * - a number ('12', '-3.5', '1e3') becomes a number, 'TRUE'/'FALSE' a boolean;
 * - a date or date-time ('2026-01-05', '2026-01-05 09:00:02', '1/5/2026 9:00') becomes a Date in the
 *   spreadsheet's time zone, displayed in the pattern it was typed in (kept as the cell's number format,
 *   written in Utilities.formatDate letters rather than Sheets' own).
 * Not modelled: formula evaluation, percentages/currency typed as text, other date spellings, number
 * formats other than '@' and date patterns in display values, merged cells, protected ranges, cell limits.
 */
import { formatDate, zonedTime } from './dateFormat';

export type CellValue = string | number | boolean | Date;

export interface ValidationData {
  criteria: 'VALUE_IN_LIST';
  values: string[];
  showDropdown: boolean;
  allowInvalid: boolean;
}

export interface Cell {
  value: CellValue;
  formula?: string;
  /** number format; undefined = 'General' */
  format?: string;
  validation?: ValidationData;
  fontWeight?: string;
  background?: string;
}

export interface GridRange {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ConditionalRuleData {
  textEqualTo?: string;
  background?: string;
  fontColor?: string;
  ranges: GridRange[];
}

export const FORMULA_RESULT = '#ERROR!';
export const DEFAULT_NUMBER_FORMAT = 'General';
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** What a cell holds after `input` is written into it (see the header comment). */
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** A typed date: its instant and the display pattern it was typed in; undefined when it isn't one. */
function typedDate(text: string, timeZone: string): { value: Date; format: string } | undefined {
  const iso = ISO_DATE.exec(text);
  const us = iso ? null : US_DATE.exec(text);
  const match = iso ?? us;
  if (!match) return undefined;
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]].map(Number) : [match[3], match[1], match[2]].map(Number);
  const [hour, minute, second] = [match[4], match[5], match[6]].map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const datePattern = iso ? 'yyyy-MM-dd' : 'M/d/yyyy';
  const timePattern = match[4] === undefined ? '' : match[6] === undefined ? ' H:mm' : ' H:mm:ss';
  return { value: new Date(zonedTime(timeZone, year, month, day, hour, minute, second)), format: datePattern + timePattern };
}

export function interpretInput(input: unknown, format: string | undefined, timeZone: string): Pick<Cell, 'value' | 'formula' | 'format'> {
  if (input === null || input === undefined) return { value: '' };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  if (isDate(input)) return { value: new Date(input.getTime()) };
  const text = String(input);
  if (format === '@') return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed) };
  if (text.startsWith('=') || (text.length > 1 && /^[+\-@]/.test(text))) {
    return { value: FORMULA_RESULT, formula: text };
  }
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  return typedDate(trimmed, timeZone) ?? { value: text };
}

/** Stores what interpretInput made of an input; a typed date also sets the cell's format, as Sheets does. */
export function applyWritten(cell: Cell, written: Pick<Cell, 'value' | 'formula' | 'format'>): void {
  cell.value = written.value;
  if (written.formula === undefined) delete cell.formula;
  else cell.formula = written.formula;
  if (written.format !== undefined && (cell.format === undefined || cell.format === DEFAULT_NUMBER_FORMAT)) cell.format = written.format;
}

export function displayValue(cell: Cell | undefined, timeZone: string): string {
  if (!cell) return '';
  const value = cell.value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) {
    const pattern = cell.format && /[yd]/.test(cell.format) ? cell.format : 'M/d/yyyy H:mm:ss';
    return formatDate(value.getTime(), timeZone, pattern);
  }
  return String(value);
}

export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.formula !== undefined || cell.value !== '');
}

export class SheetData {
  /** row-major, 0-based, sparse */
  private readonly cells: (Cell | undefined)[][] = [];
  frozenRows = 0;
  conditionalRules: ConditionalRuleData[] = [];
  readonly columnWidths = new Map<number, number>();

  constructor(public name: string, public maxRows = 1000, public maxColumns = 26) {}

  cell(row: number, column: number): Cell | undefined {
    return this.cells[row - 1]?.[column - 1];
  }

  /** The cell, created if absent, for writing. */
  cellForWrite(row: number, column: number): Cell {
    const cells = (this.cells[row - 1] ??= []);
    return (cells[column - 1] ??= { value: '' });
  }

  lastRow(): number {
    for (let r = this.cells.length; r >= 1; r--) if (this.cells[r - 1]?.some(hasContent)) return r;
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.cells) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) if (hasContent(row[c - 1])) last = c;
    }
    return last;
  }

  /** Sheet.insertRowsAfter: `count` blank rows after `row`; the sheet grows by as many. */
  insertRows(row: number, count: number): void {
    if (this.cells.length > row) this.cells.splice(row, 0, ...Array.from({ length: count }, (): (Cell | undefined)[] => []));
    this.maxRows += count;
  }

  /** Sheet.deleteRows: `count` rows from `row` go; the rows below move up and the sheet shrinks. */
  deleteRows(row: number, count: number): void {
    this.cells.splice(row - 1, count);
    this.maxRows -= count;
  }

  /** Range.sort over rows `first`..`last` (what an administrator's Data › Sort range does): whole rows move. */
  sortRows(first: number, last: number, compare: (a: readonly (Cell | undefined)[], b: readonly (Cell | undefined)[]) => number): void {
    const rows = Array.from({ length: last - first + 1 }, (_, i) => this.cells[first - 1 + i] ?? []);
    rows.sort(compare);
    rows.forEach((row, i) => {
      this.cells[first - 1 + i] = row;
    });
  }

  /** Sheet.clear(): contents and formats go; data validation and conditional rules stay. */
  clear(): void {
    for (const row of this.cells) {
      if (!row) continue;
      row.forEach((cell, index) => {
        row[index] = cell?.validation ? { value: '', validation: cell.validation } : undefined;
      });
    }
  }
}

/** A1 notation for a grid range ('A1', 'B2:D10'). */
export function a1Notation(range: GridRange): string {
  const start = `${columnLetters(range.column)}${range.row}`;
  if (range.numRows === 1 && range.numColumns === 1) return start;
  return `${start}:${columnLetters(range.column + range.numColumns - 1)}${range.row + range.numRows - 1}`;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, char) => n * 26 + char.charCodeAt(0) - 64, 0);
}

/** Parses 'A1', 'A1:C3', 'A:C', '2:5', 'A2:C' against a sheet's size; null when it isn't A1 notation. */
export function parseA1(notation: string, maxRows: number, maxColumns: number): GridRange | null {
  const match = /^\$?([A-Za-z]*)\$?(\d*)(?::\$?([A-Za-z]*)\$?(\d*))?$/.exec(notation.trim());
  if (!match || (!match[1] && !match[2])) return null;
  const [, c1, r1, c2 = c1, r2End] = match;
  const hasEnd = match[3] !== undefined || match[4] !== undefined;
  const r2 = hasEnd ? r2End : r1;
  const column = c1 ? columnNumber(c1) : 1;
  const row = r1 ? Number(r1) : 1;
  const lastColumn = c2 ? columnNumber(c2) : maxColumns;
  const lastRow = r2 ? Number(r2) : maxRows;
  if (lastRow < row || lastColumn < column) return null;
  return { row, column, numRows: lastRow - row + 1, numColumns: lastColumn - column + 1 };
}
