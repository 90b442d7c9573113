/**
 * AdminPeopleDirectory (src/gas/peopleDirectory.ts) inside an execution of the emulated Apps Script: its
 * Directory REST reads go through the UrlFetchApp fake (the shipped manifest's whitelist enforced) to the
 * emulated Directory, and a failure carries Google's HTTP status, which expandRules.ts decides on.
 */
import { Google } from '../../emulator/google';
import { demoOrg, type OrgSeed } from '../../emulator/seed';
import { AdminPeopleDirectory, peopleDirectory } from '../../src/gas/peopleDirectory';
import { inDirectoryExecution } from './directoryExecution';

const ADMIN = 'admin@example.com';
const AUTH = 'https://www.googleapis.com/auth/';
const DIRECTORY = 'https://admin.googleapis.com/admin/directory/v1/';

/** Records every URL the emulated Google is asked from now on, query included (its call log keeps none). */
function recordUrls(google: Google): string[] {
  const urls: string[] = [];
  const fetch = google.fetch.bind(google);
  google.fetch = (request) => { urls.push(request.url); return fetch(request); };
  return urls;
}

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

  it('a unit Google doesn\'t know → 400, a non-administrator → 403, with Google\'s message and status', () => {
    const google = new Google({ seed: demoOrg() });
    const bad = inDirectoryExecution(google, ADMIN, () => peopleDirectory.searchUsers('orgUnitPath=/Nowhere'));
    expect(bad).toEqual({ ok: false, error: { code: 400, status: expect.any(String), message: 'Invalid Input: INVALID_OU_ID' } });
    const bob = inDirectoryExecution(google, 'bob.jones@example.com', () => peopleDirectory.searchUsers('orgUnitPath=/Sales'));
    expect(bob).toEqual({ ok: false, error: expect.objectContaining({ code: 403, message: 'Not Authorized to access this resource/api' }) });
  });

  it('a 503 on the second page: {ok: false} with code 503, no half answer', () => {
    const google = new Google({ seed: bigOrg(600) });
    const fetch = google.fetch.bind(google);
    let calls = 0;
    google.fetch = (request) => {
      if (++calls === 2) google.injectFault({ methodId: 'admin.directory.users.list', code: 503, times: 1 });
      return fetch(request);
    };
    const half = inDirectoryExecution(google, ADMIN, () => peopleDirectory.searchUsers('orgUnitPath=/Big'));
    expect(half).toEqual({ ok: false, error: expect.objectContaining({ code: 503 }) });
    expect(calls).toBe(2);
  });

  it('asks users.list over REST for the customer, 500 a page, only the fields it reads; no query when empty', () => {
    const google = new Google({ seed: demoOrg() });
    const urls = recordUrls(google);
    inDirectoryExecution(google, ADMIN, () => peopleDirectory.searchUsers("orgUnitPath='/Sales'"));
    inDirectoryExecution(google, ADMIN, () => peopleDirectory.searchUsers(' '));
    const fields = encodeURIComponent('users(id,primaryEmail,orgUnitPath,suspended,archived),nextPageToken');
    expect(urls).toEqual([
      `${DIRECTORY}users?customer=my_customer&query=${encodeURIComponent("orgUnitPath='/Sales'")}&maxResults=500&fields=${fields}`,
      `${DIRECTORY}users?customer=my_customer&maxResults=500&fields=${fields}`,
    ]);
  });

  it('a fetch that throws (here: no UrlFetchApp in scope): {ok: false} with code 0, as a transport failure', () => {
    expect(peopleDirectory.searchUsers('isAdmin=true')).toEqual({ ok: false, error: { code: 0, status: '', message: expect.any(String) } });
    expect(peopleDirectory.groupPeople('all-staff@example.com')).toMatchObject({ ok: false, error: { code: 0 } });
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

  it('an unknown group → 404, a non-administrator → 403, a token without the group scope → 403', () => {
    const google = new Google({ seed: demoOrg() });
    const missing = inDirectoryExecution(google, ADMIN, () => peopleDirectory.groupPeople('nosuch@example.com'));
    expect(missing).toEqual({ ok: false, error: expect.objectContaining({ code: 404, message: 'Resource Not Found: groupKey' }) });
    const bob = inDirectoryExecution(google, 'bob.jones@example.com', () => peopleDirectory.groupPeople('design@example.com'));
    expect(bob).toMatchObject({ ok: false, error: { code: 403 } });
    // UrlFetchApp itself needs script.external_request only; the Directory refuses the token without its scope.
    const userScopeOnly = [`${AUTH}script.external_request`, `${AUTH}admin.directory.user.readonly`];
    const noScope = inDirectoryExecution(google, ADMIN, () => peopleDirectory.groupPeople('design@example.com'), { scopes: userScopeOnly });
    expect(noScope).toMatchObject({ ok: false, error: { code: 403 } });
    expect(noScope.ok ? '' : noScope.error.message).toMatch(/insufficient authentication scopes/);
  });

  it('asks members.list over REST with the group key encoded, derived membership, 200 a page', () => {
    const google = new Google({ seed: demoOrg() });
    const urls = recordUrls(google);
    inDirectoryExecution(google, ADMIN, () => peopleDirectory.groupPeople('eng@example.com'));
    expect(urls).toEqual([
      `${DIRECTORY}groups/eng%40example.com/members?includeDerivedMembership=true&maxResults=200&fields=${encodeURIComponent('members(id,email,type,status),nextPageToken')}`,
    ]);
  });
});
