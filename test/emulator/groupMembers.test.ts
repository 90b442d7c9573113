/** Directory members.list (emulator/groupMembers.ts) over the demo organisation's groups. */
import { client, demo, scope } from './helpers';

const DIR = 'https://admin.googleapis.com/admin/directory/v1/';

interface MemberJson { id: string; email: string; role: string; type: string; status: string; kind?: string }

function admin(scopes = [scope('admin.directory.group.readonly')]) {
  const { g } = demo();
  const dir = client(g, g.issueToken('admin@example.com', scopes), DIR);
  const list = (group: string, query: Record<string, string | number | boolean> = {}) => dir.call('GET', `groups/${encodeURIComponent(group)}/members`, query);
  const members = (group: string, query: Record<string, string | number | boolean> = {}): MemberJson[] =>
    (list(group, query).json.members as MemberJson[] | undefined) ?? [];
  return { g, dir, list, members };
}

describe('members.list', () => {
  it('lists direct members; a nested group appears as one type GROUP member', () => {
    const { g, members } = admin();
    const direct = members('all-staff@example.com');
    expect(direct.map((m) => [m.email, m.type, m.role, m.status])).toEqual([
      ['engineering@example.com', 'GROUP', 'MEMBER', 'ACTIVE'],
      ['design@example.com', 'GROUP', 'MEMBER', 'ACTIVE'],
      ['dave.brown@example.com', 'USER', 'MANAGER', 'ACTIVE'],
      ['grace.lee@example.com', 'USER', 'MEMBER', 'ACTIVE'],
      ['judy.wilson@example.com', 'USER', 'MEMBER', 'SUSPENDED'],
      ['bob.jones@example.com', 'USER', 'MEMBER', 'ACTIVE'],
    ]);
    expect(direct[0]).toEqual({ kind: 'admin#directory#member', id: g.groupIdOf('engineering@example.com'), email: 'engineering@example.com', role: 'MEMBER', type: 'GROUP', status: 'ACTIVE' });
    expect(direct[2]?.id).toBe(g.userIdOf('dave.brown@example.com'));
  });

  it('includeDerivedMembership flattens nested groups, each person once', () => {
    const { members } = admin();
    const all = members('all-staff@example.com', { includeDerivedMembership: true });
    const people = all.filter((m) => m.type === 'USER').map((m) => m.email.split('@')[0]);
    expect(people).toEqual(['dave.brown', 'grace.lee', 'judy.wilson', 'bob.jones', 'alice.smith', 'carol.white', 'erin.green', 'frank.miller']);
    expect(all.filter((m) => m.type === 'GROUP')).toHaveLength(2);
    expect(all.find((m) => m.email === 'alice.smith@example.com')?.role).toBe('OWNER');
  });

  it('shows archived people as ARCHIVED; group members follow control changes', () => {
    const { g, members } = admin();
    g.directory.setArchived('carol.white@example.com', true);
    g.directory.setGroupMembers('design@example.com', [{ email: 'carol.white@example.com' }, { email: 'kevin.taylor@example.com', role: 'OWNER' }]);
    expect(members('design@example.com').map((m) => [m.email, m.role, m.status])).toEqual([
      ['carol.white@example.com', 'MEMBER', 'ARCHIVED'], ['kevin.taylor@example.com', 'OWNER', 'ACTIVE'],
    ]);
    expect(() => g.directory.setGroupMembers('engineering@example.com', [{ email: 'all-staff@example.com' }])).toThrow(/cycle/);
    expect(() => g.directory.setGroupMembers('design@example.com', [{ email: 'pat.partner@gmail.com' }])).toThrow(/outsiders/);
  });

  it('roles filters; maxResults pages (default and most 200); a token replayed with other parameters is 400', () => {
    const { list, members } = admin();
    expect(members('all-staff@example.com', { roles: 'MANAGER,OWNER', includeDerivedMembership: true }).map((m) => m.email))
      .toEqual(['dave.brown@example.com', 'alice.smith@example.com']);
    expect(list('all-staff@example.com', { roles: 'ADMIN' }).status).toBe(400);
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = list('all-staff@example.com', { includeDerivedMembership: true, maxResults: 3, ...(token ? { pageToken: token } : {}) });
      expect(page.status).toBe(200);
      seen.push(...(page.json.members as MemberJson[]).map((m) => m.email));
      token = page.json.nextPageToken as string | undefined;
      if (token) expect(list('all-staff@example.com', { maxResults: 3, pageToken: token }).status).toBe(400);
    } while (token);
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
    expect(list('all-staff@example.com', { maxResults: 201 }).status).toBe(400);
    expect(list('all-staff@example.com', { maxResults: 0 }).status).toBe(400);
    expect(list('all-staff@example.com', { nosuch: 1 }).status).toBe(400);
  });

  it('groupKey is the email, an alias or the id; fields masks each member', () => {
    const { g, list, members } = admin();
    const byEmail = members('engineering@example.com');
    expect(members('eng@example.com')).toEqual(byEmail);
    expect(members(g.groupIdOf('engineering@example.com') ?? '')).toEqual(byEmail);
    expect(list('engineering@example.com', { fields: 'members(email,status),nextPageToken' }).json).toEqual({
      members: byEmail.map((m) => ({ email: m.email, status: m.status })),
    });
    expect(list('engineering@example.com', { fields: 'members(orgUnitPath)' }).status).toBe(400);
  });

  it('404 "Resource Not Found: groupKey" for an unknown group, in Google\'s error JSON', () => {
    const { list } = admin();
    const reply = list('nosuch@example.com');
    expect(reply.status).toBe(404);
    expect(reply.json.error).toMatchObject({ code: 404, message: 'Resource Not Found: groupKey', errors: [{ reason: 'notFound' }] });
  });

  it.each([
    'admin.directory.group', 'admin.directory.group.readonly', 'admin.directory.group.member', 'admin.directory.group.member.readonly',
  ])('any of the reference page\'s scopes will do: %s', (name) => {
    expect(admin([scope(name)]).list('design@example.com').status).toBe(200);
  });

  it('403 without a group scope, and for a non-administrator', () => {
    const noScope = admin([scope('admin.directory.user.readonly')]).list('design@example.com');
    expect([noScope.status, noScope.json.error?.message]).toEqual([403, 'Request had insufficient authentication scopes.']);
    const { g } = demo();
    const bob = client(g, g.issueToken('bob.jones@example.com', [scope('admin.directory.group.readonly')]), DIR);
    const refused = bob.call('GET', 'groups/design%40example.com/members');
    expect([refused.status, refused.json.error?.message]).toEqual([403, 'Not Authorized to access this resource/api']);
    expect(g.calls.at(-1)).toMatchObject({ methodId: 'admin.directory.members.list', status: 403 });
  });
});
