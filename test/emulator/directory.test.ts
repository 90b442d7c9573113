import { Google } from '../../emulator/google';
import { demoOrg } from '../../emulator/seed';
import { client, demo, scope, USER_SCOPES } from './helpers';

const DIR = 'https://admin.googleapis.com/admin/directory/v1/';

describe('Admin SDK Directory', () => {
  it('users.get by email or id; outsiders are not found', () => {
    const { g } = demo();
    const dir = client(g, g.issueToken('admin@example.com', [scope('admin.directory.user.readonly')]), DIR);
    const alice = dir.call('GET', 'users/alice.smith%40example.com');
    expect(alice.json).toMatchObject({ id: g.userIdOf('alice.smith@example.com'), primaryEmail: 'alice.smith@example.com', suspended: false, name: { fullName: 'Alice Smith' } });
    expect(dir.call('GET', `users/${g.userIdOf('judy.wilson@example.com')}`).json.suspended).toBe(true);
    const outsider = dir.call('GET', 'users/pat.partner%40gmail.com');
    expect([outsider.status, outsider.json.error?.message]).toEqual([404, 'Resource Not Found: userKey']);
  });

  it('users.list pages up to 500 with my_customer, internal users only', () => {
    const { g } = demo();
    const dir = client(g, g.issueToken('admin@example.com', [scope('admin.directory.user.readonly')]), DIR);
    const first = dir.call('GET', 'users', { customer: 'my_customer', maxResults: 5 });
    const second = dir.call('GET', 'users', { customer: 'my_customer', maxResults: 500, pageToken: first.json.nextPageToken as string });
    const emails = [...(first.json.users as Array<{ primaryEmail: string }>), ...(second.json.users as Array<{ primaryEmail: string }>)].map((u) => u.primaryEmail);
    expect(emails).toHaveLength(12);
    expect(new Set(emails).size).toBe(12);
    expect(emails).not.toContain('pat.partner@gmail.com');
    expect(second.json.nextPageToken).toBeUndefined();
    expect(dir.call('GET', 'users', { customer: 'my_customer', maxResults: 501 }).status).toBe(400);
    expect(dir.call('GET', 'users').status).toBe(400);
  });

  it('groups.get and groups.list', () => {
    const { g } = demo();
    const dir = client(g, g.issueToken('admin@example.com', [scope('admin.directory.group.readonly')]), DIR);
    expect(dir.call('GET', 'groups/engineering%40example.com').json).toMatchObject({ id: g.groupIdOf('engineering@example.com'), email: 'engineering@example.com' });
    expect(dir.call('GET', 'groups/nosuch%40example.com').status).toBe(404);
    expect((dir.call('GET', 'groups', { customer: 'my_customer' }).json.groups as unknown[])).toHaveLength(3);
    expect(dir.call('GET', 'groups', { customer: 'my_customer', maxResults: 201 }).status).toBe(400);
  });

  it('403 for non-admins and for missing directory scopes', () => {
    const { g } = demo();
    const bob = client(g, g.issueToken('bob.jones@example.com', [scope('admin.directory.user.readonly')]), DIR);
    const denied = bob.call('GET', 'users/alice.smith%40example.com');
    expect([denied.status, denied.json.error?.message]).toEqual([403, 'Not Authorized to access this resource/api']);
    expect(denied.json.error).toMatchObject({ errors: [{ reason: 'forbidden', domain: 'global' }] });
    const noScope = client(g, g.issueToken('admin@example.com', USER_SCOPES), DIR);
    expect(noScope.call('GET', 'users/alice.smith%40example.com').status).toBe(403);
    expect(noScope.call('GET', 'groups/engineering%40example.com').status).toBe(403);
  });

  it('a Chat admin without the Directory privilege is refused the admin view, and may use Chat admin access', () => {
    const seed = demoOrg();
    seed.users = seed.users.map((u) => (u.email === 'admin@example.com' ? { ...u, directoryAdmin: false } : u));
    seed.directorySharing = false;
    const { g, admin } = demo({ seed });
    const dir = client(g, g.issueToken('admin@example.com', [scope('admin.directory.user.readonly'), scope('admin.directory.group.readonly')]), DIR);
    expect(dir.call('GET', 'users', { customer: 'my_customer' }).status).toBe(403);
    expect(dir.call('GET', 'users', { domain: 'example.com', viewType: 'domain_public' }).status).toBe(403);
    expect(dir.call('GET', 'groups/engineering%40example.com').status).toBe(403);
    expect(admin.list('spaces/AAAAmarketing', { useAdminAccess: true, filter: 'member.type = "HUMAN"' }).status).toBe(200);
  });
});

