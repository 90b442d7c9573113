/**
 * A rule over 5,000 people (issue 12) converges like 5,000 roster rows: several executions at the write
 * budget, each person added once, the Directory asked once for the whole run, every add logged once.
 */
import { Google } from '../../emulator/google';
import { AppsScriptWorld } from '../../emulator/gas/world';
import type { OrgSeed } from '../../emulator/seed';
import { repeatUntilDone, runEntryPoint } from '../../emulator/runtime/addon';
import type { RunReport } from '../../src/shared/report';
import { LOG_FIELD_INDEX, LOG_KIND } from '../../src/core/run/logLayout';
import { ADMIN, HEADERS, LOG_SHEET } from './workload';

const PEOPLE = 5000;

describe('a rule over 5,000 people', () => {
  jest.setTimeout(120_000);

  it('converges over several executions: each person added once, the Directory asked once', () => {
    const users = Array.from({ length: PEOPLE }, (_, i) => ({ id: String(600000 + i), email: `u${i}@example.com`, orgUnitPath: '/Big' }));
    const seed: OrgSeed = {
      domain: 'example.com', appUserId: '999000', orgUnits: ['/Big'],
      users: [{ id: '100000', email: ADMIN, chatAdmin: true }, ...users],
      groups: [],
      spaces: [{ id: 'AAAAbig', displayName: 'Big', spaceType: 'SPACE', members: [{ email: ADMIN, role: 'ROLE_MANAGER' }] }],
    };
    const google = new Google({ seed });
    const world = new AppsScriptWorld(google);
    world.spreadsheet.setSheet('Roster', [HEADERS]);
    world.spreadsheet.setSheet('Rules', [['Source', 'Space', 'Role', 'Status', 'Details', 'Updated'], ['ou:/Big', 'Big', '', '', '', '']]);

    const runs = repeatUntilDone(() => runEntryPoint<RunReport>(world, 'provisionRoster', [], { user: ADMIN }), 8);
    expect(runs.every((run) => run.error === undefined)).toBe(true);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs[0].value!.pending).toBeGreaterThan(0);
    expect(world.spreadsheet.sheet('Rules')![1][3]).toBe('APPLIED');
    expect(google.membersOf('spaces/AAAAbig')).toHaveLength(PEOPLE + 1);
    const creates = google.writes().filter((call) => call.methodId.endsWith('create'));
    expect(creates).toHaveLength(PEOPLE);
    expect(new Set(creates.map((call) => call.target)).size).toBe(PEOPLE);
    expect(google.calls.filter((call) => call.methodId === 'admin.directory.users.list').length).toBe(Math.ceil(PEOPLE / 500));
    const logged = world.spreadsheet.sheet(LOG_SHEET)!.filter((row) => row[LOG_FIELD_INDEX.kind] === LOG_KIND.change);
    expect(logged).toHaveLength(PEOPLE);
  });
});
