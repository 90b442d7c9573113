import { rendered } from '../../../src/core/details';
import type { ApiRole, Membership, ResolvedMember, Target } from '../../../src/core/model';
import { confirmNameOf, createBody, planTargets, previewOutcome, type PlanContext } from '../../../src/core/plan/planTargets';
import type { SpaceSnapshot } from '../../../src/core/resolve/takeSnapshots';

const SPACE = { name: 'spaces/S', spaceType: 'SPACE', displayName: 'Team' };

function snapshotOf(members: Membership[], extra: Partial<SpaceSnapshot> = {}): SpaceSnapshot {
  const map = new Map<string, Membership>();
  for (const m of members) map.set(m.member?.name ?? m.groupMember!.name!, m);
  return { members: map, hasGroups: members.some((m) => m.groupMember), invitedListed: true, ...extra };
}

function person(id: string, role: ApiRole | 'ROLE_MANAGER' = 'ROLE_MEMBER', state = 'JOINED'): Membership {
  return { name: `spaces/S/members/${id}`, state, role, member: { name: `users/${id}`, type: 'HUMAN' } };
}

let row = 2;
function target(member: Partial<ResolvedMember> & { name: string | null }, action: 'add' | 'remove', role: ApiRole | null = 'ROLE_MEMBER'): Target {
  const resolved: ResolvedMember = { kind: 'user', email: null, label: member.name ?? 'someone', ...member };
  return {
    intent: { sheetRow: row++, member: { kind: 'userId', name: member.name ?? 'users/0' }, space: { kind: 'name', name: SPACE.name }, role, action },
    space: SPACE,
    member: resolved,
  };
}

/** The plan, its outcomes as their Status and Details cells read. */
function plan(targets: Target[], members: Membership[], context: Partial<PlanContext> = {}, extra: Partial<SpaceSnapshot> = {}) {
  const planned = planTargets(targets, {
    snapshots: new Map([[SPACE.name, snapshotOf(members, extra)]]),
    callerEmail: 'me@example.com', callerName: 'users/1', useAdminAccess: false, ...context,
  });
  return { operations: planned.operations, outcomes: planned.outcomes.map(rendered) };
}

/** One row's result: the operation kind or status, and its details. */
function only(targets: Target[], members: Membership[], context: Partial<PlanContext> = {}) {
  const result = plan(targets, members, context);
  if (result.operations.length === 1) return rendered(previewOutcome(result.operations[0]));
  return result.outcomes[0];
}

beforeEach(() => { row = 2; });
const owner = person('1', 'ROLE_MANAGER');

