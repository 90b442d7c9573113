/**
 * Sheet: one tab of the spreadsheet, for one execution. getRange checks the sheet's bounds with Apps
 * Script's messages (a new sheet has 1000 rows × 26 columns; appendRow grows it).
 * getRangeList gives a RangeList whose setValue writes one value into every cell of its ranges in one call
 * (its other methods are not modelled).
 * Not modelled: insert/delete rows and columns, hiding, protection, charts, filters, named ranges;
 * autoResizeColumns records nothing but the call.
 */
import { FakeRange } from './range';
import { FakeConditionalFormatRule } from './sheetBuilders';
import type { SheetEnv } from './sheetEnv';
import { applyWritten, interpretInput, parseA1, type GridRange, type SheetData } from './sheetData';
import { cellChanges } from './sheetsCost';
import type { FakeSpreadsheetHandle } from './spreadsheetHandle';

/** RangeList: several ranges of one sheet; setValue writes the same value into every cell of them, in one call. */
export class FakeRangeList {
  constructor(private readonly env: SheetEnv, private readonly ranges: FakeRange[]) {}

  getRanges(): FakeRange[] {
    this.env.enter('getRanges', 'RangeList');
    return [...this.ranges];
  }

  setValue(value: unknown): this {
    this.env.enter('setValue', 'RangeList');
    for (const range of this.ranges) range.fill(value);
    return this;
  }
}

export class FakeSheet {
  constructor(private readonly env: SheetEnv, readonly data: SheetData, private readonly parent: () => FakeSpreadsheetHandle) {}

  private enter(method: string): void {
    this.env.enter(method, 'Sheet');
  }

  getName(): string { this.enter('getName'); return this.data.name; }
  getParent(): FakeSpreadsheetHandle { this.enter('getParent'); return this.parent(); }
  getMaxRows(): number { this.enter('getMaxRows'); return this.data.maxRows; }
  getMaxColumns(): number { this.enter('getMaxColumns'); return this.data.maxColumns; }
  getLastRow(): number { this.enter('getLastRow'); return this.data.lastRow(); }
  getLastColumn(): number { this.enter('getLastColumn'); return this.data.lastColumn(); }
  getFrozenRows(): number { this.enter('getFrozenRows'); return this.data.frozenRows; }

  getRange(rowOrA1: number | string, column?: number, numRows = 1, numColumns = 1): FakeRange {
    this.enter('getRange');
    if (typeof rowOrA1 === 'string') {
      const grid = parseA1(rowOrA1, this.data.maxRows, this.data.maxColumns);
      if (!grid) throw this.env.ctx.error('Range not found');
      return this.rangeAt(grid);
    }
    if (column === undefined) throw this.env.ctx.error("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    return this.rangeAt({ row: rowOrA1, column, numRows, numColumns });
  }

  /** Ranges in A1 notation ('E2:E5', 'F9'), for one call to write them all (RangeList.setValue). */
  getRangeList(a1Notations: string[]): FakeRangeList {
    this.enter('getRangeList');
    return new FakeRangeList(this.env, a1Notations.map((a1) => {
      const grid = parseA1(a1, this.data.maxRows, this.data.maxColumns);
      if (!grid) throw this.env.ctx.error('Range not found');
      return this.rangeAt(grid);
    }));
  }

  getDataRange(): FakeRange {
    this.enter('getDataRange');
    return this.rangeAt({ row: 1, column: 1, numRows: Math.max(this.data.lastRow(), 1), numColumns: Math.max(this.data.lastColumn(), 1) });
  }

  private rangeAt(grid: GridRange): FakeRange {
    const { ctx } = this.env;
    if (grid.row < 1) throw ctx.error('The starting row of the range is too small.');
    if (grid.column < 1) throw ctx.error('The starting column of the range is too small.');
    if (grid.numRows < 1) throw ctx.error('The number of rows in the range must be at least 1.');
    if (grid.numColumns < 1) throw ctx.error('The number of columns in the range must be at least 1.');
    if (grid.row + grid.numRows - 1 > this.data.maxRows || grid.column + grid.numColumns - 1 > this.data.maxColumns) {
      throw ctx.error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this.env.range({ data: this.data, grid });
  }

  setFrozenRows(rows: number): this {
    this.enter('setFrozenRows');
    this.data.frozenRows = rows;
    return this;
  }

  /** Writes after the last row with content, growing the sheet when it is full. */
  appendRow(values: unknown[]): this {
    this.enter('appendRow');
    const row = this.data.lastRow() + 1;
    this.data.maxRows = Math.max(this.data.maxRows, row);
    this.data.maxColumns = Math.max(this.data.maxColumns, values.length);
    const cells = values.map((input, index) => {
      const cell = this.data.cellForWrite(row, index + 1);
      const written = interpretInput(input, cell.format, this.env.doc.timeZone);
      const changed = cellChanges(cell, written);
      applyWritten(cell, written);
      return { row, changed };
    });
    this.env.wrote(this.data, cells);
    return this;
  }

  /** Inserts blank rows after a row, growing the sheet (the range past the last row may then be written). */
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.enter('insertRowsAfter');
    const { ctx } = this.env;
    if (afterPosition < 1 || afterPosition > this.data.maxRows) throw ctx.error('The coordinates of the range are outside the dimensions of the sheet.');
    if (howMany < 1) throw ctx.error('The number of rows to insert must be at least 1.');
    this.data.insertRows(afterPosition, howMany);
    return this;
  }

  /** Deletes rows; the rows below move up. Sheets refuses to delete every row that isn't frozen. */
  deleteRows(rowPosition: number, howMany: number): void {
    this.enter('deleteRows');
    const { ctx } = this.env;
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.data.maxRows) {
      throw ctx.error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    if (howMany >= this.data.maxRows - this.data.frozenRows) throw ctx.error('Sorry, it is not possible to delete all non-frozen rows.');
    this.data.deleteRows(rowPosition, howMany);
  }

  clear(): this {
    this.enter('clear');
    this.data.clear();
    return this;
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.enter('getConditionalFormatRules');
    return this.data.conditionalRules.map((rule) => new FakeConditionalFormatRule(rule, this.env, this.data.name));
  }

  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): this {
    this.enter('setConditionalFormatRules');
    this.data.conditionalRules = rules.map((rule) => ({ ...rule.data, ranges: rule.data.ranges.map((grid) => ({ ...grid })) }));
    return this;
  }

  autoResizeColumns(startColumn: number, numColumns: number): this {
    this.enter('autoResizeColumns');
    for (let c = startColumn; c < startColumn + numColumns; c++) this.data.columnWidths.delete(c);
    return this;
  }

  setColumnWidth(column: number, width: number): this {
    this.enter('setColumnWidth');
    this.data.columnWidths.set(column, width);
    return this;
  }

  getColumnWidth(column: number): number {
    this.enter('getColumnWidth');
    return this.data.columnWidths.get(column) ?? 100;
  }
}
