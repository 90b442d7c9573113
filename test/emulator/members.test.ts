import { demoOrg } from '../../emulator/seed';
import { client, demo, memberships, USER_SCOPES } from './helpers';

const ENG = 'spaces/AAAAengineering';

describe('membership output names people only by numeric id', () => {
  it('lists users as users/{id} with only name and type, never an email', () => {
    const { admin, id } = demo();
    const reply = admin.list(ENG, { pageSize: 1000 });
    expect(reply.status).toBe(200);
    const text = JSON.stringify(reply.json);
    expect(text).not.toContain('@');
    const alice = memberships(reply).find((m) => m.member?.name === `users/${id('alice.smith@example.com')}`);
    expect(alice).toMatchObject({ name: `${ENG}/members/${id('alice.smith@example.com')}`, state: 'JOINED', role: 'ROLE_ASSISTANT_MANAGER' });
    expect(Object.keys(alice?.member ?? {}).sort()).toEqual(['name', 'type']);
    for (const m of memberships(reply)) expect(m.member?.name).toMatch(/^users\/\d+$/);
  });

  it('shows the app as users/{appUserId} type BOT', () => {
    const { g, admin } = demo();
    const bot = memberships(admin.list(ENG)).filter((m) => m.member?.type === 'BOT');
    expect(bot).toEqual([expect.objectContaining({ member: { name: `users/${g.appUserId}`, type: 'BOT' } })]);
  });
});

describe('email aliases', () => {
  it('get and delete accept spaces/S/members/{email} and answer with the canonical name', () => {
    const { g, admin, id } = demo();
    const got = admin.get(`${ENG}/members/bob.jones@example.com`);
    expect(got.status).toBe(200);
    expect(got.json.name).toBe(`${ENG}/members/${id('bob.jones@example.com')}`);
    const deleted = admin.del(`${ENG}/members/bob.jones@example.com`);
    expect(deleted.status).toBe(200);
    expect(deleted.json).toMatchObject({ name: `${ENG}/members/${id('bob.jones@example.com')}`, member: { type: 'HUMAN' } });
    expect(g.membersOf(ENG).map((m) => m.member)).not.toContain('bob.jones@example.com');
  });

  it('an unknown email alias or a non-member is 404', () => {
    const { admin } = demo();
    expect(admin.get(`${ENG}/members/nobody@example.com`).status).toBe(404);
    expect(admin.get(`${ENG}/members/kevin.taylor@example.com`).json.error?.status).toBe('NOT_FOUND');
  });

  it('creates by users/{email}', () => {
    const { admin, id } = demo();
    const created = admin.addHuman(ENG, 'kevin.taylor@example.com');
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ name: `${ENG}/members/${id('kevin.taylor@example.com')}`, state: 'JOINED', role: 'ROLE_MEMBER' });
  });
});

describe('group memberships', () => {
  it('are named spaces/S/members/group-{id}, with no role, in list, get, create and delete answers', () => {
    const { g, admin } = demo();
    const engGroup = g.groupIdOf('engineering@example.com') ?? '';
    const name = `${ENG}/members/group-${engGroup}`;
    const listed = memberships(admin.list(ENG, { showGroups: true })).filter((m) => m.groupMember);
    expect(listed).toEqual([expect.objectContaining({ name, groupMember: { name: `groups/${engGroup}` } })]);
    expect(listed[0]).not.toHaveProperty('role');
    expect(admin.get(name).json).toMatchObject({ name, state: 'JOINED' });
    expect(admin.del(name).json).toMatchObject({ name, groupMember: { name: `groups/${engGroup}` } });
    const design = g.groupIdOf('design@example.com') ?? '';
    expect(admin.create(ENG, { groupMember: { name: `groups/${design}` } }).json.name).toBe(`${ENG}/members/group-${design}`);
  });

  it('are not addressed by the bare group id or a group email (stricter reading)', () => {
    const { g, admin } = demo();
    const engGroup = g.groupIdOf('engineering@example.com') ?? '';
    expect(admin.get(`${ENG}/members/${engGroup}`).status).toBe(404);
    expect(admin.del(`${ENG}/members/${engGroup}`).status).toBe(404);
    expect(admin.get(`${ENG}/members/group-engineering@example.com`).status).toBe(404);
    expect(admin.get(`${ENG}/members/group-nosuch`).status).toBe(404);
    expect(g.membersOf(ENG).map((m) => m.member)).toContain('group:engineering@example.com');
  });
});

