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
});
