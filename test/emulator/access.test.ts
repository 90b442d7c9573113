import { APP_NOT_FOUND } from '../../emulator/google';
import { demoOrg } from '../../emulator/seed';
import { ADMIN_SCOPES, client, demo, memberships, scope, USER_SCOPES } from './helpers';

const ENG = 'spaces/AAAAengineering';
const HUMANS = 'member.type = "HUMAN"';

describe('authentication and scopes', () => {
  it('401 without a token or with an unknown one', () => {
    const { g } = demo();
    const none = client(g, undefined).list(ENG);
    expect([none.status, none.json.error?.status]).toEqual([401, 'UNAUTHENTICATED']);
    expect(client(g, 'ya29.forged').list(ENG).status).toBe(401);
  });

  it('403 "insufficient authentication scopes" when no accepted scope was granted', () => {
    const { g } = demo();
    const spacesOnly = client(g, g.issueToken('admin@example.com', [scope('chat.spaces.readonly')]));
    const reply = spacesOnly.list(ENG);
    expect([reply.status, reply.json.error?.message]).toEqual([403, 'Request had insufficient authentication scopes.']);
    const readOnly = client(g, g.issueToken('admin@example.com', [scope('chat.memberships.readonly')]));
    expect(readOnly.list(ENG).status).toBe(200);
    expect(readOnly.addHuman(ENG, 'kevin.taylor@example.com').status).toBe(403);
    const appOnly = client(g, g.issueToken('admin@example.com', [scope('chat.memberships.app')]));
    expect(appOnly.addHuman(ENG, 'kevin.taylor@example.com').status).toBe(403);
    expect(appOnly.patch(`${ENG}/members/${g.userIdOf('bob.jones@example.com')}`, 'ROLE_MEMBER').status).toBe(403);
    // Admin scopes grant nothing without useAdminAccess=true.
    const adminScopesOnly = client(g, g.issueToken('admin@example.com', ADMIN_SCOPES));
    expect(adminScopesOnly.list(ENG).status).toBe(403);
  });

  it('errors are Google\'s JSON with an ErrorInfo detail', () => {
    const { g } = demo();
    const res = g.fetch({ method: 'GET', url: `https://chat.googleapis.com/v1/${ENG}/members`, headers: {} });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toEqual({ error: {
      code: 401, message: expect.any(String), status: 'UNAUTHENTICATED',
      details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: expect.any(String), domain: 'googleapis.com' }],
    } });
  });

  it('unknown URLs and unknown query parameters', () => {
    const { g, admin } = demo();
    const unknown = g.fetch({ method: 'GET', url: 'https://chat.googleapis.com/v1/spaces/X/messages/zzz', headers: {} });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.status).toBe('NOT_FOUND');
    expect(admin.list(ENG, { pagesize: 10 }).status).toBe(400);
  });
});

describe('caller permissions (user auth)', () => {
  it('reading needs a joined membership; writing needs a manager; unknown space is 404', () => {
    const { g } = demo();
    const bob = client(g, g.issueToken('bob.jones@example.com', USER_SCOPES));
    expect(bob.list(ENG).status).toBe(200);
    expect(bob.list('spaces/AAAAdesignteam').status).toBe(403);
    expect(bob.get('spaces/AAAAdesignteam/members/erin.green@example.com').status).toBe(403);
    const add = bob.addHuman(ENG, 'kevin.taylor@example.com');
    expect([add.status, add.json.error?.status]).toEqual([403, 'PERMISSION_DENIED']);
    expect(bob.del(`${ENG}/members/carol.white@example.com`).status).toBe(403);
    expect(bob.list('spaces/NOSUCH').status).toBe(404);
    const ivan = client(g, g.issueToken('ivan.petrov@example.com', USER_SCOPES));
    expect(ivan.list('spaces/AAAAdesignteam').status).toBe(403);
  });

  it('a hidden member list is 403 for non-admin list and get, visible with admin access', () => {
    const seed = demoOrg();
    seed.spaces = seed.spaces.map((s) => (s.id === 'AAAAengineering' ? { ...s, memberListHidden: true } : s));
    const { admin } = demo({ seed });
    expect(admin.list(ENG).status).toBe(403);
    expect(admin.get(`${ENG}/members/bob.jones@example.com`).status).toBe(403);
    expect(admin.list(ENG, { useAdminAccess: true, filter: HUMANS }).status).toBe(200);
  });
});

