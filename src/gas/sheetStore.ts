/** The Roster sheet through SpreadsheetApp: one getValues to read (all of it, or some rows), one setValues per block to write. */
import type { CellBlock, RosterStore } from '../core/ports';

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

  flush(): void {
    SpreadsheetApp.flush();
  }
}
