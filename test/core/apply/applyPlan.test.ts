import { INVITED_DETAILS, rendered } from '../../../src/core/details';
import type { ApiRole, Operation } from '../../../src/core/model';
import { runOperations as runOperationsAs } from '../../../src/core/apply/applyPlan';
import { FakeChat, TestClock } from '../fakes';
import { PacedSender } from '../../../src/core/apply/pacedSender';

function chat(): FakeChat {
  const fake = new FakeChat().addSpace('spaces/S', 'Team');
  fake.person('alice@example.com', '11');
  fake.person('bob@example.com', '12');
  return fake;
}

/** The outcomes as their Status and Details cells read. */
const runOperations = (...args: Parameters<typeof runOperationsAs>) => runOperationsAs(...args).map(rendered);

function create(email: string, role: ApiRole | null = null): Operation {
  return {
    kind: 'create', sheetRow: 2, parent: 'spaces/S', member: `users/${email}`, alias: email,
    role, memberKind: 'user', useAdminAccess: false,
  };
}

describe('runOperations', () => {
  it('create JOINED → ADDED', () => {
    expect(runOperations(chat(), [create('alice@example.com')])).toEqual([{ sheetRow: 2, status: 'ADDED', details: 'Added to the space' }]);
  });

  it('create then patch the role for a Manager', () => {
    const fake = chat();
    expect(runOperations(fake, [create('alice@example.com', 'ROLE_ASSISTANT_MANAGER')]))
      .toEqual([{ sheetRow: 2, status: 'ADDED', details: 'Added to the space as Manager' }]);
    expect(fake.calls.map((c) => c.method)).toEqual(['create', 'patch']);
    expect(fake.calls[1]).toEqual({ method: 'patch', name: 'spaces/S/members/11', role: 'ROLE_ASSISTANT_MANAGER' });
    expect(fake.members.get('spaces/S')!.get('users/11')!.role).toBe('ROLE_ASSISTANT_MANAGER');
  });

  it('a patch that fails after the create says the member was added', () => {
    const fake = chat();
    fake.intercept = (call) => (call.method === 'patch'
      ? { code: 403, error: { code: 403, status: 'PERMISSION_DENIED', message: 'Only owners can make owners.' } } : undefined);
    const [outcome] = runOperations(fake, [create('alice@example.com', 'ROLE_MANAGER')]);
    expect(outcome.status).toBe('ERROR');
    expect(outcome.details).toMatch(/^Added, but the role could not be set: .*\(HTTP 403 PERMISSION_DENIED: Only owners can make owners\.\) Your side: fix this, then run again\.$/);
  });

  it('a 403 with admin access on says what is left to do, not to turn it on', () => {
    const fake = chat();
    fake.intercept = () => ({ code: 403, error: { code: 403, status: 'PERMISSION_DENIED', message: 'denied' } });
    const [withAdmin] = runOperations(fake, [{ ...create('alice@example.com'), useAdminAccess: true }]);
    expect(withAdmin.details).toBe('Google Chat refused, though admin access is on: you need the Chat admin privilege (Admin console › Admin roles), and the space must be in your organisation. (HTTP 403 PERMISSION_DENIED: denied) Your side: fix this, then run again.');
    const [without] = runOperations(fake, [create('alice@example.com')]);
    expect(without.details).toMatch(/^Google Chat refused: check that you are a manager of this space \(or turn on admin access\)/);
  });

  it('create INVITED → INVITED (auto-accept off), and no patch', () => {
    const fake = chat();
    fake.autoAcceptOff.add('users/11');
    expect(runOperations(fake, [create('alice@example.com')])).toEqual([{ sheetRow: 2, status: 'INVITED', details: INVITED_DETAILS }]);
    expect(INVITED_DETAILS).toBe('Invited: the user must accept the invitation (their auto-accept is off)');
    expect(fake.calls.map((c) => c.method)).toEqual(['create']);
  });

  it('an invited Owner is not patched yet: the role waits until they join', () => {
    const fake = chat();
    fake.autoAcceptOff.add('users/11');
    const [outcome] = runOperations(fake, [create('alice@example.com', 'ROLE_MANAGER')]);
    expect(outcome).toEqual({ sheetRow: 2, status: 'INVITED', details: `${INVITED_DETAILS} (the role Owner can be set once they have joined: run again then)` });
    expect(fake.writes()).toHaveLength(1);
  });

  it('409 on create is confirmed with members.get and never reported ADDED', () => {
    const fake = chat();
    fake.seat('spaces/S', 'users/11', 'ROLE_ASSISTANT_MANAGER');
    fake.seat('spaces/S', 'users/12', 'ROLE_MEMBER', 'INVITED');
    const outcomes = runOperations(fake, [
      create('alice@example.com', 'ROLE_ASSISTANT_MANAGER'),
      { ...create('bob@example.com'), sheetRow: 3 },
    ]);
    expect(outcomes).toEqual([
      { sheetRow: 2, status: 'UNCHANGED', details: 'Already a member as Manager' },
      { sheetRow: 3, status: 'INVITED', details: 'Already invited; waiting for them to accept' },
    ]);
    expect(fake.calls.filter((c) => c.method === 'get').map((c) => c.method === 'get' && c.name))
      .toEqual(['spaces/S/members/alice@example.com', 'spaces/S/members/bob@example.com']);
  });

  it('409 with another role patches the role → ROLE_UPDATED', () => {
    const fake = chat();
    fake.seat('spaces/S', 'users/11', 'ROLE_MEMBER');
    expect(runOperations(fake, [create('alice@example.com', 'ROLE_MANAGER')]))
      .toEqual([{ sheetRow: 2, status: 'ROLE_UPDATED', details: 'Was already a member; role changed from Member to Owner' }]);
  });

  it('patch → ROLE_UPDATED, delete → REMOVED, delete of someone already gone → UNCHANGED', () => {
    const fake = chat();
    fake.seat('spaces/S', 'users/11');
    fake.seat('spaces/S', 'users/12');
    const outcomes = runOperations(fake, [
      { kind: 'patchRole', sheetRow: 2, name: 'spaces/S/members/11', from: 'ROLE_MEMBER', role: 'ROLE_ASSISTANT_MANAGER', useAdminAccess: true },
      { kind: 'delete', sheetRow: 3, name: 'spaces/S/members/12', invited: false, useAdminAccess: false },
      { kind: 'delete', sheetRow: 4, name: 'spaces/S/members/13', invited: false, useAdminAccess: false },
    ]);
    expect(outcomes).toEqual([
      { sheetRow: 2, status: 'ROLE_UPDATED', details: 'Role changed from Member to Manager' },
      { sheetRow: 3, status: 'REMOVED', details: 'Removed from the space' },
      { sheetRow: 4, status: 'UNCHANGED', details: 'Not in the space (already removed)' },
    ]);
    expect(fake.calls[0]).toEqual(expect.objectContaining({ useAdminAccess: true }));
    expect(fake.calls[1]).not.toHaveProperty('useAdminAccess');
    // Independent calls of one round go out together; then the read that confirms the 404.
    expect(fake.sends).toBe(2);
    expect(fake.calls[3]).toEqual({ method: 'get', name: 'spaces/S/members/13' });
  });

  it.each([
    [400, 'INVALID_ARGUMENT', 'Google Chat rejected the request. (HTTP 400 INVALID_ARGUMENT: bad) Your side: fix this, then run again.'],
    [403, 'PERMISSION_DENIED', 'Google Chat refused: check that you are a manager of this space (or turn on admin access) and, for people outside your organisation, that the space allows them. (HTTP 403 PERMISSION_DENIED: bad) Your side: fix this, then run again.'],
    [404, 'NOT_FOUND', "Google Chat couldn't find it: the space or the person may not exist, or you can't see them. (HTTP 404 NOT_FOUND: bad) Your side: fix this, then run again."],
    [429, 'RESOURCE_EXHAUSTED', "Google Chat's rate limit was reached. (HTTP 429 RESOURCE_EXHAUSTED: bad) Google's side — try again later; nothing for you to fix."],
    [503, 'UNAVAILABLE', "Google Chat had a temporary problem. (HTTP 503 UNAVAILABLE: bad) Google's side — try again later; nothing for you to fix."],
  ])('a create refused with %i → ERROR with a plain reason and the HTTP status', (code, status, details) => {
    const fake = chat();
    fake.intercept = () => ({ code, error: { code, status, message: 'bad' } });
    expect(runOperations(fake, [create('alice@example.com')])).toEqual([{ sheetRow: 2, status: 'ERROR', details }]);
  });

  it('a gateway that throws on writes leaves the rows PENDING (the answer is lost, the next snapshot tells), not a crash, and no re-send', () => {
    const fake = chat();
    let sends = 0;
    fake.send = () => { sends++; throw new Error('Exception: Address unavailable'); };
    const sender = new PacedSender(fake, new TestClock(), Infinity);
    const outcomes = runOperations(sender, [create('alice@example.com'), { ...create('bob@example.com'), sheetRow: 3 }]);
    expect(outcomes.map((o) => o.status)).toEqual(['PENDING', 'PENDING']);
    expect(sends).toBe(1);
  });

  it('a role patch whose answer is lost after the create leaves the row waiting for its patch, not ERROR', () => {
    const fake = chat();
    const send = fake.send.bind(fake);
    fake.send = (calls) => { if (calls.some((call) => call.method === 'patch')) throw new Error('Exception: Timeout'); return send(calls); };
    const [outcome] = runOperationsAs(new PacedSender(fake, new TestClock(), Infinity), [create('alice@example.com', 'ROLE_MANAGER')]);
    expect(outcome).toEqual({ sheetRow: 2, status: 'PENDING', reason: 'queuedRolePatch' });
  });

  it('a 404 on delete says "already removed" only once members.get agrees', () => {
    const fake = chat();
    fake.seat('spaces/S', 'users/11');
    fake.seat('spaces/S', 'users/12');
    const notFound = { code: 404, error: { code: 404, status: 'NOT_FOUND', message: 'gone' } };
    fake.intercept = (call) => (call.method === 'delete' ? notFound : call.method === 'get' && call.name.endsWith('/12') ? notFound : undefined);
    fake.members.get('spaces/S')!.delete('users/12');
    const outcomes = runOperations(fake, [
      { kind: 'delete', sheetRow: 3, name: 'spaces/S/members/11', invited: false, useAdminAccess: false },
      { kind: 'delete', sheetRow: 4, name: 'spaces/S/members/12', invited: false, useAdminAccess: false },
    ]);
    expect(outcomes).toEqual([
      { sheetRow: 3, status: 'ERROR', details: "Not removed: Google Chat answered that this member isn't in the space, yet still lists them. (HTTP 404 NOT_FOUND: gone) Google's side — try again later; nothing for you to fix." },
      { sheetRow: 4, status: 'UNCHANGED', details: 'Not in the space (already removed)' },
    ]);
    expect(fake.calls.map((call) => call.method)).toEqual(['delete', 'delete', 'get', 'get']);
  });

  it('a 404 on delete whose check fails leaves the row PENDING for the next snapshot', () => {
    const fake = chat();
    fake.seat('spaces/S', 'users/11');
    fake.intercept = (call) => (call.method === 'delete' ? { code: 404, error: { code: 404, status: 'NOT_FOUND', message: 'gone' } }
      : { code: 403, error: { code: 403, status: 'PERMISSION_DENIED', message: 'no' } });
    const [outcome] = runOperations(fake, [{ kind: 'delete', sheetRow: 3, name: 'spaces/S/members/11', invited: false, useAdminAccess: false }]);
    expect(outcome.status).toBe('PENDING');
  });
});
