/**
 * The Rules sheet in the built add-on: Set up roster sheet creates it on demand with its headers, a Role
 * dropdown, a frozen header and plain-text Source and output columns, and repairs it without touching other
 * columns. Without a demand it isn't created: every sheet a run finds costs each execution one more read.
 */
import { Google } from '../../emulator/google';
import { AppsScriptWorld, typed } from '../../emulator/gas/world';
import { ADMIN, testOrg } from './org';
import { HEADERS, run } from './provisionSuite';

function world(rules?: unknown[][]) {
  const w = new AppsScriptWorld(new Google({ seed: testOrg() }));
  w.spreadsheet.setSheet('Roster', [HEADERS, ['alice@example.com', 'spaces/AAAAeng', '', '', '', '', '']]);
  if (rules) w.spreadsheet.setSheet('Rules', rules);
  return w;
}

describe('the Rules sheet', () => {
  it('is created by Set up roster sheet on demand, with its headers, a Role dropdown, a frozen header and plain-text columns', () => {
    const w = world();
    expect(run<string>(w, 'setupRosterSheet').value).toMatch(/add a Rules sheet from the sidebar/);
    expect(w.spreadsheet.sheet('Rules')).toBeUndefined();
    expect(run<string>(w, 'setupRosterSheet', [{ rules: true }]).value).toMatch(/enrol whole units, groups or searches in the Rules sheet/);
    expect(w.spreadsheet.sheet('Rules')![0]).toEqual(['Source', 'Space', 'Role', 'Status', 'Details', 'Updated']);
    const execution = w.startExecution({ user: ADMIN });
    try {
      const sheet = typed(execution).SpreadsheetApp.getActive().getSheetByName('Rules')!;
      expect(sheet.getFrozenRows()).toBe(1);
      expect(sheet.getRange('C2').getDataValidation()?.getCriteriaValues()).toEqual([['Member', 'Manager', 'Owner'], true]);
      expect(['A2', 'D2', 'E2', 'F2', 'B2', 'C2'].map((cell) => sheet.getRange(cell).getNumberFormat()))
        .toEqual(['@', '@', '@', '@', expect.not.stringMatching(/^@$/), expect.not.stringMatching(/^@$/)]);
    } finally {
      execution.end();
    }
  });

  it('is repaired without touching other columns', () => {
    const w = world([['Notes', 'source'], ['mine', 'ou:/Sales']]);
    run(w, 'setupRosterSheet');
    const sheet = w.spreadsheet.sheet('Rules')!;
    expect(sheet[0]).toEqual(['Notes', 'source', 'Space', 'Role', 'Status', 'Details', 'Updated']);
    expect(sheet[1].slice(0, 2)).toEqual(['mine', 'ou:/Sales']);
  });
});
