/** One change per membership write Google answered with success, with what the member was before and after. */
import type { ApiRole, Operation } from '../../../src/core/model';
import { runOperations } from '../../../src/core/apply/applyPlan';
import { changeOf, type MembershipChange } from '../../../src/core/apply/changes';
import { FakeChat } from '../fakes';

function chat(): FakeChat {
  const fake = new FakeChat().addSpace('spaces/S', 'Team');
  fake.person('alice@example.com', '11');
  fake.person('bob@example.com', '12');
  return fake;
}

function create(email: string, role: ApiRole | null = null, sheetRow = 2): Operation {
  return { kind: 'create', sheetRow, parent: 'spaces/S', member: `users/${email}`, alias: email, role, memberKind: 'user', useAdminAccess: false };
}

function changesOf(fake: FakeChat, operations: Operation[]): MembershipChange[] {
  const changes: MembershipChange[] = [];
  runOperations(fake, operations, undefined, (change) => changes.push(change));
  return changes;
}

const short = (changes: MembershipChange[]) => changes.map((c) => `${c.sheetRow} ${c.method} ${c.space}: ${c.before} → ${c.after}`);

describe('the changes of runOperations', () => {
  it('a plain add is one change, absent → ROLE_MEMBER', () => {
    expect(short(changesOf(chat(), [create('alice@example.com')]))).toEqual(['2 create spaces/S: absent → ROLE_MEMBER']);
  });

  it('a Manager add is two: the create, then the role patch from Member', () => {
    expect(short(changesOf(chat(), [create('alice@example.com', 'ROLE_ASSISTANT_MANAGER')]))).toEqual([
      '2 create spaces/S: absent → ROLE_MEMBER',
      '2 patch spaces/S: ROLE_MEMBER → ROLE_ASSISTANT_MANAGER',
    ]);
  });

  it('an invitation is absent → invited', () => {
    const fake = chat();
    fake.autoAcceptOff.add('users/11');
    expect(short(changesOf(fake, [create('alice@example.com')]))).toEqual(['2 create spaces/S: absent → invited']);
  });

  it('a create whose patch fails is still a change; the failed patch is none', () => {
    const fake = chat();
    fake.intercept = (call) => (call.method === 'patch' ? { code: 403, error: { code: 403, status: 'PERMISSION_DENIED', message: 'no' } } : undefined);
    expect(short(changesOf(fake, [create('alice@example.com', 'ROLE_MANAGER')]))).toEqual(['2 create spaces/S: absent → ROLE_MEMBER']);
  });

  it('a 409 is no change; the patch that follows it is, from the role get found', () => {
    const fake = chat();
    fake.seat('spaces/S', 'users/11', 'ROLE_ASSISTANT_MANAGER');
    expect(short(changesOf(fake, [create('alice@example.com', 'ROLE_MANAGER')]))).toEqual([
      '2 patch spaces/S: ROLE_ASSISTANT_MANAGER → ROLE_MANAGER',
    ]);
  });

  it('a role patch goes from the snapshot role; a delete from the role Google says it deleted; a 404 delete is none', () => {
    const fake = chat();
    fake.seat('spaces/S', 'users/11', 'ROLE_MEMBER');
    fake.seat('spaces/S', 'users/12', 'ROLE_ASSISTANT_MANAGER');
    const operations: Operation[] = [
      { kind: 'patchRole', sheetRow: 3, name: 'spaces/S/members/11', from: 'ROLE_MEMBER', role: 'ROLE_MANAGER', useAdminAccess: false },
      { kind: 'delete', sheetRow: 4, name: 'spaces/S/members/12', invited: false, useAdminAccess: false },
      { kind: 'delete', sheetRow: 5, name: 'spaces/S/members/99', invited: false, useAdminAccess: false },
    ];
    expect(short(changesOf(fake, operations)).sort()).toEqual([
      '3 patch spaces/S: ROLE_MEMBER → ROLE_MANAGER',
      '4 delete spaces/S: ROLE_ASSISTANT_MANAGER → absent',
    ]);
  });
});

describe('changeOf', () => {
  const created = { method: 'create' as const, parent: 'spaces/S', membership: { groupMember: { name: 'groups/g' } } };

  it('a group or the app is present (no role)', () => {
    expect(changeOf(2, created, { code: 200, membership: { name: 'spaces/S/members/g', groupMember: { name: 'groups/g' } } }, undefined))
      .toEqual({ sheetRow: 2, method: 'create', space: 'spaces/S', before: 'absent', after: 'present' });
  });

  it('reads, failures and calls never sent are none', () => {
    expect(changeOf(2, { method: 'get', name: 'spaces/S/members/1' }, { code: 200, membership: {} }, undefined)).toBeNull();
    expect(changeOf(2, created, { code: 500 }, undefined)).toBeNull();
    expect(changeOf(2, created, { code: 0, deferred: true }, undefined)).toBeNull();
  });

  it('a delete without a reply body falls back to what the step knew', () => {
    expect(changeOf(2, { method: 'delete', name: 'spaces/S/members/1' }, { code: 200 }, 'invited'))
      .toMatchObject({ before: 'invited', after: 'absent' });
  });
});
