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
    expect(google.clock.now() - before).toBe(SHEETS_COST.roundTripMs + 200 * SHEETS_COST.readCellMs);
    expect(execution.sheetsIo.cellsRead).toBe(200);
  });

  it('keep writes in the write cache until a flush, or a read, commits them in a round trip', () => {
    const { google, SpreadsheetApp, sheet } = setup();
    const ms = (run: () => void) => {
      const before = google.clock.now();
      run();
      return google.clock.now() - before;
    };
    // The clock moves in whole milliseconds; fractions are carried to the next call.
    const about = (ms: number, expected: number) => expect(Math.abs(ms - expected)).toBeLessThan(1);
    about(ms(() => { for (let row = 2; row <= 51; row++) sheet.getRange(row, 2).setValue('ADDED'); }), 50 * (SHEETS_COST.writeCallMs + SHEETS_COST.writeCellMs));
    about(ms(() => SpreadsheetApp.flush()), SHEETS_COST.roundTripMs);
    sheet.getRange(2, 2).setValue('INVITED');
    about(ms(() => sheet.getRange(1, 1).getValue()), 2 * SHEETS_COST.roundTripMs + SHEETS_COST.readCellMs + SHEETS_COST.writeCallMs + SHEETS_COST.writeCellMs);
    about(ms(() => sheet.getRange(1, 1).getValue()), SHEETS_COST.roundTripMs + SHEETS_COST.readCellMs);
  });

  it('write one value into scattered cells in one call with a RangeList', () => {
    const { execution, sheet } = setup();
    const before = execution.counters.sheetCalls();
    sheet.getRangeList(['B2', 'B5:B7', 'B40']).setValue('ADDED');
    expect(execution.counters.sheetCalls() - before).toBe(1);
    expect(execution.sheetsIo.bySheet.Roster).toEqual({ written: 5, changed: 5, headerWritten: 0, headerChanged: 0 });
    const values = sheet.getRange(1, 2, 40, 1).getValues().map(([value]) => value);
    expect([2, 5, 6, 7, 40].map((row) => values[row - 1])).toEqual(['ADDED', 'ADDED', 'ADDED', 'ADDED', 'ADDED']);
    expect(values[2]).toBe('');
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
