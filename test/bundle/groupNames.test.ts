/**
 * Group memberships are named spaces/S/members/group-{id} (first-deploy.md §5) and the emulator accepts no
 * other name for them: removing a group works only if the add-on uses the name a list answer gave it.
 */
import { Google } from '../../emulator/google';
import { AppsScriptWorld } from '../../emulator/gas/world';
import type { RunReport } from '../../src/shared/report';
import { testOrg } from './org';
import { HEADERS, run } from './provisionSuite';

it('removes a group from a space by the membership name Google listed', () => {
  const seed = testOrg();
  seed.spaces = seed.spaces.map((s) => (s.id === 'AAAAhands' ? { ...s, members: [...s.members, { groupEmail: 'design@example.com' }] } : s));
  const google = new Google({ seed });
  const world = new AppsScriptWorld(google);
  world.spreadsheet.setSheet('Roster', [HEADERS, ['group:design@example.com', 'AAAAhands', '', 'remove', '', '', '']]);
  run(world, 'setupRosterSheet');
  expect(run<RunReport>(world, 'provisionRoster').value?.counts.REMOVED).toBe(1);
  expect(google.membersOf('spaces/AAAAhands').map((m) => m.member)).not.toContain('group:design@example.com');
  expect(google.writes().map((call) => call.target)).toEqual(['spaces/AAAAhands/members/group-g-design']);
});
