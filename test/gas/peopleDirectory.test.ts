/**
 * AdminPeopleDirectory (src/gas/peopleDirectory.ts) inside an execution of the emulated Apps Script: its
 * AdminDirectory calls go through the advanced-service fake to the emulated Directory.
 */
import { Google } from '../../emulator/google';
import { demoOrg, type OrgSeed } from '../../emulator/seed';
import { AdminPeopleDirectory, peopleDirectory } from '../../src/gas/peopleDirectory';
import { inDirectoryExecution } from './directoryExecution';

const ADMIN = 'admin@example.com';

/** An organisation with `count` people in /Big, all in group big@ through a nested group. */
function bigOrg(count: number): OrgSeed {
  const seed = demoOrg();
  seed.orgUnits = [...(seed.orgUnits ?? []), '/Big'];
  for (let i = 0; i < count; i++) seed.users.push({ id: String(130000000000000000000n + BigInt(i)), email: `p${String(i).padStart(4, '0')}@example.com`, orgUnitPath: '/Big' });
  const people = seed.users.filter((u) => u.orgUnitPath === '/Big').map((u) => ({ email: u.email }));
  seed.groups.push({ id: '04inner', email: 'inner@example.com', members: people }, { id: '04outer', email: 'big@example.com', members: [{ email: 'inner@example.com' }] });
  return seed;
}

describe('AdminPeopleDirectory.searchUsers', () => {
  it('answers the people a query names, with unit, suspension and archive flags, in one call per 500', () => {
    const google = new Google({ seed: demoOrg() });
    google.directory.setArchived('heidi.clark@example.com', true);
    const found = inDirectoryExecution(google, ADMIN, () => peopleDirectory.searchUsers("orgUnitPath='/Sales'"));
    expect(found).toEqual({
      ok: true, value: [
        { name: `users/${google.userIdOf('dave.brown@example.com')}`, email: 'dave.brown@example.com', orgUnitPath: '/Sales', suspended: false, archived: false },
        { name: `users/${google.userIdOf('grace.lee@example.com')}`, email: 'grace.lee@example.com', orgUnitPath: '/Sales/EMEA', suspended: false, archived: false },
        { name: `users/${google.userIdOf('heidi.clark@example.com')}`, email: 'heidi.clark@example.com', orgUnitPath: '/Sales/EMEA', suspended: false, archived: true },
        { name: `users/${google.userIdOf('judy.wilson@example.com')}`, email: 'judy.wilson@example.com', orgUnitPath: '/Sales/EMEA', suspended: true, archived: false },
      ],
    });
    expect(google.calls.map((c) => [c.methodId, c.status])).toEqual([['admin.directory.users.list', 200]]);
  });

  it('reads every page; an empty query lists everyone', () => {
    const google = new Google({ seed: bigOrg(1200) });
    const found = inDirectoryExecution(google, ADMIN, () => new AdminPeopleDirectory().searchUsers('orgUnitPath=/Big'));
    expect(found.ok && found.value.length).toBe(1200);
    expect(google.calls).toHaveLength(3);
    const everyone = inDirectoryExecution(google, ADMIN, () => peopleDirectory.searchUsers(''));
    expect(everyone.ok && everyone.value.length).toBe(1212);
  });

  it('a query Google refuses, a non-administrator, a failed later page: {ok: false} with Google\'s message', () => {
    const google = new Google({ seed: bigOrg(600) });
    const bad = inDirectoryExecution(google, ADMIN, () => peopleDirectory.searchUsers('orgUnitPath=/Nowhere'));
    expect(bad).toEqual({ ok: false, error: { code: 0, status: '', message: expect.stringMatching(/Invalid Input: INVALID_OU_ID$/) } });
    const bob = inDirectoryExecution(google, 'bob.jones@example.com', () => peopleDirectory.searchUsers('orgUnitPath=/Sales'));
    expect(bob.ok ? '' : bob.error.message).toMatch(/Not Authorized to access this resource\/api$/);
    // The second page fails: no half answer.
    const fetch = google.fetch.bind(google);
    let calls = 0;
    google.fetch = (request) => {
      if (++calls === 2) google.injectFault({ methodId: 'admin.directory.users.list', code: 503, times: 1 });
      return fetch(request);
    };
    const half = inDirectoryExecution(google, ADMIN, () => peopleDirectory.searchUsers('orgUnitPath=/Big'));
    expect(half.ok ? '' : half.error.message).toMatch(/The service is currently unavailable\.$/);
    expect(calls).toBe(2);
  });

  it('{ok: false} without calling Google when the advanced service is missing', () => {
    expect(peopleDirectory.searchUsers('isAdmin=true')).toEqual({ ok: false, error: { code: 0, status: '', message: expect.stringMatching(/not enabled/) } });
    expect(peopleDirectory.groupPeople('all-staff@example.com').ok).toBe(false);
  });
});

describe('AdminPeopleDirectory.groupPeople', () => {
  it('answers the group\'s people with nested groups flattened, each once; SUSPENDED and ARCHIVED read from the status', () => {
    const google = new Google({ seed: demoOrg() });
    google.directory.setArchived('erin.green@example.com', true);
    const found = inDirectoryExecution(google, ADMIN, () => peopleDirectory.groupPeople('all-staff@example.com'));
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value.map((p) => p.email)).toEqual([
      'dave.brown@example.com', 'grace.lee@example.com', 'judy.wilson@example.com', 'bob.jones@example.com',
      'alice.smith@example.com', 'carol.white@example.com', 'erin.green@example.com', 'frank.miller@example.com',
    ]);
    expect(found.value.find((p) => p.email === 'judy.wilson@example.com')).toEqual({ name: `users/${google.userIdOf('judy.wilson@example.com')}`, email: 'judy.wilson@example.com', suspended: true });
    expect(found.value.find((p) => p.email === 'erin.green@example.com')).toMatchObject({ suspended: false, archived: true });
    expect(found.value.every((p) => p.orgUnitPath === undefined)).toBe(true);
  });

  it('reads every page of 200; an alias works as the key', () => {
    const google = new Google({ seed: bigOrg(450) });
    const found = inDirectoryExecution(google, ADMIN, () => peopleDirectory.groupPeople('big@example.com'));
    expect(found.ok && found.value.length).toBe(450);
    expect(google.calls.map((c) => c.methodId)).toEqual(Array(3).fill('admin.directory.members.list'));
    const eng = inDirectoryExecution(google, ADMIN, () => peopleDirectory.groupPeople('eng@example.com'));
    expect(eng.ok && eng.value.map((p) => p.email)).toEqual(['alice.smith@example.com', 'bob.jones@example.com', 'carol.white@example.com']);
  });

  it('an unknown group, a missing group scope: {ok: false} with Google\'s message', () => {
    const google = new Google({ seed: demoOrg() });
    const missing = inDirectoryExecution(google, ADMIN, () => peopleDirectory.groupPeople('nosuch@example.com'));
    expect(missing.ok ? '' : missing.error.message).toMatch(/Resource Not Found: groupKey$/);
    const userScopeOnly = ['https://www.googleapis.com/auth/admin.directory.user.readonly'];
    const noScope = inDirectoryExecution(google, ADMIN, () => peopleDirectory.groupPeople('design@example.com'), { scopes: userScopeOnly });
    expect(noScope.ok ? '' : noScope.error.message).toMatch(/insufficient authentication scopes/);
  });
});
