/**
 * What the SpreadsheetApp handles (Spreadsheet, Sheet, Range) share within one execution, and the
 * definition of a "Sheets call".
 *
 * Counting: every method call on SpreadsheetApp, Spreadsheet, Sheet, Range and RangeList is counted by name in
 * `counters.sheets`. `counters.sheetCalls()` counts **round trips to Sheets**: every such call except
 * those in HANDLE_CALLS, which only hand out a handle or read the handle's own coordinates (getActive,
 * getSheetByName, getRange, getDataRange, getUi, getRow, …). So getValues, setValues, setNumberFormat,
 * appendRow, flush, getLastRow, toast … are round trips; getRange is not. Stricter reading: a method not
 * listed in HANDLE_CALLS is a round trip (real Apps Script batches some writes until the next read or
 * flush; this count ignores that batching and so never flatters).
 */
import type { ExecutionContext } from './execution';
import type { FakeSpreadsheet } from './fakeSpreadsheet';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { GridRange, SheetData } from './sheetData';
import type { SheetsCost, SheetsIo } from './sheetsCost';

export const HANDLE_CALLS: ReadonlySet<string> = new Set([
  'getActive', 'getActiveSpreadsheet', 'getActiveSheet', 'getSheetByName', 'getSheets', 'getRange', 'getDataRange',
  'getUi', 'getId', 'getName', 'getUrl', 'getSheet', 'getParent', 'getRow', 'getColumn', 'getNumRows',
  'getNumColumns', 'getA1Notation', 'newConditionalFormatRule', 'newDataValidation', 'getRangeList', 'getRanges',
]);

export const isRoundTrip = (method: string): boolean => !HANDLE_CALLS.has(method);

export type SpreadsheetClass = 'SpreadsheetApp' | 'Spreadsheet' | 'Sheet' | 'Range' | 'RangeList';

/** A range as stored: the sheet and its cells' coordinates. */
export interface RangeRef {
  data: SheetData;
  grid: GridRange;
}

export interface SheetEnv {
  readonly ctx: ExecutionContext;
  readonly doc: FakeSpreadsheet;
  /**
   * counts the call by method name, checks the execution is alive and holds `Class.method`'s scopes, and
   * charges a round trip's virtual time (sheetsCost.ts)
   */
  enter(method: string, className: SpreadsheetClass): void;
  /** what this execution's Sheets calls moved and cost (sheetsCost.ts) */
  readonly io: SheetsIo;
  /** the cost model; null = Sheets calls are free on the virtual clock */
  readonly cost: SheetsCost | null;
  /** `cells` cells read by a value read: their cost passes on the virtual clock */
  read(cells: number): void;
  /** a value write into `data`: each cell's row and whether it changed; their cost passes on the virtual clock */
  wrote(data: SheetData, cells: readonly { row: number; changed: boolean }[]): void;
  sheet(data: SheetData): FakeSheet;
  range(ref: RangeRef): FakeRange;
  /** the stored coordinates behind a Range handle of this execution (undefined for anything else) */
  rangeRef(range: unknown): RangeRef | undefined;
}