describe('create', () => {
  it('409 ALREADY_EXISTS for joined and for invited members', () => {
    const { admin } = demo();
    const joined = admin.addHuman(ENG, 'bob.jones@example.com');
    expect([joined.status, joined.json.error?.status]).toEqual([409, 'ALREADY_EXISTS']);
    const invited = admin.addHuman('spaces/AAAAdesignteam', 'ivan.petrov@example.com');
    expect([invited.status, invited.json.error?.status]).toEqual([409, 'ALREADY_EXISTS']);
  });

  it('invites people whose auto-accept is off', () => {
    const { g, admin } = demo();
    const reply = admin.addHuman(ENG, 'ivan.petrov@example.com');
    expect(reply.json.state).toBe('INVITED');
    expect(g.membersOf(ENG)).toContainEqual({ member: 'ivan.petrov@example.com', role: 'ROLE_MEMBER', state: 'INVITED' });
  });

  it('refuses a role on create with 400', () => {
    const { admin } = demo();
    const reply = admin.create(ENG, { member: { name: 'users/kevin.taylor@example.com', type: 'HUMAN' }, role: 'ROLE_MANAGER' });
    expect([reply.status, reply.json.error?.status]).toEqual([400, 'INVALID_ARGUMENT']);
  });

  it('answers a missing or malformed user with Google\'s message', () => {
    const { admin } = demo();
    for (const body of [{}, { member: { name: 'kevin.taylor@example.com', type: 'HUMAN' } }, { member: { type: 'HUMAN' } }]) {
      const reply = admin.create(ENG, body);
      expect(reply.status).toBe(400);
      expect(reply.json.error?.message).toContain('Missing or malformed user resource name in the request.');
    }
    expect(admin.create(ENG, { member: { name: 'users/kevin.taylor@example.com' } }).status).toBe(400);
    expect(admin.create(ENG, { member: { name: 'users/kevin.taylor@example.com', type: 'HUMAN' }, colour: 'red' }).status).toBe(400);
  });

  it('groups only in named spaces, must exist, role unspecified', () => {
    const { g, admin } = demo();
    const designGroup = g.groupIdOf('design@example.com');
    const ok = admin.create(ENG, { groupMember: { name: `groups/${designGroup}` } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ name: `${ENG}/members/group-${designGroup}`, groupMember: { name: `groups/${designGroup}` } });
    expect(ok.json).not.toHaveProperty('role');
    expect(admin.create('spaces/AAAAgroupchat', { groupMember: { name: `groups/${designGroup}` } }).status).toBe(400);
    expect(admin.create(ENG, { groupMember: { name: 'groups/nosuchgroup' } }).status).toBe(404);
    expect(admin.create(ENG, { groupMember: { name: 'groups/design@example.com' } }).status).toBe(400);
  });

  it('refuses direct messages, suspended users, and outsiders where external users are not allowed', () => {
    const { admin } = demo();
    expect(admin.addHuman('spaces/AAAAdirectmsg', 'alice.smith@example.com').status).toBe(400);
    const suspended = admin.addHuman(ENG, 'judy.wilson@example.com');
    expect([suspended.status, suspended.json.error?.status]).toEqual([400, 'FAILED_PRECONDITION']);
    expect(admin.addHuman(ENG, 'pat.partner@gmail.com').status).toBe(403);
  });

  it('adds an outsider by email to a space allowing external users; not by id', () => {
    const { admin, id } = demo();
    const seed = demoOrg();
    seed.spaces = seed.spaces.map((s) => (s.id === 'AAAApartners' ? { ...s, members: s.members.filter((m) => m.email !== 'pat.partner@gmail.com') } : s));
    const fresh = demo({ seed });
    expect(fresh.admin.addHuman('spaces/AAAApartners', `${id('pat.partner@gmail.com')}`).status).toBe(400);
    const reply = fresh.admin.addHuman('spaces/AAAApartners', 'pat.partner@gmail.com');
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ state: 'JOINED', affiliation: 'EXTERNAL' });
    expect(admin.get('spaces/AAAApartners/members/pat.partner@gmail.com').status).toBe(200);
  });

  it('adds the calling app with users/app and chat.memberships.app only', () => {
    const { g, admin } = demo();
    const design = 'spaces/AAAAdesignteam';
    const noAppScope = client(g, g.issueToken('admin@example.com', [USER_SCOPES[0] as string]));
    expect(noAppScope.create(design, { member: { name: 'users/app', type: 'BOT' } }).status).toBe(403);
    const added = admin.create(design, { member: { name: 'users/app', type: 'BOT' } });
    expect(added.json).toMatchObject({ name: `${design}/members/${g.appUserId}`, member: { name: `users/${g.appUserId}`, type: 'BOT' } });
    expect(admin.get(`${design}/members/app`).status).toBe(200);
    expect(admin.del(`${design}/members/app`).status).toBe(200);
    expect(admin.create(design, { member: { name: `users/${g.appUserId}`, type: 'BOT' } }).status).toBe(400);
  });
});

