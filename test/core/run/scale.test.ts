/** Large rosters: 100,000 rows through parse, validate and plan stay linear; 200,000 through the whole pipeline. */
import type { Membership, RosterRow, RowOutcome, Target } from '../../../src/core/model';
import { collectOutcomes } from '../../../src/core/run/pipeline';
import { planTargets } from '../../../src/core/plan/planTargets';
import { parseRoster } from '../../../src/core/sheet/readRoster';
import type { SpaceSnapshot } from '../../../src/core/resolve/takeSnapshots';
import { validateRows } from '../../../src/core/rows/validateRows';
import { FakeChat, FakeDirectory } from '../fakes';

const ROWS = 100_000;
const SPACES = 40;

it('parses, validates and plans 100,000 rows', () => {
  const grid: unknown[][] = [['Member', 'Space', 'Role', 'Action', 'Status', 'Details', 'Updated']];
  for (let n = 0; n < ROWS; n++) {
    grid.push([`user${n}@example.com`, `spaces/SPACE${n % SPACES}`, n % 10 === 0 ? 'Manager' : '', n % 50 === 0 ? 'remove' : '', '', '', '']);
  }
  const parsed = parseRoster(grid);
  if (!parsed.ok) throw new Error(parsed.message);
  const { intents, invalid } = validateRows(parsed.rows);
  expect(invalid).toEqual([]);

  const snapshots = new Map<string, SpaceSnapshot>();
  for (let s = 0; s < SPACES; s++) {
    const owner: Membership = { name: `spaces/SPACE${s}/members/1`, state: 'JOINED', role: 'ROLE_MANAGER', member: { name: 'users/1', type: 'HUMAN' } };
    snapshots.set(`spaces/SPACE${s}`, { members: new Map([['users/1', owner]]), hasGroups: false, invitedListed: true });
  }
  // 30% already present.
  intents.forEach((intent, n) => {
    if (n % 10 >= 3) return;
    const space = `spaces/SPACE${n % SPACES}`;
    snapshots.get(space)!.members.set(`users/${1000 + n}`, { name: `${space}/members/${1000 + n}`, state: 'JOINED', role: 'ROLE_MEMBER', member: { name: `users/${1000 + n}`, type: 'HUMAN' } });
  });
  const targets: Target[] = intents.map((intent, n) => ({
    intent,
    space: { name: intent.space.kind === 'name' ? intent.space.name : '', spaceType: 'SPACE', displayName: '' },
    member: { kind: 'user', name: `users/${1000 + n}`, email: `user${n}@example.com`, label: `user${n}@example.com` },
  }));
  const plan = planTargets(targets, { snapshots, callerEmail: 'me@example.com', callerName: 'users/1', useAdminAccess: false });
  expect(plan.operations.length + plan.outcomes.length).toBe(ROWS);
  expect(plan.operations.filter((op) => op.kind === 'create').length).toBeGreaterThan(60_000);
  expect(plan.operations.filter((op) => op.kind === 'delete').length).toBe(ROWS / 50);
});

it('previews 200,000 rows through the whole pipeline without running out of stack', () => {
  // Each stage hands on ~200,000 outcomes at once: more than V8 takes as arguments of one call.
  const count = 200_000;
  const chat = new FakeChat().addSpace('spaces/BIG', 'Big');
  chat.seat('spaces/BIG', 'users/1', 'ROLE_MANAGER');
  const rows: RosterRow[] = [];
  for (let n = 0; n < count; n++) {
    rows.push({ sheetRow: n + 2, member: `users/${100_000 + n}`, space: 'spaces/BIG', role: '', action: '', status: '', details: '' });
  }
  rows.push({ sheetRow: count + 2, member: 'not an email', space: 'spaces/BIG', role: '', action: '', status: '', details: '' });
  const outcomes: RowOutcome[] = [];
  collectOutcomes(rows, { chat, directory: new FakeDirectory(), options: { useAdminAccess: false, callerEmail: 'me@example.com' } }, 'preview', outcomes);
  expect(outcomes).toHaveLength(count + 1);
  expect(outcomes.filter((outcome) => outcome.status === 'WOULD_ADD')).toHaveLength(count);
  expect(chat.writes()).toEqual([]);
});
