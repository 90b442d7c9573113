/**
 * The 50-row provisioning suite (provisionSuite.ts) with Google in this process, and a Sheets check that
 * needs no second run over HTTP: round trips don't grow with the roster.
 */
import { Google } from '../../emulator/google';
import { AppsScriptWorld } from '../../emulator/gas/world';
import type { RunReport } from '../../src/shared/report';
import { ADMIN, testOrg } from './org';
import { describeProvision, HEADERS, run } from './provisionSuite';
import { MAX_BASE_SHEET_CALLS } from '../../scripts/bench/targets';

describeProvision({ label: 'in process', fresh: (seed) => new Google({ seed }) });

describe('Sheets round trips do not grow with the roster', () => {
  function presentRoster(size: number) {
    const seed = testOrg();
    const users = Array.from({ length: size }, (_, i) => ({ id: String(500000 + i), email: `user${i}@example.com` }));
    seed.users.push(...users);
    seed.spaces.push({ id: 'AAAAbig', displayName: 'Big', spaceType: 'SPACE', members: [{ email: ADMIN, role: 'ROLE_MANAGER' }, ...users.map((u) => ({ email: u.email }))] });
    const google = new Google({ seed });
    const world = new AppsScriptWorld(google);
    world.spreadsheet.setSheet('Roster', [HEADERS, ...users.map((u) => [u.email, 'spaces/AAAAbig', '', '', '', '', ''])]);
    run(world, 'setupRosterSheet');
    const result = run<RunReport>(world, 'provisionRoster');
    return { result, google };
  }

  it('is the same for 5 and 5,000 rows, and at most MAX_BASE_SHEET_CALLS (DESIGN’s 6 and the check before writing)', () => {
    const small = presentRoster(5);
    const large = presentRoster(5000);
    expect(large.result.value!.counts.UNCHANGED).toBe(5000);
    expect(large.result.sheetCalls).toBe(small.result.sheetCalls);
    expect(large.result.sheetCalls).toBeLessThanOrEqual(MAX_BASE_SHEET_CALLS);
  });
});