describe('admin access (useAdminAccess=true)', () => {
  it('needs the privilege and an admin scope, not membership of the space', () => {
    const { g, admin } = demo();
    expect(admin.list('spaces/AAAAgroupchat', { useAdminAccess: true, filter: HUMANS }).status).toBe(200);
    const kevin = admin.addHuman('spaces/AAAAdesignteam', 'kevin.taylor@example.com', { useAdminAccess: true });
    expect(kevin.status).toBe(200);
    const notAdmin = client(g, g.issueToken('bob.jones@example.com', [...USER_SCOPES, ...ADMIN_SCOPES]));
    expect(notAdmin.list(ENG, { useAdminAccess: true, filter: HUMANS }).status).toBe(403);
    const noAdminScope = client(g, g.issueToken('admin@example.com', USER_SCOPES));
    expect(noAdminScope.list(ENG, { useAdminAccess: true, filter: HUMANS }).json.error?.message).toBe('Request had insufficient authentication scopes.');
    const readonly = client(g, g.issueToken('admin@example.com', [scope('chat.admin.memberships.readonly')]));
    expect(readonly.list(ENG, { useAdminAccess: true, filter: HUMANS }).status).toBe(200);
    expect(readonly.addHuman(ENG, 'kevin.taylor@example.com', { useAdminAccess: true }).status).toBe(403);
  });

  it('list needs a human-only filter, excludes the app, and refuses showInvited', () => {
    const { admin } = demo();
    expect(admin.list(ENG, { useAdminAccess: true }).status).toBe(400);
    expect(admin.list(ENG, { useAdminAccess: true, filter: 'role = "ROLE_MEMBER"' }).status).toBe(400);
    expect(admin.list(ENG, { useAdminAccess: true, filter: 'member.type = "HUMAN" OR role = "ROLE_MEMBER"' }).status).toBe(400);
    const ok = admin.list(ENG, { useAdminAccess: true, filter: 'member.type != "BOT" AND role = "ROLE_MEMBER"' });
    expect(memberships(ok).every((m) => m.member?.type === 'HUMAN')).toBe(true);
    expect(memberships(ok)).toHaveLength(2);
    const invited = admin.list(ENG, { useAdminAccess: true, filter: HUMANS, showInvited: true });
    expect([invited.status, invited.json.error?.status]).toEqual([400, 'INVALID_ARGUMENT']);
  });

  it('no app memberships and no outsiders', () => {
    const { admin } = demo();
    const app = { member: { name: 'users/app', type: 'BOT' } };
    expect(admin.create('spaces/AAAAdesignteam', app, { useAdminAccess: true }).status).toBe(400);
    expect(admin.get(`${ENG}/members/app`, { useAdminAccess: true }).status).toBe(400);
    expect(admin.del(`${ENG}/members/app`, { useAdminAccess: true }).status).toBe(400);
    expect(admin.addHuman('spaces/AAAApartners', 'pat.partner@gmail.com', { useAdminAccess: true }).status).toBe(400);
  });
});

describe('an unconfigured Chat app', () => {
  it('answers every Chat call with 404 "Google Chat app not found"', () => {
    const { admin } = demo({ seed: { ...demoOrg(), appConfigured: false } });
    for (const reply of [admin.list(ENG), admin.addHuman(ENG, 'kevin.taylor@example.com'), admin.call('GET', 'spaces')]) {
      expect([reply.status, reply.json.error?.message]).toEqual([404, APP_NOT_FOUND]);
    }
  });
});
