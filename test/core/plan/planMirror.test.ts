import type { Membership, ResolvedMember, Target } from '../../../src/core/model';
import { planMirror, type MirrorContext } from '../../../src/core/plan/planMirror';
import type { SpaceSnapshot } from '../../../src/core/resolve/takeSnapshots';

const SPACE = { name: 'spaces/S', spaceType: 'SPACE', displayName: 'Team' };
const SETTING = { sheetRow: 2, space: { kind: 'name' as const, name: SPACE.name }, mode: 'mirror' as const, maxRemovalPercent: 100 };

function person(id: string, role = 'ROLE_MEMBER', state = 'JOINED', type = 'HUMAN'): Membership {
  return { name: `spaces/S/members/${id}`, state, role, member: { name: `users/${id}`, type } };
}
const group = (id: string): Membership => ({ name: `spaces/S/members/${id}`, state: 'JOINED', groupMember: { name: `groups/${id}` } });

function snapshotOf(members: Membership[]): SpaceSnapshot {
  return { members: new Map(members.map((m) => [m.member?.name ?? m.groupMember!.name!, m])), hasGroups: true, invitedListed: true };
}

function target(member: Partial<ResolvedMember>, sheetRow = 5): Target {
  return {
    intent: { sheetRow, member: { kind: 'userId', name: 'users/x' }, space: SETTING.space, role: 'ROLE_MEMBER', action: 'add' },
    space: SPACE,
    member: { kind: 'user', name: null, email: null, label: 'x', ...member },
  };
}

function plan(members: Membership[], targets: Target[], context: Partial<MirrorContext> = {}, max = 100) {
  return planMirror([{ setting: { ...SETTING, maxRemovalPercent: max }, space: SPACE }], {
    snapshots: new Map([[SPACE.name, snapshotOf(members)]]), targets, unmatched: new Map(), callerName: 'users/1',
    touched: new Set(), useAdminAccess: false, holdRemovals: false, ...context,
  });
}

describe('planMirror', () => {
  it('removes members and groups no row names, and withdraws invitations; keeps you, apps and named members', () => {
    const result = plan(
      [person('1', 'ROLE_MANAGER'), person('999', 'ROLE_MEMBER', 'JOINED', 'BOT'), person('2'), person('3'), person('4', 'ROLE_MEMBER', 'INVITED'), group('g')],
      [target({ name: 'users/2' }), target({ name: null, email: 'p@x', probed: person('5') })],
    );
    expect(result.planned.get(2)!.map((r) => r.member)).toEqual(['users/3', 'users/4', 'groups/g']);
    expect(result.operations.map((o) => o.kind === 'delete' && [o.sheetRow, o.name, o.invited])).toEqual([
      [-1, 'spaces/S/members/3', false], [-2, 'spaces/S/members/4', true], [-3, 'spaces/S/members/g', false],
    ]);
  });

  it('keeps the last Owner', () => {
    const result = plan([person('1'), person('7', 'ROLE_MANAGER'), person('2')], [target({ name: 'users/2' })]);
    expect(result.planned.get(2)!.map((r) => r.member)).toEqual([]);
    expect(result.kept.get(2)).toEqual(['users/7']);
  });

  it('holds everything over Max removal %, when a row is unmatched, or when your id is unknown', () => {
    const members = [person('1', 'ROLE_MANAGER'), person('2'), person('3'), person('4')];
    expect(plan(members, [], {}, 50).held.get(2)).toMatchObject({ why: 'overLimit', total: 4, max: 50 });
    expect(plan(members, [], {}, 75).operations).toHaveLength(3);
    expect(plan(members, [target({ name: null, email: 'p@x' }, 9)]).held.get(2)).toEqual({ why: 'unmatchedRows', rows: [9] });
    expect(plan(members, [], { unmatched: new Map([[SPACE.name, [4]]]) }).held.get(2)).toEqual({ why: 'unmatchedRows', rows: [4] });
    expect(plan(members, [], { callerName: null }).held.get(2)).toEqual({ why: 'callerUnknown' });
  });
});
