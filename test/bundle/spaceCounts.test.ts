/**
 * One space counted once (issue 13): a roster naming one space by its display name, its id and its URL,
 * too big for one execution. Every execution's per-space counts name it once, by its display name (the
 * rows a continuation doesn't run keep the label the run resolved), and the sidebar counts it once.
 */
import { Google } from '../../emulator/google';
import { AppsScriptWorld } from '../../emulator/gas/world';
import type { OrgSeed } from '../../emulator/seed';
import { repeatUntilDone, runEntryPoint } from '../../emulator/runtime/addon';
import type { RunReport } from '../../src/shared/report';
import type { SidebarState } from '../../src/shared/sidebar';
import { ADMIN, HEADERS } from './workload';

const PEOPLE = 2400;
const FORMS = ['Big', 'spaces/AAAAbig', 'https://chat.google.com/u/0/app/chat/AAAAbig'];

function setUp() {
  const users = Array.from({ length: PEOPLE }, (_, index) => ({ id: String(300000 + index), email: `p${index}@example.com` }));
  const seed: OrgSeed = {
    domain: 'example.com', appUserId: '999000',
    users: [{ id: '100000', email: ADMIN, chatAdmin: true }, ...users],
    groups: [],
    spaces: [
      { id: 'AAAAbig', displayName: 'Big', spaceType: 'SPACE', members: [{ email: ADMIN, role: 'ROLE_MANAGER' }] },
      { id: 'AAAAsmall', displayName: 'Small', spaceType: 'SPACE', members: [{ email: ADMIN, role: 'ROLE_MANAGER' }] },
    ],
  };
  const world = new AppsScriptWorld(new Google({ seed }));
  world.spreadsheet.setSheet('Roster', [
    HEADERS,
    ...users.map((user, index) => [user.email, FORMS[index % FORMS.length], '', '', '', '', '']),
    ['p0@example.com', 'spaces/AAAAsmall', '', '', '', '', ''],
  ]);
  return world;
}

describe('a space written by name, id and URL over several executions', () => {
  jest.setTimeout(60_000);

  it('is one space in every execution’s counts and in the sidebar', () => {
    const world = setUp();
    const runs = repeatUntilDone(() => runEntryPoint<RunReport>(world, 'provisionRoster', [], { user: ADMIN }), 6);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs[0].value!.pending).toBeGreaterThan(0);
    for (const run of runs) {
      expect(run.value!.bySpace.map((space) => space.space).sort()).toEqual(['Big', 'Small']);
    }
    const last = runs[runs.length - 1].value!;
    expect(last.pending).toBe(0);
    expect(last.bySpace.find((space) => space.space === 'Big')!.counts).toEqual({ ADDED: PEOPLE });
    const sidebar = runEntryPoint<SidebarState>(world, 'getSidebarState', [], { user: ADMIN });
    expect(sidebar.value!.roster).toMatchObject({ rows: PEOPLE + 1, spaces: 2 });
  });
});
