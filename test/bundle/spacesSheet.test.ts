/**
 * The Spaces sheet in the built add-on: Set up roster sheet creates and repairs it (other columns kept),
 * and every run checks its rows, writing INVALID with the fix on a wrong one. A roster without it runs as before.
 */
import { Google } from '../../emulator/google';
import { AppsScriptWorld, typed } from '../../emulator/gas/world';
import type { RunReport } from '../../src/shared/report';
import { ADMIN, testOrg } from './org';
import { HEADERS, run } from './provisionSuite';

function world(spaces?: unknown[][]) {
  const w = new AppsScriptWorld(new Google({ seed: testOrg() }));
  w.spreadsheet.setSheet('Roster', [HEADERS, ['alice@example.com', 'spaces/AAAAeng', '', '', '', '', '']]);
  if (spaces) w.spreadsheet.setSheet('Spaces', spaces);
  return w;
}

describe('the Spaces sheet', () => {
  it('is created by Set up roster sheet with its headers', () => {
    const w = world();
    run(w, 'setupRosterSheet');
    expect(w.spreadsheet.sheet('Spaces')![0]).toEqual(['Space', 'Mode', 'Max removal %', 'Status', 'Details', 'Updated']);
    const execution = w.startExecution({ user: ADMIN });
    try {
      const sheet = typed(execution).SpreadsheetApp.getActive().getSheetByName('Spaces')!;
      // A typed "20%" stays "20%" (as a number Sheets would store 0.2); the outputs stay plain text.
      expect(['C2', 'D2', 'E2', 'F2', 'A2', 'B2'].map((cell) => sheet.getRange(cell).getNumberFormat())).toEqual(['@', '@', '@', '@', expect.not.stringMatching(/^@$/), expect.not.stringMatching(/^@$/)]);
    } finally {
      execution.end();
    }
  });

  it('is repaired without touching other columns', () => {
    const w = world([['Notes', 'space'], ['mine', 'spaces/AAAAeng']]);
    run(w, 'setupRosterSheet');
    const sheet = w.spreadsheet.sheet('Spaces')!;
    expect(sheet[0]).toEqual(['Notes', 'space', 'Mode', 'Max removal %', 'Status', 'Details', 'Updated']);
    expect(sheet[1].slice(0, 2)).toEqual(['mine', 'spaces/AAAAeng']);
  });

  it('marks a wrong Mode, a wrong percentage and a space listed twice INVALID with the fix, in preview too', () => {
    const w = world([
      ['Space', 'Mode', 'Max removal %', 'Status', 'Details', 'Updated'],
      ['spaces/AAAAeng', 'add-only', '', '', '', ''],
      ['spaces/AAAAsolo', 'sync', '', '', '', ''],
      ['spaces/AAAAhands', '', 'lots', '', '', ''],
      ['AAAAeng', '', '', '', '', ''],
      ['spaces/AAAAnope', 'mirror', '', '', '', ''],
      ['https://chat.google.com/room/AAAAeng', '', '', '', '', ''],
    ]);
    const report = run<RunReport>(w, 'previewRoster').value!;
    expect(report.rows).toBe(1);
    const rows = w.spreadsheet.sheet('Spaces')!.slice(1).map((row) => [row[3], row[4]]);
    expect(rows).toEqual([
      ['UNCHANGED', "Add-only: members the roster doesn't name stay in the space."],
      ['INVALID', 'Mode "sync" is not add-only or mirror (leave it empty for add-only). Your side: fix this, then run again.'],
      ['INVALID', 'Max removal % "lots" is not a number from 0 to 100 (leave it empty for 20). Your side: fix this, then run again.'],
      ['INVALID', 'Row 2 of the Spaces sheet already lists this space: keep one of the two rows. Your side: fix this, then run again.'],
      ['INVALID', expect.stringMatching(/spaces\/AAAAnope/)],
      ['INVALID', 'Row 2 of the Spaces sheet already lists this space: keep one of the two rows. Your side: fix this, then run again.'],
    ]);
    expect(report.message).toMatch(/Spaces sheet: 5 spaces invalid/);
  });

  it('changes nothing when there is none', () => {
    const w = world();
    const report = run<RunReport>(w, 'provisionRoster').value!;
    expect(report.rows).toBe(1);
    expect(w.spreadsheet.sheet('Spaces')).toBeUndefined();
  });
});
