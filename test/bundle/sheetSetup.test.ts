/**
 * Set up roster sheet on sheets an administrator already has (DESIGN.md §3): a member column headed
 * `Email` or `User` is the Member column (no empty Member column added beside it), and runs read it.
 */
import { Google } from '../../emulator/google';
import { AppsScriptWorld, typed } from '../../emulator/gas/world';
import type { RunReport } from '../../src/shared/report';
import { ADMIN, testOrg } from './org';
import { run } from './provisionSuite';

function worldWithHeader(memberHeader: string) {
  const w = new AppsScriptWorld(new Google({ seed: testOrg() }));
  w.spreadsheet.setSheet('Roster', [
    ['Space', memberHeader, 'Role'],
    ['spaces/AAAAeng', 'alice@example.com', ''],
    ['spaces/AAAAeng', 'erin@example.com', 'Manager'],
  ]);
  return w;
}

describe('a Roster whose member column is headed Email or User', () => {
  it.each(['Email', 'user', 'EMAIL'])('keeps "%s" as the Member column: Set up adds no Member, preview and apply work', (header) => {
    const w = worldWithHeader(header);
    run(w, 'setupRosterSheet');
    const sheet = () => w.spreadsheet.sheet('Roster')!;
    expect(sheet()[0]).toEqual(['Space', header, 'Role', 'Action', 'Status', 'Details', 'Updated']);
    run(w, 'setupRosterSheet');
    expect(sheet()[0]).toHaveLength(7);

    const preview = run<RunReport>(w, 'previewRoster').value!;
    expect(preview.counts).toEqual({ UNCHANGED: 1, WOULD_ADD: 1 });
    expect(sheet().slice(1).map((row) => row[4])).toEqual(['UNCHANGED', 'WOULD_ADD']);
    const applied = run<RunReport>(w, 'provisionRoster').value!;
    expect(applied.counts).toEqual({ UNCHANGED: 1, ADDED: 1 });
    expect(sheet()[2].slice(4, 6)).toEqual(['ADDED', 'Added to the space as Manager']);
  });
});

describe('Set up roster sheet lays columns out wide enough to read', () => {
  it('shows a whole status (WOULD_UPDATE_ROLE) and a wide Details in Roster, Spaces and Rules, in a few calls', () => {
    const w = worldWithHeader('Member');
    const setup = run(w, 'setupRosterSheet', [{ rules: true }]);
    const execution = w.startExecution({ user: ADMIN });
    try {
      for (const name of ['Roster', 'Spaces', 'Rules']) {
        const sheet = typed(execution).SpreadsheetApp.getActive().getSheetByName(name)!;
        const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
        const width = (title: string) => sheet.getColumnWidth(header.indexOf(title) + 1);
        // Sheets' default is 100 px: about 12 capitals of its default font, WOULD_UPDATE_ROLE has 17.
        expect(width('Status')).toBeGreaterThanOrEqual(150);
        expect(width('Details')).toBeGreaterThanOrEqual(400);
        expect(width('Updated')).toBeGreaterThanOrEqual(160);
      }
    } finally {
      execution.end();
    }
    // 62 round trips before widths; one more per width set (3 per sheet).
    expect(setup.sheetCalls).toBeLessThanOrEqual(71);
  });
});
