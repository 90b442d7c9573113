/**
 * Range: a rectangle of one sheet, for one execution. Values follow sheetData.ts (formulas, apostrophes,
 * plain-text format). setValues checks the data's shape with Apps Script's messages, and list validation
 * that rejects invalid input (setAllowInvalid(false)) refuses values outside the list (stricter reading).
 * Not modelled: rich text, notes, merges, borders, fonts other than weight, sorting, copyTo, offsets,
 * Sheets' write batching. The arrays getValues returns are the host realm's: Array.isArray holds in the
 * script, `instanceof Array` doesn't (dates are the script's own Date).
 */
import { FakeDataValidation } from './sheetBuilders';
import type { SheetEnv, RangeRef } from './sheetEnv';
import { DEFAULT_NUMBER_FORMAT, a1Notation, applyWritten, columnLetters, displayValue, interpretInput, isDate, type Cell, type CellValue } from './sheetData';
import type { FakeSheet } from './sheet';
import { cellChanges } from './sheetsCost';

export class FakeRange {
  constructor(private readonly env: SheetEnv, readonly ref: RangeRef) {}

  private enter(method: string): void {
    this.env.enter(method, 'Range');
  }

  private get grid() {
    return this.ref.grid;
  }

  /** Calls `visit` for each cell position, row by row; returns the 2-D array of results. */
  private map<T>(visit: (row: number, column: number, r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.grid.numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.grid.numColumns; c++) row.push(visit(this.grid.row + r, this.grid.column + c, r, c));
      out.push(row);
    }
    return out;
  }

  private cell(row: number, column: number): Cell | undefined {
    return this.ref.data.cell(row, column);
  }

  private outValue(value: CellValue): CellValue {
    return isDate(value) ? this.env.ctx.newDate(value.getTime()) : value;
  }

  getRow(): number { this.enter('getRow'); return this.grid.row; }
  getColumn(): number { this.enter('getColumn'); return this.grid.column; }
  getNumRows(): number { this.enter('getNumRows'); return this.grid.numRows; }
  getNumColumns(): number { this.enter('getNumColumns'); return this.grid.numColumns; }
  getA1Notation(): string { this.enter('getA1Notation'); return a1Notation(this.grid); }
  getSheet(): FakeSheet { this.enter('getSheet'); return this.env.sheet(this.ref.data); }

  /** A value read's cells, charged on the virtual clock (sheetsCost.ts). */
  private readCells(): void {
    this.env.read(this.grid.numRows * this.grid.numColumns);
  }

  getValues(): CellValue[][] {
    this.enter('getValues');
    this.readCells();
    return this.map((row, column) => this.outValue(this.cell(row, column)?.value ?? ''));
  }

  getValue(): CellValue {
    this.enter('getValue');
    this.env.read(1);
    return this.outValue(this.cell(this.grid.row, this.grid.column)?.value ?? '');
  }

  getDisplayValues(): string[][] {
    this.enter('getDisplayValues');
    this.readCells();
    return this.map((row, column) => displayValue(this.cell(row, column), this.env.doc.timeZone));
  }

  getDisplayValue(): string {
    this.enter('getDisplayValue');
    this.env.read(1);
    return displayValue(this.cell(this.grid.row, this.grid.column), this.env.doc.timeZone);
  }

  getFormulas(): string[][] {
    this.enter('getFormulas');
    this.readCells();
    return this.map((row, column) => this.cell(row, column)?.formula ?? '');
  }

  setValues(values: unknown[][]): this {
    this.enter('setValues');
    if (!Array.isArray(values) || !values.every((row) => Array.isArray(row))) {
      throw this.env.ctx.error("The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.");
    }
    if (values.length !== this.grid.numRows) {
      throw this.env.ctx.error(`The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.grid.numRows}.`);
    }
    for (const row of values) {
      if (row.length !== this.grid.numColumns) {
        throw this.env.ctx.error(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.grid.numColumns}.`);
      }
    }
    this.write((r, c) => values[r][c]);
    return this;
  }

  /** Sets every cell of the range to `value`, as Range.setValue does. */
  setValue(value: unknown): this {
    this.enter('setValue');
    this.write(() => value);
    return this;
  }

  /** Not Apps Script: RangeList.setValue's part for this range, inside that one call. */
  fill(value: unknown): void {
    this.write(() => value);
  }

  /** Checks every cell first, then writes: a refused value leaves the range untouched. */
  private write(input: (r: number, c: number) => unknown): void {
    const written = this.map((row, column, r, c) => interpretInput(input(r, c), this.cell(row, column)?.format, this.env.doc.timeZone));
    this.map((row, column, r, c) => {
      const validation = this.cell(row, column)?.validation;
      const value = written[r][c];
      if (validation && !validation.allowInvalid && value.value !== '' && !validation.values.includes(displayValue({ ...value }, this.env.doc.timeZone))) {
        throw this.env.ctx.error(`The data you entered in cell ${columnLetters(column)}${row} violates the data validation rules set on this cell.`);
      }
    });
    const cells: { row: number; changed: boolean }[] = [];
    this.map((row, column, r, c) => {
      cells.push({ row, changed: cellChanges(this.cell(row, column), written[r][c]) });
      applyWritten(this.ref.data.cellForWrite(row, column), written[r][c]);
    });
    this.env.wrote(this.ref.data, cells);
  }

  setNumberFormat(format: string): this {
    this.enter('setNumberFormat');
    this.map((row, column) => (this.ref.data.cellForWrite(row, column).format = String(format)));
    return this;
  }

  setNumberFormats(formats: string[][]): this {
    this.enter('setNumberFormats');
    if (formats.length !== this.grid.numRows || formats.some((row) => row.length !== this.grid.numColumns)) {
      throw this.env.ctx.error(`The number of rows in the data does not match the number of rows in the range. The data has ${formats.length} but the range has ${this.grid.numRows}.`);
    }
    this.map((row, column, r, c) => (this.ref.data.cellForWrite(row, column).format = String(formats[r][c])));
    return this;
  }

  getNumberFormats(): string[][] {
    this.enter('getNumberFormats');
    return this.map((row, column) => this.cell(row, column)?.format ?? DEFAULT_NUMBER_FORMAT);
  }

  getNumberFormat(): string {
    this.enter('getNumberFormat');
    return this.cell(this.grid.row, this.grid.column)?.format ?? DEFAULT_NUMBER_FORMAT;
  }

  setDataValidation(rule: FakeDataValidation | null): this {
    this.enter('setDataValidation');
    const data = rule === null ? undefined : rule.data;
    this.map((row, column) => {
      const cell = this.ref.data.cellForWrite(row, column);
      if (data) cell.validation = data;
      else delete cell.validation;
    });
    return this;
  }

  getDataValidations(): (FakeDataValidation | null)[][] {
    this.enter('getDataValidations');
    return this.map((row, column) => {
      const data = this.cell(row, column)?.validation;
      return data ? new FakeDataValidation(data) : null;
    });
  }

  getDataValidation(): FakeDataValidation | null {
    this.enter('getDataValidation');
    const data = this.cell(this.grid.row, this.grid.column)?.validation;
    return data ? new FakeDataValidation(data) : null;
  }

  setFontWeight(weight: string | null): this {
    this.enter('setFontWeight');
    this.map((row, column) => (this.ref.data.cellForWrite(row, column).fontWeight = weight ?? undefined));
    return this;
  }

  getFontWeights(): string[][] {
    this.enter('getFontWeights');
    return this.map((row, column) => this.cell(row, column)?.fontWeight ?? 'normal');
  }

  setBackground(color: string | null): this {
    this.enter('setBackground');
    this.map((row, column) => (this.ref.data.cellForWrite(row, column).background = color ?? undefined));
    return this;
  }

  getBackgrounds(): string[][] {
    this.enter('getBackgrounds');
    return this.map((row, column) => this.cell(row, column)?.background ?? '#ffffff');
  }

  /** Clears contents (values and formulas), keeping formats and validation, like Range.clearContent. */
  clearContent(): this {
    this.enter('clearContent');
    const cells: { row: number; changed: boolean }[] = [];
    this.map((row, column) => {
      const cell = this.cell(row, column);
      cells.push({ row, changed: cellChanges(cell, { value: '' }) });
      if (cell) {
        cell.value = '';
        delete cell.formula;
      }
    });
    this.env.wrote(this.ref.data, cells);
    return this;
  }
}
