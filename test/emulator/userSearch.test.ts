/** users.list `query`: user search over the demo organisation's units, profiles and flags (emulator/userSearch.ts). */
import { demoOrg } from '../../emulator/seed';
import { client, demo, scope } from './helpers';

const DIR = 'https://admin.googleapis.com/admin/directory/v1/';
const USER_READ = [scope('admin.directory.user.readonly')];

function search(extra: { archive?: string } = {}) {
  const { g } = demo();
  if (extra.archive) g.directory.setArchived(extra.archive, true);
  const dir = client(g, g.issueToken('admin@example.com', USER_READ), DIR);
  const list = (query: string, more: Record<string, string | number> = {}) => dir.call('GET', 'users', { customer: 'my_customer', query, ...more });
  const emails = (query: string): string[] => {
    const reply = list(query);
    if (reply.status !== 200) throw new Error(`${reply.status} ${reply.json.error?.message ?? ''}`);
    return ((reply.json.users as Array<{ primaryEmail: string }> | undefined) ?? []).map((u) => u.primaryEmail.split('@')[0] ?? '');
  };
  return { g, dir, list, emails };
}

describe('users.list query: matching', () => {
  it("orgUnitPath='/Sales' matches the unit and every unit below it; '/' matches everyone", () => {
    const { emails } = search();
    expect(emails("orgUnitPath='/Sales'")).toEqual(['dave.brown', 'grace.lee', 'heidi.clark', 'judy.wilson']);
    expect(emails('orgUnitPath=/Sales/EMEA')).toEqual(['grace.lee', 'heidi.clark', 'judy.wilson']);
    expect(emails('orgUnitPath=/')).toHaveLength(12);
  });

  it('clauses are ANDed; quoted values hold spaces; = is the whole value and : a word of it, ignoring case', () => {
    const { emails } = search();
    expect(emails("orgDepartment='Sales' addressLocality='Paris'")).toEqual(['grace.lee', 'judy.wilson']);
    expect(emails("orgTitle='sales director'")).toEqual(['dave.brown']);
    expect(emails('orgTitle=Sales')).toEqual([]);
    expect(emails('orgTitle:director')).toEqual(['dave.brown']);
    expect(emails("orgName='Example Inc' orgDepartment=Engineering")).toEqual(['alice.smith', 'bob.jones', 'carol.white']);
    expect(emails('orgCostCenter=X')).toEqual([]);
  });

  it('email matches aliases too, exactly or by prefix; names by word and prefix', () => {
    const { emails } = search();
    expect(emails('email=alice@example.com')).toEqual(['alice.smith']);
    expect(emails('email:ali*')).toEqual(['alice.smith']);
    expect(emails('email:exa*')).toEqual([]);
    expect(emails("name='Grace Lee'")).toEqual(['grace.lee']);
    expect(emails('givenName:Gra*')).toEqual(['grace.lee']);
    expect(emails('familyName=Jones')).toEqual(['bob.jones']);
  });

  it('isAdmin, isSuspended and isArchived take true or false', () => {
    const { emails } = search({ archive: 'kevin.taylor@example.com' });
    expect(emails('isAdmin=true')).toEqual(['admin']);
    expect(emails('isSuspended=true')).toEqual(['judy.wilson']);
    expect(emails('isArchived=true')).toEqual(['kevin.taylor']);
    expect(emails('orgUnitPath=/Sales isSuspended=false')).toEqual(['dave.brown', 'grace.lee', 'heidi.clark']);
  });

  it('pages a search with maxResults; a token replayed with another query is 400', () => {
    const { list } = search();
    const first = list('orgUnitPath=/Sales', { maxResults: 3 });
    expect((first.json.users as unknown[])).toHaveLength(3);
    const token = first.json.nextPageToken as string;
    const second = list('orgUnitPath=/Sales', { maxResults: 3, pageToken: token });
    expect((second.json.users as Array<{ primaryEmail: string }>).map((u) => u.primaryEmail)).toEqual(['judy.wilson@example.com']);
    expect(second.json.nextPageToken).toBeUndefined();
    expect(list('orgUnitPath=/Engineering', { maxResults: 3, pageToken: token }).status).toBe(400);
  });

  it('renders the unit, archived flag, organizations[0] and addresses[0] in the admin view, and fields masks select them', () => {
    const { dir } = search();
    const grace = dir.call('GET', 'users/grace.lee%40example.com');
    expect(grace.json).toMatchObject({
      orgUnitPath: '/Sales/EMEA', archived: false,
      organizations: [{ name: 'Example Inc', department: 'Sales', title: 'Account Executive', primary: true }],
      addresses: [{ locality: 'Paris', primary: true }],
    });
    const masked = dir.call('GET', 'users', { customer: 'my_customer', query: 'orgUnitPath=/Sales/EMEA', fields: 'users(primaryEmail,orgUnitPath,organizations/department,addresses(locality)),nextPageToken' });
    expect((masked.json.users as unknown[])[0]).toEqual({ primaryEmail: 'grace.lee@example.com', orgUnitPath: '/Sales/EMEA', organizations: [{ department: 'Sales' }], addresses: [{ locality: 'Paris' }] });
    expect(dir.call('GET', 'users/grace.lee%40example.com', { fields: 'organizations/nosuch' }).status).toBe(400);
  });

  it('uses seeded names when given', () => {
    const seed = demoOrg();
    const erin = seed.users.find((u) => u.email === 'erin.green@example.com');
    if (erin) erin.profile = { givenName: 'Erin', familyName: 'Green-Hall' };
    const { g } = demo({ seed });
    const dir = client(g, g.issueToken('admin@example.com', USER_READ), DIR);
    expect(dir.call('GET', 'users', { customer: 'my_customer', query: 'familyName:Hall' }).json.users).toEqual([
      expect.objectContaining({ name: { givenName: 'Erin', familyName: 'Green-Hall', fullName: 'Erin Green-Hall' } }),
    ]);
  });
});