describe('patch', () => {
  it('needs updateMask including role', () => {
    const { admin, id } = demo();
    const name = `${ENG}/members/${id('bob.jones@example.com')}`;
    expect(admin.patch(name, 'ROLE_ASSISTANT_MANAGER', {}).status).toBe(400);
    expect(admin.patch(name, 'ROLE_ASSISTANT_MANAGER', { updateMask: 'state' }).status).toBe(400);
    const ok = admin.patch(name, 'ROLE_ASSISTANT_MANAGER');
    expect([ok.status, ok.json.role]).toEqual([200, 'ROLE_ASSISTANT_MANAGER']);
    expect(admin.patch(name, 'ROLE_MANAGER', { updateMask: '*' }).json.role).toBe('ROLE_MANAGER');
  });

  it('refuses the email alias, groups, the app, and manager roles outside named spaces', () => {
    const { g, admin, id } = demo();
    expect(admin.patch(`${ENG}/members/bob.jones@example.com`, 'ROLE_MANAGER').status).toBe(400);
    expect(admin.patch(`${ENG}/members/group-${g.groupIdOf('engineering@example.com')}`, 'ROLE_MANAGER').status).toBe(400);
    expect(admin.patch(`${ENG}/members/${g.appUserId}`, 'ROLE_MANAGER').status).toBe(400);
    expect(admin.patch(`spaces/AAAAgroupchat/members/${id('bob.jones@example.com')}`, 'ROLE_MANAGER', { updateMask: 'role', useAdminAccess: true }).status).toBe(400);
  });

  it('a Manager (assistant) cannot make or change an Owner; the last Owner cannot be demoted', () => {
    const { g, admin, id } = demo();
    const alice = client(g, g.issueToken('alice.smith@example.com', USER_SCOPES));
    const bob = `${ENG}/members/${id('bob.jones@example.com')}`;
    const owner = `${ENG}/members/${id('admin@example.com')}`;
    expect(alice.patch(bob, 'ROLE_MANAGER').status).toBe(403);
    expect(alice.patch(owner, 'ROLE_MEMBER').status).toBe(403);
    expect(alice.patch(bob, 'ROLE_ASSISTANT_MANAGER').status).toBe(200);
    const demote = admin.patch(owner, 'ROLE_MEMBER');
    expect([demote.status, demote.json.error?.status]).toEqual([400, 'FAILED_PRECONDITION']);
    expect(admin.patch(bob, 'ROLE_MANAGER').status).toBe(200);
    expect(admin.patch(owner, 'ROLE_MEMBER').status).toBe(200);
  });
});

describe('delete', () => {
  it('refuses to remove the only Owner, and needs an Owner to remove an Owner', () => {
    const { g, admin, id } = demo();
    const owner = `${ENG}/members/${id('admin@example.com')}`;
    const last = admin.del(owner);
    expect([last.status, last.json.error?.status]).toEqual([400, 'FAILED_PRECONDITION']);
    const leadership = 'spaces/AAAAleadership';
    expect(admin.del(`${leadership}/members/kevin.taylor@example.com`).status).toBe(200);
    expect(admin.del(`${leadership}/members/admin@example.com`).status).toBe(400);
    const alice = client(g, g.issueToken('alice.smith@example.com', USER_SCOPES));
    expect(alice.del(`${ENG}/members/admin@example.com`).status).toBe(403);
    expect(alice.del(`${ENG}/members/bob.jones@example.com`).status).toBe(200);
  });

  it('revokes an invitation with the same call', () => {
    const { g, admin } = demo();
    expect(admin.del('spaces/AAAAdesignteam/members/ivan.petrov@example.com').json.state).toBe('INVITED');
    expect(g.membersOf('spaces/AAAAdesignteam').map((m) => m.member)).not.toContain('ivan.petrov@example.com');
  });
});
