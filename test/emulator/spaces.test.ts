import { client, demo, scope } from './helpers';

interface SpaceJson { name: string; displayName?: string; spaceType: string }
const spacesOf = (json: Record<string, unknown>): SpaceJson[] => (json.spaces as SpaceJson[] | undefined) ?? [];
const resultsOf = (json: Record<string, unknown>): SpaceJson[] =>
  ((json.results as Array<{ space: SpaceJson }> | undefined) ?? []).map((r) => r.space);

describe('spaces.get', () => {
  it('returns the space to a member, 403 to others, 404 for none; admin access reads any', () => {
    const { g, admin } = demo();
    const got = admin.call('GET', 'spaces/AAAAengineering');
    expect(got.json).toMatchObject({ name: 'spaces/AAAAengineering', displayName: 'Engineering', spaceType: 'SPACE', externalUserAllowed: false });
    expect(got.json.membershipCount).toEqual({ joinedDirectHumanUserCount: 4, joinedGroupCount: 1 });
    const erin = client(g, g.issueToken('erin.green@example.com', [scope('chat.spaces.readonly')]));
    expect(erin.call('GET', 'spaces/AAAAengineering').status).toBe(403);
    expect(erin.call('GET', 'spaces/NOSUCH').status).toBe(404);
    expect(admin.call('GET', 'spaces/AAAAgroupchat', { useAdminAccess: true }).status).toBe(200);
  });
});

describe('spaces.list', () => {
  it('lists only the caller\'s spaces, including group chats and DMs, filtered by type', () => {
    const { g, admin } = demo();
    expect(spacesOf(admin.call('GET', 'spaces').json)).toHaveLength(9);
    const bob = client(g, g.issueToken('bob.jones@example.com', [scope('chat.spaces.readonly')]));
    expect(spacesOf(bob.call('GET', 'spaces').json).map((s) => s.name).sort()).toEqual(['spaces/AAAAdirectmsg', 'spaces/AAAAengineering', 'spaces/AAAAgroupchat']);
    const named = spacesOf(admin.call('GET', 'spaces', { filter: 'space_type = "SPACE"' }).json);
    expect(named.map((s) => s.displayName)).toEqual(['Engineering', 'Design Team', 'All Hands', 'Partners', 'Leadership', 'Marketing', 'Sales']);
    const chats = spacesOf(admin.call('GET', 'spaces', { filter: 'spaceType = "GROUP_CHAT" OR spaceType = "DIRECT_MESSAGE"' }).json);
    expect(chats.map((s) => s.spaceType).sort()).toEqual(['DIRECT_MESSAGE', 'GROUP_CHAT']);
    expect(admin.call('GET', 'spaces', { filter: 'space_type = "SPACE" AND space_type = "GROUP_CHAT"' }).status).toBe(400);
    expect(admin.call('GET', 'spaces', { filter: 'space_type = "SPACE_TYPE_UNSPECIFIED"' }).status).toBe(400);
    expect(admin.call('GET', 'spaces', { useAdminAccess: true }).status).toBe(400);
  });

  it('pages with opaque tokens', () => {
    const { admin } = demo();
    const first = admin.call('GET', 'spaces', { pageSize: 5 });
    expect(spacesOf(first.json)).toHaveLength(5);
    const second = admin.call('GET', 'spaces', { pageSize: 5, pageToken: first.json.nextPageToken as string });
    expect(spacesOf(second.json)).toHaveLength(4);
    expect(second.json.nextPageToken).toBeUndefined();
  });
});

describe('spaces.search', () => {
  it('without admin access: display_name prefix tokens over the caller\'s joined named spaces', () => {
    const { g, admin } = demo();
    const search = (query: string) => admin.call('GET', 'spaces:search', { query });
    expect(resultsOf(search('display_name:"eng" AND space_type = "SPACE"').json).map((s) => s.displayName)).toEqual(['Engineering']);
    expect(resultsOf(search('display_name:"Team Des" AND space_type = "SPACE"').json).map((s) => s.displayName)).toEqual(['Design Team']);
    expect(resultsOf(search('display_name:"gineering" AND space_type = "SPACE"').json)).toEqual([]);
    expect(search('space_type = "SPACE"').json).toMatchObject({ totalSize: 0 });
    expect(search('display_name:"eng"').status).toBe(400);
    expect(search('display_name:"eng" AND space_type = "GROUP_CHAT"').status).toBe(400);
    expect(search('customer = "customers/my_customer" AND space_type = "SPACE"').status).toBe(400);
    expect(search('').status).toBe(400);
    expect(search('display_name:"eng" AND space_type = "SPACE"').json.spaces).toBeUndefined();
    const erin = client(g, g.issueToken('erin.green@example.com', [scope('chat.spaces.readonly')]));
    expect(resultsOf(erin.call('GET', 'spaces:search', { query: 'display_name:"eng" AND space_type = "SPACE"' }).json)).toEqual([]);
  });

  it('with admin access: needs customer and space_type, finds every named space', () => {
    const { g, admin } = demo();
    const search = (query: string) => admin.call('GET', 'spaces:search', { query, useAdminAccess: true });
    const all = search('customer = "customers/my_customer" AND space_type = "SPACE"');
    expect(resultsOf(all.json)).toHaveLength(7);
    expect(all.json.spaces).toHaveLength(7);
    expect(resultsOf(search('customer = "customers/my_customer" AND space_type = "SPACE" AND external_user_allowed = true').json)
      .map((s) => s.displayName)).toEqual(['Partners']);
    expect(search('space_type = "SPACE"').status).toBe(400);
    const notAdmin = client(g, g.issueToken('bob.jones@example.com', [scope('chat.admin.spaces.readonly')]));
    expect(notAdmin.call('GET', 'spaces:search', { query: 'customer = "customers/my_customer" AND space_type = "SPACE"', useAdminAccess: true }).status).toBe(403);
  });

  it('non-admin search spends its own 300-a-minute budget', () => {
    const { g, admin } = demo();
    for (let i = 0; i < 300; i++) expect(admin.call('GET', 'spaces:search', { query: 'display_name:"eng" AND space_type = "SPACE"' }).status).toBe(200);
    expect(admin.call('GET', 'spaces:search', { query: 'display_name:"eng" AND space_type = "SPACE"' }).status).toBe(429);
    expect(admin.call('GET', 'spaces:search', { query: 'customer = "customers/my_customer" AND space_type = "SPACE"', useAdminAccess: true }).status).toBe(200);
    g.clock.advance(60_000);
    expect(admin.call('GET', 'spaces:search', { query: 'display_name:"eng" AND space_type = "SPACE"' }).status).toBe(200);
  });
});
