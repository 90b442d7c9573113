/** The Sheets cost model (emulator/gas/sheetsCost.ts): virtual time per round trip and per cell, cells written vs changed. */
import { SHEETS_COST } from '../../../emulator/gas/sheetsCost';
import { AppsScriptWorld, typed, type WorldOptions } from '../../../emulator/gas/world';
import { StubGoogle } from './stubGoogle';

const USER = 'admin@example.com';

function setup(options: WorldOptions = {}) {
  const google = new StubGoogle();
  const world = new AppsScriptWorld(google, options);
  world.spreadsheet.setSheet('Roster', [['Member', 'Status'], ...Array.from({ length: 99 }, (_, i) => [`p${i}@example.com`, ''])]);
  const execution = world.startExecution({ user: USER });
  const { SpreadsheetApp } = typed(execution);
  const sheet = SpreadsheetApp.getActive().getSheetByName('Roster')!;
  return { google, execution, SpreadsheetApp, sheet };
}

describe('Sheets calls on the virtual clock', () => {
  it('cost a round trip each and a price per cell read; handing out a range costs nothing', () => {
    const { google, execution, sheet } = setup();
    const before = google.clock.now();
    const range = sheet.getRange(1, 1, 100, 2);
    expect(google.clock.now()).toBe(before);
    range.getValues();
    expect(google.clock.now() - before).toBe(Math.ceil(SHEETS_COST.roundTripMs) + Math.ceil(200 * SHEETS_COST.readCellMs));
    expect(execution.sheetsIo.cellsRead).toBe(200);
  });

  it('make a cell-by-cell loop cost a round trip per cell, and one block one round trip', () => {
    const { google, sheet } = setup();
    const start = google.clock.now();
    for (let row = 2; row <= 51; row++) sheet.getRange(row, 2).setValue('ADDED');
    const loop = google.clock.now() - start;
    sheet.getRange(52, 2, 50, 1).setValues(Array.from({ length: 50 }, () => ['ADDED']));
    const block = google.clock.now() - start - loop;
    // Each call's time is rounded up to a whole millisecond.
    expect(loop).toBe(50 * (SHEETS_COST.roundTripMs + Math.ceil(SHEETS_COST.writeCellMs)));
    expect(block).toBe(SHEETS_COST.roundTripMs + Math.ceil(50 * SHEETS_COST.writeCellMs));
  });

  it('are free with sheetsCost: null, for tests that time nothing else', () => {
    const { google, sheet } = setup({ sheetsCost: null });
    const before = google.clock.now();
    sheet.getDataRange().getValues();
    sheet.getRange(2, 2, 10, 1).setValues(Array.from({ length: 10 }, () => ['X']));
    expect(google.clock.now()).toBe(before);
  });
});

describe('cells written and changed', () => {
  it('count every cell a write covers, and apart those whose value changes and those in row 1', () => {
    const { execution, sheet } = setup();
    sheet.getRange(1, 2, 3, 1).setValues([['Status'], ['ADDED'], ['']]);
    sheet.getRange(2, 2, 2, 1).setValues([['ADDED'], ['INVITED']]);
    expect(execution.sheetsIo.bySheet.Roster).toEqual({ written: 5, changed: 2, headerWritten: 1, headerChanged: 0 });
  });

  it('see a formula replacing text of the same look as a change', () => {
    const { execution, sheet } = setup();
    sheet.getRange(2, 2).setValue('=1');
    sheet.getRange(2, 2).setValue("'=1");
    expect(execution.sheetsIo.bySheet.Roster).toMatchObject({ written: 2, changed: 2 });
  });
});
