/** SpreadsheetApp fake: shapes, formula injection, typed values, bounds, persistence and call counting. */
import { AppsScriptWorld, typed } from '../../../emulator/gas/world';
import { StubGoogle } from './stubGoogle';

const USER = 'admin@example.com';

function setup() {
  const world = new AppsScriptWorld(new StubGoogle());
  const execution = world.startExecution({ user: USER });
  const { SpreadsheetApp } = typed(execution);
  const sheet = SpreadsheetApp.getActive().insertSheet('Roster');
  return { world, execution, SpreadsheetApp, sheet };
}

describe('Range.setValues', () => {
  it('refuses data whose rows or columns do not match the range, with Apps Script messages', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([['a', 'b']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([['a', 'b', 'c']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  it('turns a leading = or a non-numeric +/-/@ into a formula, unless apostrophe-prefixed or in a plain-text cell', () => {
    const { world, sheet } = setup();
    sheet.getRange(1, 3, 3, 1).setNumberFormat('@');
    sheet.getRange(1, 1, 3, 3).setValues([
      ['=HYPERLINK("http://evil")', "'=1+1", '=SUM(A1)'],
      ['-cmd', "'-cmd", '+x'],
      ['@x', '-5', '007'],
    ]);
    expect(world.spreadsheet.formulas('Roster')).toEqual([
      ['=HYPERLINK("http://evil")', '', ''],
      ['-cmd', '', ''],
      ['@x', '', ''],
    ]);
    expect(world.spreadsheet.sheet('Roster')).toEqual([
      ['#ERROR!', '=1+1', '=SUM(A1)'],
      ['#ERROR!', '-cmd', '+x'],
      ['#ERROR!', '-5', '007'],
    ]);
    // Outside a plain-text cell, '-5' is the number -5.
    expect(sheet.getRange(3, 2).getValue()).toBe(-5);
    expect(sheet.getRange(3, 3).getValue()).toBe('007');
  });

  it('keeps numbers, booleans and dates typed', () => {
    const { sheet } = setup();
    const when = new Date(Date.UTC(2026, 0, 5, 14, 30, 0));
    sheet.getRange(1, 1, 1, 4).setValues([[42, true, when, 'TRUE']]);
    const [row] = sheet.getRange(1, 1, 1, 4).getValues();
    expect(row[0]).toBe(42);
    expect(row[1]).toBe(true);
    expect((row[2] as Date).getTime()).toBe(when.getTime());
    expect(row[3]).toBe(true);
    expect(sheet.getRange(1, 1, 1, 4).getDisplayValues()[0]).toEqual(['42', 'TRUE', '1/5/2026 9:30:00', 'TRUE']);
  });

  it('reads a date-like string as a Date, as Sheets does with typed text, except in a plain-text cell', () => {
    const { sheet } = setup();
    sheet.getRange(1, 2).setNumberFormat('@');
    sheet.getRange(1, 1, 1, 2).setValues([['2026-01-05 09:00:02', '2026-01-05 09:00:02']]);
    const [[asDate, asText]] = sheet.getRange(1, 1, 1, 2).getValues();
    expect((asDate as Date).getTime()).toBe(Date.UTC(2026, 0, 5, 14, 0, 2));
    expect(asText).toBe('2026-01-05 09:00:02');
    expect(sheet.getRange(1, 1, 1, 2).getDisplayValues()).toEqual([['2026-01-05 9:00:02', '2026-01-05 09:00:02']]);
  });

  it('refuses a value outside a rejecting dropdown, and accepts anything when invalid input is allowed', () => {
    const { SpreadsheetApp, sheet } = setup();
    const strict = SpreadsheetApp.newDataValidation().requireValueInList(['Member', 'Owner'], true).setAllowInvalid(false).build();
    sheet.getRange(2, 1, 5, 1).setDataValidation(strict);
    expect(() => sheet.getRange(2, 1).setValue('Boss')).toThrow('violates the data validation rules');
    sheet.getRange(2, 1).setValue('Owner');
    sheet.getRange(2, 2).setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['a']).setAllowInvalid(true).build());
    sheet.getRange(2, 2).setValue('zzz');
    expect(sheet.getRange(2, 1, 1, 2).getValues()).toEqual([['Owner', 'zzz']]);
    expect(sheet.getRange(3, 1).getDataValidations()[0][0]?.getCriteriaValues()[0]).toEqual(['Member', 'Owner']);
  });
});

describe('Sheet', () => {
  it('throws outside the sheet and grows on appendRow', () => {
    const { sheet } = setup();
    expect(sheet.getMaxRows()).toBe(1000);
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['next', 2]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1, 1, 2).getValues()).toEqual([['next', 2]]);
  });

  it('reads A1 notation and a data range sized by content', () => {
    const { sheet } = setup();
    sheet.getRange('B2:C3').setValues([['a', 'b'], ['c', 'd']]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C3');
    expect(sheet.getRange('C:C').getNumRows()).toBe(1000);
    expect(sheet.getRange('B3').getValue()).toBe('c');
  });

  it('keeps conditional format rules with their ranges across executions', () => {
    const { world, execution, SpreadsheetApp, sheet } = setup();
    const status = sheet.getRange(2, 5, 10, 1);
    sheet.setConditionalFormatRules([SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('ADDED').setBackground('#d9ead3').setRanges([status]).build()]);
    execution.end();
    const next = typed(world.startExecution({ user: USER }));
    const rules = next.SpreadsheetApp.getActive().getSheetByName('Roster')!.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    expect(rules[0].getRanges()[0].getA1Notation()).toBe('E2:E11');
  });

  it('refuses a duplicate sheet name', () => {
    const { SpreadsheetApp } = setup();
    expect(() => SpreadsheetApp.getActive().insertSheet('Roster')).toThrow('A sheet with the name "Roster" already exists.');
  });
});

describe('Sheet.insertRowsAfter and Sheet.deleteRows', () => {
  it('a full sheet refuses a range past its last row until rows are inserted', () => {
    const { world, sheet } = setup();
    const grid = Array.from({ length: 1000 }, (_, i) => [`r${i + 1}`]);
    sheet.getRange(1, 1, 1000, 1).setValues(grid);
    expect(() => sheet.getRange(1001, 1, 2, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getMaxRows()).toBe(1005);
    sheet.getRange(1001, 1, 2, 1).setValues([['x'], ['y']]);
    expect(world.spreadsheet.sheet('Roster')!.slice(998).map(([cell]) => cell)).toEqual(['r999', 'r1000', 'x', 'y']);
  });

  it('inserts blank rows between rows, and deletes rows moving those below up', () => {
    const { world, sheet } = setup();
    sheet.getRange(1, 1, 4, 1).setValues([['h'], ['a'], ['b'], ['c']]);
    sheet.insertRowsAfter(2, 1);
    expect(world.spreadsheet.sheet('Roster')!.map(([cell]) => cell)).toEqual(['h', 'a', '', 'b', 'c']);
    sheet.deleteRows(2, 2);
    expect(world.spreadsheet.sheet('Roster')!.map(([cell]) => cell)).toEqual(['h', 'b', 'c']);
    expect(sheet.getMaxRows()).toBe(999);
  });

  it('refuses to delete every row that is not frozen', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 999)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
  });
});

describe('counting Sheets calls', () => {
  it('counts getValues, setValues and flush as round trips and handle getters not', () => {
    const { world } = setup();
    world.spreadsheet.setSheet('Roster', [['Member', 'Space'], ['a@example.com', 'spaces/A']]);
    const execution = world.startExecution({ user: USER });
    const { SpreadsheetApp } = typed(execution);
    const sheet = SpreadsheetApp.getActive().getSheetByName('Roster')!;
    const values = sheet.getDataRange().getValues();
    sheet.getRange(2, 3, 1, 1).setValues([['ADDED']]);
    SpreadsheetApp.flush();
    expect(values).toEqual([['Member', 'Space'], ['a@example.com', 'spaces/A']]);
    expect(execution.counters.sheets).toMatchObject({ getActive: 1, getSheetByName: 1, getDataRange: 1, getValues: 1, getRange: 1, setValues: 1, flush: 1 });
    expect(execution.counters.sheetCalls()).toBe(3);
  });

  it('counts a per-cell loop as one round trip per cell', () => {
    const { execution, sheet } = setup();
    const before = execution.counters.sheetCalls();
    for (let row = 1; row <= 10; row++) sheet.getRange(row, 1).setValue(row);
    expect(execution.counters.sheetCalls() - before).toBe(10);
  });
});

describe('Ui', () => {
  it('records the add-on menu, even in AuthMode.NONE, where the document itself is out of reach', () => {
    const world = new AppsScriptWorld(new StubGoogle());
    const execution = world.startExecution({ user: USER, authMode: 'NONE' });
    const { SpreadsheetApp } = typed(execution);
    SpreadsheetApp.getUi().createAddonMenu().addItem('Preview changes', 'previewRoster').addSeparator().addItem('Provision now', 'provisionRoster').addToUi();
    expect(execution.ui.menus).toEqual([
      { name: 'Chat Roster', items: [{ caption: 'Preview changes', functionName: 'previewRoster' }, { caption: 'Provision now', functionName: 'provisionRoster' }] },
    ]);
    expect(() => SpreadsheetApp.getActive()).toThrow('Authorization is required to perform that action.');
  });

  it('has no Ui in a time-driven execution', () => {
    const world = new AppsScriptWorld(new StubGoogle());
    const { SpreadsheetApp } = typed(world.startExecution({ user: USER, fromTrigger: true }));
    expect(() => SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('records sidebars and alerts', () => {
    const world = new AppsScriptWorld(new StubGoogle());
    const execution = world.startExecution({ user: USER });
    const { SpreadsheetApp, HtmlService } = typed(execution);
    SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>hi</p>').setTitle('Chat Roster'));
    SpreadsheetApp.getUi().alert('Done');
    expect(execution.ui.sidebars).toEqual([{ title: 'Chat Roster', html: '<p>hi</p>' }]);
    expect(execution.ui.alerts).toEqual(['Done']);
  });
});
