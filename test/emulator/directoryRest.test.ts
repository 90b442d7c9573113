/**
 * The REST face for the Directory's user search and group members, and the control API that shapes the
 * Directory (units, moves, profiles, archiving, group members), over loopback HTTP.
 */
import { Google } from '../../emulator/google';
import { startRestServer, type RestServer } from '../../emulator/server';
import { scope } from './helpers';

describe('REST: Directory user search, group members and their control API', () => {
  const google = new Google();
  let server: RestServer;
  beforeAll(async () => { server = await startRestServer(google); });
  afterAll(async () => { await server.close(); });

  const control = async (action: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
    const res = await fetch(`${server.url}/__control/${action}`, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const get = async (token: string, path: string): Promise<{ status: number; json: Record<string, unknown> }> => {
    const res = await fetch(`${server.url}/admin/directory/v1/${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const emails = (json: Record<string, unknown>, key: 'users' | 'members'): string[] =>
    ((json[key] as Array<{ primaryEmail?: string; email?: string }> | undefined) ?? []).map((x) => x.primaryEmail ?? x.email ?? '');

  it('users.list?query= and groups/{key}/members answer in Google\'s wire format; control moves, archives and regroups people', async () => {
    expect((await control('seed')).status).toBe(200);
    const { json: { token } } = await control('token', { email: 'admin@example.com', scopes: [scope('admin.directory.user.readonly'), scope('admin.directory.group.readonly')] });
    const auth = String(token);
    const search = (query: string) => get(auth, `users?customer=my_customer&query=${encodeURIComponent(query)}`);

    expect(emails((await search("orgUnitPath='/Sales/EMEA' isSuspended=false")).json, 'users')).toEqual(['grace.lee@example.com', 'heidi.clark@example.com']);
    const bad = await search('orgUnitPath=/APAC');
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 400, message: 'Invalid Input: INVALID_OU_ID' });

    expect((await control('orgUnit', { path: '/Sales/APAC' })).status).toBe(200);
    expect((await control('moveUser', { email: 'kevin.taylor@example.com', orgUnitPath: '/Sales/APAC' })).status).toBe(200);
    expect((await control('userProfile', { email: 'kevin.taylor@example.com', profile: { department: 'Sales', locality: 'Tokyo' } })).status).toBe(200);
    expect((await control('archive', { email: 'grace.lee@example.com', on: true })).status).toBe(200);
    expect(emails((await search("orgUnitPath=/Sales orgDepartment=Sales isArchived=false isSuspended=false")).json, 'users'))
      .toEqual(['dave.brown@example.com', 'heidi.clark@example.com', 'kevin.taylor@example.com']);

    expect((await control('groupMembers', { group: 'design@example.com', members: [{ email: 'kevin.taylor@example.com', role: 'OWNER' }, { email: 'engineering@example.com' }] })).status).toBe(200);
    const direct = await get(auth, 'groups/design%40example.com/members');
    expect(direct.json.members).toEqual([
      expect.objectContaining({ email: 'kevin.taylor@example.com', role: 'OWNER', type: 'USER', status: 'ACTIVE' }),
      expect.objectContaining({ email: 'engineering@example.com', type: 'GROUP' }),
    ]);
    const derived = await get(auth, 'groups/design%40example.com/members?includeDerivedMembership=true&fields=members(email,type)');
    expect(emails(derived.json, 'members')).toEqual(['kevin.taylor@example.com', 'engineering@example.com', 'alice.smith@example.com', 'bob.jones@example.com', 'carol.white@example.com']);
    const missing = await get(auth, 'groups/nosuch%40example.com/members');
    expect([missing.status, (missing.json.error as { message: string }).message]).toEqual([404, 'Resource Not Found: groupKey']);
  });

  it('refuses control input that names nothing, or is malformed, with 400', async () => {
    await control('seed');
    expect((await control('moveUser', { email: 'bob.jones@example.com', orgUnitPath: '/Nowhere' })).status).toBe(400);
    expect((await control('orgUnit', { path: 'Sales' })).status).toBe(400);
    expect((await control('userProfile', { email: 'bob.jones@example.com', profile: { manager: 'x' } })).status).toBe(400);
    expect((await control('groupMembers', { group: 'design@example.com', members: [{ email: 'nobody@example.com' }] })).status).toBe(400);
    expect((await control('groupMembers', { group: 'design@example.com', members: [{ email: 'bob.jones@example.com', role: 'ADMIN' }] })).status).toBe(400);
    expect((await control('archive', { email: 'nobody@example.com', on: true })).status).toBe(400);
  });
});
