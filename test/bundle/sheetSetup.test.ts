/**
 * Set up roster sheet on sheets an administrator already has (DESIGN.md §3): a member column headed
 * `Email` or `User` is the Member column (no empty Member column added beside it), and runs read it.
 */
import { Google } from '../../emulator/google';
import { AppsScriptWorld } from '../../emulator/gas/world';
import type { RunReport } from '../../src/shared/report';
import { testOrg } from './org';
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