describe('Admin SDK Directory: aliases', () => {
  it('users.get and groups.get accept an alias as key; answers name the primary address and list the aliases', () => {
    const { g } = demo();
    const dir = client(g, g.issueToken('admin@example.com', [scope('admin.directory.user.readonly'), scope('admin.directory.group.readonly')]), DIR);
    const byAlias = dir.call('GET', 'users/ALICE%40example.com');
    expect(byAlias.json).toMatchObject({ id: g.userIdOf('alice.smith@example.com'), primaryEmail: 'alice.smith@example.com', aliases: ['alice@example.com'] });
    expect(dir.call('GET', 'users/bob.jones%40example.com').json).not.toHaveProperty('aliases');
    expect(dir.call('GET', 'groups/eng%40example.com').json).toMatchObject({ id: g.groupIdOf('engineering@example.com'), email: 'engineering@example.com', aliases: ['eng@example.com'] });
    const users = dir.call('GET', 'users', { customer: 'my_customer' }).json.users as Array<{ primaryEmail: string; aliases?: string[] }>;
    expect(users.find((u) => u.primaryEmail === 'alice.smith@example.com')?.aliases).toEqual(['alice@example.com']);
    const groups = dir.call('GET', 'groups', { customer: 'my_customer' }).json.groups as Array<{ email: string; aliases?: string[] }>;
    expect(groups.find((x) => x.email === 'engineering@example.com')?.aliases).toEqual(['eng@example.com']);
  });

  it('carries nonEditableAliases and finds users and groups by them', () => {
    const seed = demoOrg();
    seed.users[2].nonEditableAliases = ['bob.jones@example-alias.test'];
    seed.groups[1].nonEditableAliases = ['design@example-alias.test'];
    const { g } = demo({ seed });
    const dir = client(g, g.issueToken('admin@example.com', [scope('admin.directory.user.readonly'), scope('admin.directory.group.readonly')]), DIR);
    expect(dir.call('GET', 'users/bob.jones%40example-alias.test').json).toMatchObject({ primaryEmail: 'bob.jones@example.com', nonEditableAliases: ['bob.jones@example-alias.test'] });
    expect(dir.call('GET', 'groups/design%40example-alias.test').json).toMatchObject({ email: 'design@example.com' });
  });

  it('refuses a seed whose alias is another address already', () => {
    const seed = demoOrg();
    seed.users[2].aliases = ['carol.white@example.com'];
    expect(() => new Google({ seed })).toThrow(/alias carol.white@example.com/);
    const groupClash = demoOrg();
    groupClash.groups[1].aliases = ['alice@example.com'];
    expect(() => new Google({ seed: groupClash })).toThrow(/alias alice@example.com/);
  });

  it('Chat does not resolve a secondary alias (stricter reading): members.get 404, create 404', () => {
    const { g, admin } = demo();
    const get = admin.get('spaces/AAAAengineering/members/alice@example.com');
    expect(get.status).toBe(404);
    expect(admin.get('spaces/AAAAengineering/members/alice.smith@example.com').status).toBe(200);
    const create = admin.addHuman('spaces/AAAAleadership', 'alice@example.com');
    expect(create.status).toBe(404);
    expect(g.membersOf('spaces/AAAAleadership').map((m) => m.member)).not.toContain('alice.smith@example.com');
  });
});

describe('Admin SDK Directory: fields masks', () => {
  const adminDir = () => {
    const { g } = demo();
    return { g, dir: client(g, g.issueToken('admin@example.com', [scope('admin.directory.user.readonly'), scope('admin.directory.group.readonly')]), DIR) };
  };

  it('keeps only the fields a list mask names, in each element', () => {
    const { dir } = adminDir();
    const page = dir.call('GET', 'users', { customer: 'my_customer', maxResults: 3, fields: 'users(id,primaryEmail,aliases,suspended),nextPageToken' });
    expect(Object.keys(page.json).sort()).toEqual(['nextPageToken', 'users']);
    const users = page.json.users as Array<Record<string, unknown>>;
    expect(users.map((u) => Object.keys(u).sort())).toEqual([
      ['id', 'primaryEmail', 'suspended'], ['aliases', 'id', 'primaryEmail', 'suspended'], ['id', 'primaryEmail', 'suspended'],
    ]);
    // A mask that forgets aliases gets none: a bulk index built from it would miss alias rows.
    const forgetful = dir.call('GET', 'users', { customer: 'my_customer', fields: 'users(id,primaryEmail)' });
    expect((forgetful.json.users as Array<Record<string, unknown>>).some((u) => 'aliases' in u)).toBe(false);
    expect(forgetful.json).not.toHaveProperty('nextPageToken');
  });

  it('selects nested fields with / and (…), everything with *, and gets too', () => {
    const { g, dir } = adminDir();
    const alice = 'users/alice.smith%40example.com';
    expect(dir.call('GET', alice, { fields: 'id,name/fullName' }).json).toEqual({ id: g.userIdOf('alice.smith@example.com'), name: { fullName: 'Alice Smith' } });
    expect(dir.call('GET', alice, { fields: 'name(givenName,familyName)' }).json).toEqual({ name: { givenName: 'Alice', familyName: 'Smith' } });
    expect(dir.call('GET', alice, { fields: '*' }).json).toEqual(dir.call('GET', alice).json);
    const list = dir.call('GET', 'users', { customer: 'my_customer', maxResults: 1, fields: 'users/primaryEmail' });
    expect(list.json).toEqual({ users: [{ primaryEmail: 'admin@example.com' }] });
    expect(dir.call('GET', 'groups', { customer: 'my_customer', fields: 'groups(id)' }).json).toEqual({
      groups: ['03allstaff0003', '03design000002', '03engineering01'].map((id) => ({ id })),
    });
    expect(dir.call('GET', 'groups/eng%40example.com', { fields: 'email' }).json).toEqual({ email: 'engineering@example.com' });
  });

  it('refuses a field the resource does not have', () => {
    const { dir } = adminDir();
    const bad = dir.call('GET', 'users', { customer: 'my_customer', fields: 'users(id,mail)' });
    expect([bad.status, bad.json.error?.message]).toEqual([400, 'Invalid field selection mail']);
    expect(dir.call('GET', 'users/alice.smith%40example.com', { fields: 'id/nope' }).status).toBe(400);
    expect(dir.call('GET', 'users/alice.smith%40example.com', { fields: 'id,(' }).status).toBe(400);
  });
});