describe('planning table', () => {
  it.each<[string, Membership[], 'add' | 'remove', ApiRole, string, string]>([
    ['absent + add', [owner], 'add', 'ROLE_MEMBER', 'WOULD_ADD', 'Would add to the space'],
    ['absent + add Manager', [owner], 'add', 'ROLE_ASSISTANT_MANAGER', 'WOULD_ADD', 'Would add to the space as Manager'],
    ['absent + remove', [owner], 'remove', 'ROLE_MEMBER', 'UNCHANGED', 'Not in the space'],
    ['joined same role + add', [owner, person('7')], 'add', 'ROLE_MEMBER', 'UNCHANGED', 'Already a member as Member'],
    ['joined Manager + add Manager', [owner, person('7', 'ROLE_ASSISTANT_MANAGER')], 'add', 'ROLE_ASSISTANT_MANAGER', 'UNCHANGED', 'Already a member as Manager'],
    ['joined Member + add Owner', [owner, person('7')], 'add', 'ROLE_MANAGER', 'WOULD_UPDATE_ROLE', 'Would change the role from Member to Owner'],
    ['joined Manager + add Member', [owner, person('7', 'ROLE_ASSISTANT_MANAGER')], 'add', 'ROLE_MEMBER', 'WOULD_UPDATE_ROLE', 'Would change the role from Manager to Member'],
    ['joined + remove', [owner, person('7')], 'remove', 'ROLE_MEMBER', 'WOULD_REMOVE', 'Would remove from the space'],
    ['invited + add', [owner, person('7', 'ROLE_MEMBER', 'INVITED')], 'add', 'ROLE_MEMBER', 'UNCHANGED', 'Already invited; waiting for them to accept'],
    ['invited + remove', [owner, person('7', 'ROLE_MEMBER', 'INVITED')], 'remove', 'ROLE_MEMBER', 'WOULD_REMOVE', 'Would withdraw the invitation'],
  ])('%s', (_name, members, action, role, status, details) => {
    expect(only([target({ name: 'users/7' }, action, role)], members)).toEqual({ sheetRow: 2, status, details });
  });

  it('an invited member asked to be Manager stays invited, and says the role comes later', () => {
    const outcome = only([target({ name: 'users/7' }, 'add', 'ROLE_ASSISTANT_MANAGER')], [owner, person('7', 'ROLE_MEMBER', 'INVITED')]);
    expect(outcome.status).toBe('UNCHANGED');
    expect(outcome.details).toContain('the role Manager can be set once they have joined');
  });

  it('creates Managers and Owners as members, then patches (never sends a role on create)', () => {
    const { operations } = plan([target({ name: 'users/7', email: 'x@example.com' }, 'add', 'ROLE_MANAGER')], [owner]);
    expect(operations).toEqual([{
      kind: 'create', sheetRow: 2, parent: 'spaces/S', member: 'users/7', alias: 'x@example.com',
      role: 'ROLE_MANAGER', memberKind: 'user', useAdminAccess: false,
    }]);
    const [create] = operations;
    if (create.kind !== 'create') throw new Error('expected a create');
    expect(createBody(create)).toEqual({ member: { name: 'users/7', type: 'HUMAN' } });
    expect(confirmNameOf(create)).toBe('spaces/S/members/x@example.com');
  });

  it('creates people known only by email with the email alias', () => {
    const { operations } = plan([target({ name: null, email: 'ext@gmail.com', probed: null }, 'add')], [owner], { useAdminAccess: true });
    expect(operations[0]).toMatchObject({ member: 'users/ext@gmail.com', memberKind: 'user', role: null, useAdminAccess: true });
  });

  it('uses what members.get found over the snapshot', () => {
    const probed = person('8', 'ROLE_MEMBER', 'INVITED');
    expect(only([target({ name: 'users/8', email: 'e@x.com', probed }, 'add')], [owner]).details)
      .toBe('Already invited; waiting for them to accept');
  });

  it('groups and the app: present = unchanged, created without role, app never with admin access', () => {
    const group: Membership = { name: 'spaces/S/members/g1', state: 'JOINED', groupMember: { name: 'groups/g1' } };
    expect(only([target({ kind: 'group', name: 'groups/g1' }, 'add', null)], [owner, group]).details).toBe('The group is already in the space');
    const { operations } = plan([
      target({ kind: 'group', name: 'groups/g2' }, 'add', null),
      target({ kind: 'app', name: null, probed: null, label: 'the Chat app' }, 'add', null),
    ], [owner], { useAdminAccess: true });
    expect(operations).toEqual([
      expect.objectContaining({ member: 'groups/g2', memberKind: 'group', role: null, alias: null, useAdminAccess: true }),
      expect.objectContaining({ member: 'users/app', memberKind: 'app', role: null, useAdminAccess: false }),
    ]);
    const bodies = operations.map((operation) => (operation.kind === 'create' ? createBody(operation) : null));
    expect(bodies).toEqual([{ groupMember: { name: 'groups/g2' } }, { member: { name: 'users/app', type: 'BOT' } }]);
  });

  it('explains that people who came through a group can only be removed from the group', () => {
    const group: Membership = { name: 'spaces/S/members/g1', state: 'JOINED', groupMember: { name: 'groups/g1' } };
    expect(only([target({ name: 'users/7' }, 'remove')], [owner, group]).details).toContain('Not in the space as a direct member (if they belong through a Google Group');
  });
});

