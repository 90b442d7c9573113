import type { Membership, ResolvedMember, Target } from '../../../src/core/model';
import { confirmationFrom, planMirror, type MirrorContext } from '../../../src/core/plan/planMirror';
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
    touched: new Set(), useAdminAccess: false, ...context,
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

  describe('with the sidebar\'s confirmation', () => {
    const members = [person('1', 'ROLE_MANAGER'), person('2'), person('3'), person('4')];
    const confirm = (removals: string[], overLimitSpaces: string[] = []) =>
      confirmationFrom({ removals: removals.map((member) => ({ space: SPACE.name, member })), overLimitSpaces });

    it('removes only the members confirmed; anyone else stays, held for the next confirmation', () => {
      const result = plan(members, [], { confirmation: confirm(['users/2', 'users/3']) });
      expect(result.operations.map((o) => o.kind === 'delete' && o.name)).toEqual(['spaces/S/members/2', 'spaces/S/members/3']);
      expect(result.unconfirmed.get(2)!.map((r) => r.member)).toEqual(['users/4']);
    });

    it('an empty confirmation removes no one and holds them all by name', () => {
      const result = plan(members, [], { confirmation: confirm([]) });
      expect(result.operations).toEqual([]);
      expect(result.held.get(2)).toMatchObject({ why: 'awaitingConfirmation', removals: [{ member: 'users/2' }, { member: 'users/3' }, { member: 'users/4' }] });
    });

    it('a confirmed member who is no longer a candidate (named again, or gone) is not removed', () => {
      const result = plan(members, [target({ name: 'users/2' })], { confirmation: confirm(['users/2', 'users/9']) });
      expect(result.operations).toEqual([]);
      expect(result.held.get(2)).toMatchObject({ why: 'awaitingConfirmation' });
    });

    it('over Max removal %, only a confirmation naming the space lets its confirmed removals go', () => {
      expect(plan(members, [], { confirmation: confirm(['users/2', 'users/3', 'users/4']) }, 50).held.get(2)).toMatchObject({ why: 'overLimit' });
      const confirmed = plan(members, [], { confirmation: confirm(['users/2', 'users/3', 'users/4'], [SPACE.name]) }, 50);
      expect(confirmed.operations).toHaveLength(3);
    });

    it('confirms nothing from a malformed confirmation', () => {
      for (const bad of [null, 'x', 7, { removals: 'x' }, { removals: [{ space: 'S', member: 'users/2' }, { space: SPACE.name, member: '=1' }, { space: SPACE.name }] }]) {
        const parsed = confirmationFrom(bad);
        expect(parsed.removals.size).toBe(0);
        expect(parsed.overLimit.size).toBe(0);
      }
    });
  });
});
