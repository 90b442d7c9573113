/** Counterexamples the property tests (sheets.test.ts) found, kept as plain tests once fixed. */
import { runRoster } from '../../../src/core/run/runRoster';
import { buildWorld, chatState } from './org';

describe('found by the properties', () => {
  it("Max removal % counts the members the run itself adds, so a second run doesn't remove what the first held", () => {
    // Team mirrors a rule naming Ann and Bob; Cat (not named) and the app sit there with the caller. The run adds
    // two: Cat's removal is 1 of 5 (20%, within the default limit), not 1 of 3 — the next run would see 1 of 5.
    const world = buildWorld({
      roster: [['Member', 'Space', 'Role', 'Action', 'Status', 'Details', 'Updated']],
      spaces: [['Space', 'Mode', 'Max removal %', 'Status', 'Details', 'Updated'], ['spaces/PTEAM', 'mirror']],
      rules: [['Source', 'Space', 'Role', 'Status', 'Details', 'Updated'], ['ou:/Sales', 'spaces/PTEAM']],
    }, [{ space: 0, member: 2, role: 0, invited: false }, { space: 0, member: 5, role: 0, invited: false }]);
    runRoster(world.deps, 'apply');
    expect(world.spacesStore!.column('Status')).toEqual(['APPLIED']);
    const after = chatState(world.chat);
    expect(after.filter((line) => line.startsWith('spaces/PTEAM'))).toEqual([
      'spaces/PTEAM users/1 ROLE_MANAGER JOINED', 'spaces/PTEAM users/11 ROLE_MEMBER JOINED',
      'spaces/PTEAM users/12 ROLE_MEMBER INVITED', 'spaces/PTEAM users/900 ROLE_MEMBER JOINED',
    ]);
    const writes = world.chat.writes().length;
    runRoster(world.deps, 'apply');
    expect(world.chat.writes()).toHaveLength(writes);
    expect(chatState(world.chat)).toEqual(after);
  });
});
