import { Google } from '../../emulator/google';
import { bigOrg, client, demo, memberships, USER_SCOPES, type MembershipJson } from './helpers';

const ENG = 'spaces/AAAAengineering';

describe('members.list pagination', () => {
  const g = new Google({ seed: bigOrg(2499) });
  const owner = client(g, g.issueToken('owner@big.test', USER_SCOPES));
  // Each case stays within the per-space read budget of 15 a second.
  beforeEach(() => g.clock.advance(1000));

  it('pages 2,500 members in 3 pages of at most 1000 with opaque tokens and no duplicates', () => {
    const seen: string[] = [];
    const tokens: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const reply = owner.list('spaces/BIG', { pageSize: 1000, pageToken });
      expect(reply.status).toBe(200);
      pages++;
      seen.push(...memberships(reply).map((m) => m.name));
      pageToken = reply.json.nextPageToken as string | undefined;
      if (pageToken) tokens.push(pageToken);
    } while (pageToken);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(2500);
    expect(new Set(seen).size).toBe(2500);
    for (const token of tokens) expect(token).not.toMatch(/^\d+$/);
  });

  it('defaults to 100, caps at 1000, rejects a negative size', () => {
    expect(memberships(owner.list('spaces/BIG'))).toHaveLength(100);
    expect(memberships(owner.list('spaces/BIG', { pageSize: 5000 }))).toHaveLength(1000);
    expect(owner.list('spaces/BIG', { pageSize: -1 }).json.error?.status).toBe('INVALID_ARGUMENT');
  });

  it('rejects a token replayed with different parameters, and a forged one', () => {
    const first = owner.list('spaces/BIG', { pageSize: 10 });
    const token = first.json.nextPageToken as string;
    expect(owner.list('spaces/BIG', { pageSize: 10, pageToken: token }).status).toBe(200);
    expect(owner.list('spaces/BIG', { pageSize: 10, pageToken: token, showInvited: true }).status).toBe(400);
    expect(owner.list('spaces/BIG', { pageToken: 'not-a-token' }).status).toBe(400);
  });

  it('keeps its place when members are removed between pages', () => {
    const first = owner.list('spaces/BIG', { pageSize: 10 });
    const firstNames = memberships(first).map((m) => m.name);
    expect(owner.del(firstNames[3] as string).status).toBe(200);
    const second = owner.list('spaces/BIG', { pageSize: 10, pageToken: first.json.nextPageToken as string });
    const secondNames = memberships(second).map((m) => m.name);
    expect(secondNames).toHaveLength(10);
    expect(secondNames.filter((n) => firstNames.includes(n))).toEqual([]);
  });
});

describe('members.list visibility flags', () => {
  const names = (list: MembershipJson[]): string[] => list.map((m) => m.member?.name ?? m.groupMember?.name ?? '');

  it('hides invited members unless showInvited', () => {
    const { admin, id } = demo();
    const ivan = `users/${id('ivan.petrov@example.com')}`;
    expect(names(memberships(admin.list('spaces/AAAAdesignteam')))).not.toContain(ivan);
    const shown = memberships(admin.list('spaces/AAAAdesignteam', { showInvited: true }));
    expect(shown.find((m) => m.member?.name === ivan)?.state).toBe('INVITED');
  });

  it('lists groups only with showGroups', () => {
    const { g, admin } = demo();
    const group = `groups/${g.groupIdOf('engineering@example.com')}`;
    expect(names(memberships(admin.list(ENG)))).not.toContain(group);
    expect(names(memberships(admin.list(ENG, { showGroups: true })))).toContain(group);
  });

  it('omits memberships on an empty page', () => {
    const { admin } = demo();
    const reply = admin.list(ENG, { filter: 'role = "ROLE_MANAGER" AND member.type = "BOT"' });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({});
  });
});

describe('members.list filter', () => {
  const { admin } = demo();
  const count = (filter: string, extra = {}): number => {
    const reply = admin.list(ENG, { filter, showGroups: true, ...extra });
    expect(reply.status).toBe(200);
    return memberships(reply).length;
  };

  it('accepts the documented forms', () => {
    // Engineering: admin (owner), alice (manager), bob, carol, a group and the app.
    expect(count('role = "ROLE_MANAGER"')).toBe(1);
    expect(count('role = "ROLE_MANAGER" OR role = "ROLE_MEMBER"')).toBe(4);
    expect(count('member.type = "HUMAN" AND role = "ROLE_MEMBER"')).toBe(2);
    expect(count('member.type != "BOT"')).toBe(5);
    expect(count('member.type = "BOT"')).toBe(1);
    expect(count('(member.type = "HUMAN") AND (role = "ROLE_MANAGER" OR role = "ROLE_MEMBER")')).toBe(3);
  });

  it('rejects invalid combinations and syntax with 400', () => {
    for (const filter of [
      'member.type = "HUMAN" AND member.type = "BOT"',
      'role = "ROLE_MANAGER" AND role = "ROLE_MEMBER"',
      'role != "ROLE_MEMBER"',
      'role = "OWNER"',
      'member.email = "a@b.c"',
      'role = ',
      'role = "ROLE_MEMBER" AND',
      '(role = "ROLE_MEMBER"',
    ]) {
      const reply = admin.list(ENG, { filter });
      expect([filter, reply.status, reply.json.error?.status]).toEqual([filter, 400, 'INVALID_ARGUMENT']);
    }
  });
});