describe('users.list query: refusals', () => {
  it.each([
    ['an unknown field', 'nosuchField=1', 'Invalid Input'],
    ['a field without operator', 'orgDepartment', 'Invalid Input'],
    ['an operator the field does not take', 'orgUnitPath:/Sales', 'Invalid Input'],
    ['an unterminated quote', "orgDepartment='Sales", 'Invalid Input'],
    ['a boolean that is not true/false', 'isSuspended=yes', 'Invalid Input'],
    ['a unit that does not exist', "orgUnitPath='/Nowhere'", 'Invalid Input: INVALID_OU_ID'],
    ['a sub-unit that does not exist', 'orgUnitPath=/Sales/APAC', 'Invalid Input: INVALID_OU_ID'],
  ])('400 for %s, in Google\'s error JSON', (_what, query, message) => {
    const { list } = search();
    const reply = list(query);
    expect(reply.status).toBe(400);
    expect(reply.json.error).toMatchObject({ code: 400, message, errors: [{ message, domain: 'global', reason: 'invalid' }] });
  });

  it('403 for a non-administrator, even in the public view; without the user scope', () => {
    const { g } = demo();
    const bob = client(g, g.issueToken('bob.jones@example.com', USER_READ), DIR);
    const refused = bob.call('GET', 'users', { domain: 'example.com', viewType: 'domain_public', query: 'orgUnitPath=/Sales' });
    expect([refused.status, refused.json.error?.message]).toEqual([403, 'Not Authorized to access this resource/api']);
    expect(bob.call('GET', 'users', { domain: 'example.com', viewType: 'domain_public' }).status).toBe(200);
    const noScope = client(g, g.issueToken('admin@example.com', [scope('admin.directory.group.readonly')]), DIR);
    expect(noScope.call('GET', 'users', { customer: 'my_customer', query: 'isAdmin=true' }).status).toBe(403);
  });
});
