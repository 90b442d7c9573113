/**
 * The workbench model's reset, acting user and paste (emulator/workbench/workbench.ts), driven directly on
 * the built bundle (dist/), and what their requests accept (paste.ts, users.ts).
 */
import { resolve } from 'node:path';
import { Workbench } from '../../emulator/workbench/workbench';
import { parsePaste } from '../../emulator/workbench/paste';
import { parseActAs } from '../../emulator/workbench/users';

const BOB = 'bob.jones@example.com';
const fresh = () => new Workbench({ distDir: resolve('dist'), speed: 0 });

describe('workbench model', () => {
  it('reset puts back the seeded start: organisation, sheets, triggers, properties, clock, faults, user', () => {
    const workbench = fresh();
    const roster = workbench.world.spreadsheet.sheet('Roster');
    const start = workbench.google.clock.now();
    workbench.editCell('Roster', 2, 1, 'changed@example.com');
    workbench.world.spreadsheet.addSheet('Scratch');
    workbench.world.documentProperties.setProperty('k', 'v');
    workbench.run('installNightlySync', [], 'menu');
    workbench.advance(3600_000);
    workbench.injectFault('*', 500, 1);
    workbench.moveUser(BOB, '/Sales');
    workbench.actAs(BOB);
    workbench.speed = 600;

    workbench.reset();
    expect(workbench.world.spreadsheet.sheet('Roster')).toEqual(roster);
    expect(workbench.world.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual(['Sheet1', 'Roster', 'Rules']);
    expect(workbench.world.documentProperties.getProperty('k')).toBeNull();
    expect(workbench.world.triggers).toEqual([]);
    expect(workbench.google.clock.now()).toBe(start);
    expect(workbench.google.directory.people().find((p) => p.email === BOB)?.orgUnitPath).toBe('/Engineering');
    const state = workbench.state();
    expect(state).toMatchObject({ user: 'admin@example.com', google: { faults: [], activity: [], speed: 0, calls: 0 } });
  });

  it('acts as an active person of the Directory, and refuses anyone else', () => {
    const workbench = fresh();
    const users = workbench.state().users;
    expect(users[0]).toEqual({ email: 'admin@example.com', chatAdmin: true });
    expect(users).toContainEqual({ email: BOB, chatAdmin: false });
    expect(users.map((u) => u.email)).not.toContain('judy.wilson@example.com'); // suspended
    workbench.actAs(BOB);
    expect(workbench.state().user).toBe(BOB);
    expect(workbench.setup.view().chatAdmin).toBe(false);
    expect(() => workbench.actAs('judy.wilson@example.com')).toThrow(/can't sign in/);
    expect(() => workbench.actAs('pat.partner@gmail.com')).toThrow(/can't sign in/);
    expect(workbench.state().user).toBe(BOB);
    expect(() => parseActAs({})).toThrow(/email/);
  });

  it('pastes rows at a cell as typed, growing the sheet; ragged rows leave the rest blank; a refused cell writes nothing', () => {
    const workbench = fresh();
    const data = workbench.world.spreadsheet.sheetData('Sheet1')!;
    workbench.pasteCells('Sheet1', 999, 25, [['a', '1', 'x'], ['b'], ['c', '=1+1', 'z', 'extra']]);
    expect(data.maxRows).toBe(1001);
    expect(data.maxColumns).toBe(28);
    const rows = workbench.world.spreadsheet.sheet('Sheet1')!;
    expect(rows[998].slice(24)).toEqual(['a', '1', 'x', '']);
    expect(rows[1000].slice(24)).toEqual(['c', rows[1000][25], 'z', 'extra']);
    expect(workbench.world.spreadsheet.formulas('Sheet1')![1000][25]).toBe('=1+1');

    // A dropdown that rejects other values refuses the whole paste.
    data.cellForWrite(2, 2).validation = { criteria: 'VALUE_IN_LIST', values: ['add', 'remove'], showDropdown: true, allowInvalid: false };
    expect(() => workbench.pasteCells('Sheet1', 1, 1, [['first', 'x'], ['second', 'maybe']])).toThrow('Invalid: B2 accepts only add, remove.');
    expect(workbench.world.spreadsheet.sheet('Sheet1')![0][0]).toBe('');
    expect(() => parsePaste({ sheet: 'Sheet1', row: 0, column: 1, cells: [['a']] })).toThrow(/whole numbers/);
    expect(() => parsePaste({ sheet: 'Sheet1', row: 1, column: 1, cells: [[1]] })).toThrow(/rows of strings/);
  });
});