describe('Admin SDK Directory: domain_public, for people without admin rights', () => {
  const bobDir = (g: Google) => client(g, g.issueToken('bob.jones@example.com', [scope('admin.directory.user.readonly'), scope('admin.directory.group.readonly')]), DIR);

  it('lists public profiles only, by domain, without suspended people', () => {
    const { g } = demo();
    const dir = bobDir(g);
    const page = dir.call('GET', 'users', { domain: 'example.com', viewType: 'domain_public', maxResults: 500 });
    expect(page.status).toBe(200);
    const users = page.json.users as Array<Record<string, unknown>>;
    expect(users.map((u) => u.primaryEmail)).not.toContain('judy.wilson@example.com');
    expect(users).toHaveLength(11);
    for (const user of users) expect(Object.keys(user).sort()).toEqual(['id', 'kind', 'name', 'primaryEmail']);
    // A mask can't reveal what the view hides.
    const masked = dir.call('GET', 'users', { domain: 'example.com', viewType: 'domain_public', fields: 'users(id,primaryEmail,aliases,suspended)' });
    expect((masked.json.users as Array<Record<string, unknown>>).every((u) => !('aliases' in u) && !('suspended' in u))).toBe(true);
  });

  it('gets a public profile by primary address, alias or id; suspended people are not found', () => {
    const { g } = demo();
    const dir = bobDir(g);
    const public_ = { viewType: 'domain_public' };
    expect(dir.call('GET', 'users/alice%40example.com', public_).json).toEqual({
      kind: 'admin#directory#user', id: g.userIdOf('alice.smith@example.com'), primaryEmail: 'alice.smith@example.com',
      name: { givenName: 'Alice', familyName: 'Smith', fullName: 'Alice Smith' },
    });
    expect(dir.call('GET', `users/${g.userIdOf('carol.white@example.com')}`, public_).status).toBe(200);
    expect(dir.call('GET', 'users/judy.wilson%40example.com', public_).status).toBe(404);
    expect(dir.call('GET', 'users/pat.partner%40gmail.com', public_).status).toBe(404);
  });

  it('403 for the admin view, the customer parameter, groups, outsiders, and when directory sharing is off', () => {
    const { g } = demo();
    const dir = bobDir(g);
    const denied = (reply: { status: number; json: { error?: { message: string } } }) => [reply.status, reply.json.error?.message];
    const forbidden = [403, 'Not Authorized to access this resource/api'];
    expect(denied(dir.call('GET', 'users', { domain: 'example.com' }))).toEqual(forbidden);
    expect(denied(dir.call('GET', 'users', { customer: 'my_customer', viewType: 'domain_public' }))).toEqual(forbidden);
    expect(denied(dir.call('GET', 'groups', { domain: 'example.com' }))).toEqual(forbidden);
    expect(denied(dir.call('GET', 'groups/engineering%40example.com'))).toEqual(forbidden);
    expect(dir.call('GET', 'users', { domain: 'example.com', viewType: 'public' }).status).toBe(400);
    const outsider = client(g, g.issueToken('pat.partner@gmail.com', [scope('admin.directory.user.readonly')]), DIR);
    expect(denied(outsider.call('GET', 'users', { domain: 'example.com', viewType: 'domain_public' }))).toEqual(forbidden);

    const seed = demoOrg();
    seed.directorySharing = false;
    const off = demo({ seed });
    const refused = bobDir(off.g).call('GET', 'users', { domain: 'example.com', viewType: 'domain_public' });
    expect(denied(refused)).toEqual(forbidden);
    const admin = client(off.g, off.g.issueToken('admin@example.com', [scope('admin.directory.user.readonly')]), DIR);
    expect(admin.call('GET', 'users', { domain: 'example.com', viewType: 'domain_public' }).status).toBe(200);
    expect(admin.call('GET', 'users', { customer: 'my_customer' }).status).toBe(200);
  });

  it('an administrator may read the public view too, with customer or domain', () => {
    const { g } = demo();
    const admin = client(g, g.issueToken('admin@example.com', [scope('admin.directory.user.readonly')]), DIR);
    const page = admin.call('GET', 'users', { customer: 'my_customer', viewType: 'domain_public', maxResults: 500 });
    expect((page.json.users as unknown[]).length).toBe(11);
  });
});
