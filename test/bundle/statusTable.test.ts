/**
 * The status table as the built add-on shows it (src/shared/statuses.ts): setupRosterSheet colours the
 * Status column with one rule per status of the table, the Chat Roster Log gets the log's headers, and the
 * sidebar reads each logged run's fields from their named columns.
 */
import { Google } from '../../emulator/google';
import type { FakeConditionalFormatRule } from '../../emulator/gas/sheetBuilders';
import { AppsScriptWorld, typed } from '../../emulator/gas/world';
import { runEntryPoint } from '../../emulator/runtime/addon';
import { LOG_HEADERS, LOG_SHEET } from '../../src/core/run/logLayout';
import type { RunReport } from '../../src/shared/report';
import type { SidebarState } from '../../src/shared/sidebar';
import { STATUSES } from '../../src/shared/statuses';
import { ADMIN, testOrg } from './org';

const HEADERS = ['Member', 'Space', 'Role', 'Action', 'Status', 'Details', 'Updated'];

function run<T>(world: AppsScriptWorld, name: string): T {
  const result = runEntryPoint<T>(world, name, [], { user: ADMIN });
  if (result.error) throw new Error(`${name} threw: ${result.error}`);
  return result.value as T;
}

function setUp() {
  const world = new AppsScriptWorld(new Google({ seed: testOrg() }));
  world.spreadsheet.setSheet('Roster', [HEADERS, ['alice@example.com', 'spaces/AAAAeng', '', '', '', '', '']]);
  run(world, 'setupRosterSheet');
  return world;
}

describe('the status table in the built add-on', () => {
  it('colours the Status column with one rule per status of the table, in its colour', () => {
    const world = setUp();
    const execution = world.startExecution({ user: ADMIN });
    try {
      const sheet = typed(execution).SpreadsheetApp.getActive().getSheetByName('Roster')!;
      const rules = sheet.getConditionalFormatRules() as unknown as FakeConditionalFormatRule[];
      const colours = rules.map((rule) => [rule.data.textEqualTo, rule.data.background, rule.getRanges()[0].getA1Notation()]);
      expect(colours).toEqual(STATUSES.map((info) => [info.status, info.colour, expect.stringMatching(/^E2:E\d+$/)]));
    } finally {
      execution.end();
    }
  });

  it('heads the Chat Roster Log with the log’s columns, and the sidebar reads each field of a run from its column', () => {
    const world = setUp();
    expect(world.spreadsheet.sheet(LOG_SHEET)![0]).toEqual(LOG_HEADERS);
    const report = run<RunReport>(world, 'provisionRoster');
    expect(report.pending).toBe(0);
    const state = run<SidebarState>(world, 'getSidebarState');
    expect(state.recentRuns).toHaveLength(1);
    const [logged] = state.recentRuns;
    expect(logged.summary).toBe(report.message);
    expect(logged.startedBy).toBe(ADMIN);
    expect(logged.executions).toBe('1');
    expect(logged.run).toMatch(/^run-/);
    // The run row's count columns, as counts per status: the sidebar's chart of the last runs.
    expect(logged.counts).toEqual(report.counts);
  });
});
