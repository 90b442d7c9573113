/** The Roster sheet through SpreadsheetApp: one getValues to read (all of it, or some rows), one setValues per block to write. */
import type { CellBlock, RosterStore, ValueRun } from '../core/ports';

/** 'E' for column 5 (A1 notation). */
function letters(column: number): string {
  let text = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

export class SheetRosterStore implements RosterStore {
  constructor(private readonly sheetName: string) {}

  private sheet(): GoogleAppsScript.Spreadsheet.Sheet | null {
    return SpreadsheetApp.getActive().getSheetByName(this.sheetName);
  }

  read(): unknown[][] | null {
    const sheet = this.sheet();
    return sheet ? sheet.getDataRange().getValues() : null;
  }

  readRows(first: number, count: number, width: number): unknown[][] | null {
    const sheet = this.sheet();
    return sheet ? sheet.getRange(first, 1, count, width).getValues() : null;
  }

  write(blocks: CellBlock[]): void {
    if (blocks.length === 0) return;
    const sheet = this.sheet();
    if (!sheet) return;
    for (const block of blocks) {
      if (block.values.length === 0) continue;
      sheet.getRange(block.row, block.column, block.values.length, block.values[0].length).setValues(block.values);
    }
  }

  writeRuns(runs: ValueRun[]): void {
    const sheet = this.sheet();
    if (!sheet) return;
    for (const run of runs) {
      const column = letters(run.column);
      const a1 = run.rows.map(({ first, last }) => (first === last ? `${column}${first}` : `${column}${first}:${column}${last}`));
      sheet.getRangeList(a1).setValue(run.value);
    }
  }

  flush(): void {
    SpreadsheetApp.flush();
  }
}