describe('guards', () => {
  it('never removes or demotes the last Owner, counting owners after earlier planned changes', () => {
    const owners = [person('2', 'ROLE_MANAGER'), person('3', 'ROLE_MANAGER'), person('4', 'ROLE_MANAGER', 'INVITED')];
    const result = plan([
      target({ name: 'users/2' }, 'remove'),
      target({ name: 'users/3' }, 'add', 'ROLE_ASSISTANT_MANAGER'),
    ], owners);
    expect(result.operations.map((op) => op.kind)).toEqual(['delete']);
    expect(result.outcomes).toEqual([expect.objectContaining({ sheetRow: 3, status: 'HELD' })]);
    expect(result.outcomes[0].details).toContain('is the only Owner of "Team": make someone else Owner before changing this role');
  });

  it('counts owners in sheet order even when given the rows out of order', () => {
    const first = target({ name: 'users/2' }, 'remove');
    const second = target({ name: 'users/3' }, 'remove');
    const result = plan([second, first], [person('2', 'ROLE_MANAGER'), person('3', 'ROLE_MANAGER')]);
    // Row 2 goes first: its removal leaves users/3 as the only Owner, so row 3 is the one held.
    expect(result.operations).toEqual([expect.objectContaining({ kind: 'delete', sheetRow: 2 })]);
    expect(result.outcomes).toEqual([expect.objectContaining({ sheetRow: 3, status: 'HELD' })]);
  });

  it('holds the removal of the only owner', () => {
    const outcome = only([target({ name: 'users/2', label: 'boss@example.com' }, 'remove')], [person('2', 'ROLE_MANAGER')]);
    expect(outcome).toEqual({ sheetRow: 2, status: 'HELD', details: 'boss@example.com is the only Owner of "Team": make someone else Owner before removing them, then run again. Nothing to fix: Chat Roster holds this on purpose.' });
  });

  it('never removes the account running Chat Roster, by email or by id', () => {
    const result = plan([
      target({ name: 'users/1', email: null }, 'remove'),
      target({ name: null, email: 'me@example.com', probed: person('55') }, 'remove'),
    ], [person('9', 'ROLE_MANAGER'), person('1', 'ROLE_MANAGER')], { callerName: 'users/1' });
    expect(result.operations).toEqual([]);
    expect(result.outcomes.map((o) => o.status)).toEqual(['HELD', 'HELD']);
    expect(result.outcomes[0].details).toContain('This is your own account');
  });

  it('never removes the Chat app', () => {
    const outcome = only([target({ kind: 'app', name: null, probed: person('900') }, 'remove', null)], [owner]);
    expect(outcome.status).toBe('HELD');
    expect(outcome.details).toContain('remove it from the space in Google Chat');
  });
});

describe('someone known to be from outside the organisation', () => {
  const outsider = () => target({ name: null, email: 'pat@gmail.com', label: 'pat@gmail.com', outsider: true }, 'add');

  it('would be added if the space allows people from outside the organisation', () => {
    expect(only([outsider()], [owner])).toEqual({
      sheetRow: 2, status: 'WOULD_ADD', details: 'Would add to the space, if it allows people from outside your organisation',
    });
    expect(plan([outsider()], [owner]).operations).toEqual([expect.objectContaining({ kind: 'create', member: 'users/pat@gmail.com', outsider: true })]);
  });

  it('is INVALID with admin access, which cannot add them: no write is planned', () => {
    const result = plan([outsider()], [owner], { useAdminAccess: true });
    expect(result.operations).toEqual([]);
    expect(result.outcomes).toEqual([{ sheetRow: 2, status: 'INVALID', details: expect.stringContaining("admin access can't add people from outside") }]);
  });

  it('already in the space stays UNCHANGED with admin access; a removal goes ahead', () => {
    const present = { name: 'spaces/S/members/200', state: 'JOINED', role: 'ROLE_MEMBER', member: { name: 'users/200', type: 'HUMAN' } };
    const inSpace = target({ name: 'users/200', email: 'pat@gmail.com', label: 'pat@gmail.com', outsider: true, probed: present }, 'add');
    expect(only([inSpace], [owner], { useAdminAccess: true })).toMatchObject({ status: 'UNCHANGED' });
    const leaving = target({ name: 'users/200', email: 'pat@gmail.com', label: 'pat@gmail.com', outsider: true, probed: present }, 'remove');
    expect(only([leaving], [owner], { useAdminAccess: true })).toMatchObject({ status: 'WOULD_REMOVE' });
  });
});

