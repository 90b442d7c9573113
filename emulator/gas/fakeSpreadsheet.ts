/**
 * The spreadsheet document that persists across executions, with a small test API (not Apps Script):
 * `sheet(name)` reads display values, `setSheet(name, rows)` seeds a sheet as if a user typed the rows,
 * `formulas(name)` shows which cells became formulas, `sheetData(name)` gives the raw cells.
 */
import { SheetData, applyWritten, displayValue, interpretInput } from './sheetData';

export class FakeSpreadsheet {
  readonly sheets: SheetData[] = [new SheetData('Sheet1')];

  constructor(
    readonly id: string,
    public name: string,
    public timeZone: string,
  ) {}

  sheetData(name: string): SheetData | undefined {
    return this.sheets.find((sheet) => sheet.name === name);
  }

  /** Adds a sheet of Sheets' default size (1000 × 26); throws the Sheets message on a duplicate name. */
  addSheet(name: string): SheetData {
    if (this.sheetData(name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = new SheetData(name);
    this.sheets.push(sheet);
    return sheet;
  }

  /** Display values of the sheet's data range (what a user sees), or undefined when there is no such sheet. */
  sheet(name: string): string[][] | undefined {
    const sheet = this.sheetData(name);
    if (!sheet) return undefined;
    const rows: string[][] = [];
    const lastColumn = sheet.lastColumn();
    for (let r = 1; r <= sheet.lastRow(); r++) {
      const row: string[] = [];
      for (let c = 1; c <= lastColumn; c++) row.push(displayValue(sheet.cell(r, c), this.timeZone));
      rows.push(row);
    }
    return rows;
  }

  /** The formula text of each cell of the data range ('' where the cell holds no formula). */
  formulas(name: string): string[][] | undefined {
    const sheet = this.sheetData(name);
    if (!sheet) return undefined;
    const rows: string[][] = [];
    for (let r = 1; r <= sheet.lastRow(); r++) {
      const row: string[] = [];
      for (let c = 1; c <= sheet.lastColumn(); c++) row.push(sheet.cell(r, c)?.formula ?? '');
      rows.push(row);
    }
    return rows;
  }

  /** Creates or replaces a sheet holding `rows` from A1, each value read as typed by a user. */
  setSheet(name: string, rows: unknown[][]): void {
    const index = this.sheets.findIndex((sheet) => sheet.name === name);
    const width = Math.max(26, ...rows.map((row) => row.length));
    const sheet = new SheetData(name, Math.max(1000, rows.length), width);
    rows.forEach((row, r) =>
      row.forEach((input, c) => {
        const written = interpretInput(input, undefined, this.timeZone);
        if (written.value !== '' || written.formula !== undefined) applyWritten(sheet.cellForWrite(r + 1, c + 1), written);
      }),
    );
    if (index >= 0) this.sheets[index] = sheet;
    else this.sheets.push(sheet);
  }
}
