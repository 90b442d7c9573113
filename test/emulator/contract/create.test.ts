/** spaces.members.create through @googleapis/chat: every member form, invitations, and the refusals. */
import { contract, DESIGN, ENG, groupNameIn, refused, userNameOf } from './harness';

const google = contract();

describe('members.create with Google\'s client', () => {
  it('adds a person by users/{id} and answers with the canonical names', async () => {
    const admin = await google.as('admin@example.com');
    const erin = await userNameOf(admin, DESIGN, 'erin.green@example.com');
    expect(erin).toMatch(/^users\/\d+$/);
    const { status, data } = await admin.spaces.members.create({ parent: ENG, requestBody: { member: { name: erin, type: 'HUMAN' } } });
    expect(status).toBe(200);
    expect(data).toMatchObject({ name: `${ENG}/members/${erin.slice('users/'.length)}`, state: 'JOINED', role: 'ROLE_MEMBER', member: { name: erin, type: 'HUMAN' } });
  });

  it('adds a person by email alias, never echoing the email', async () => {
    const admin = await google.as('admin@example.com');
    const { data } = await admin.spaces.members.create({ parent: ENG, requestBody: { member: { name: 'users/kevin.taylor@example.com', type: 'HUMAN' } } });
    expect(data.name).toMatch(/^spaces\/AAAAengineering\/members\/\d+$/);
    expect(data.member).toEqual({ name: expect.stringMatching(/^users\/\d+$/), type: 'HUMAN' });
    expect(JSON.stringify(data)).not.toContain('@');
  });

  it('invites a person whose auto-accept is off', async () => {
    const admin = await google.as('admin@example.com');
    const { data } = await admin.spaces.members.create({ parent: ENG, requestBody: { member: { name: 'users/ivan.petrov@example.com', type: 'HUMAN' } } });
    expect(data.state).toBe('INVITED');
  });

  it('adds a group as groups/{id}, named group-{id}, with no role', async () => {
    const admin = await google.as('admin@example.com');
    const group = await groupNameIn(admin, 'spaces/AAAAallhands');
    expect(group).toMatch(/^groups\//);
    const { data } = await admin.spaces.members.create({ parent: ENG, requestBody: { groupMember: { name: group } } });
    expect(data).toMatchObject({ name: `${ENG}/members/group-${group.slice('groups/'.length)}`, state: 'JOINED', groupMember: { name: group } });
    expect(data.role).toBeUndefined();
  });

  it('adds the calling app as users/app, type BOT', async () => {
    const admin = await google.as('admin@example.com');
    const { data } = await admin.spaces.members.create({ parent: DESIGN, requestBody: { member: { name: 'users/app', type: 'BOT' } } });
    expect(data.member).toEqual({ name: expect.stringMatching(/^users\/\d+$/), type: 'BOT' });
  });

  it('409 ALREADY_EXISTS for someone already in the space', async () => {
    const admin = await google.as('admin@example.com');
    const again = admin.spaces.members.create({ parent: ENG, requestBody: { member: { name: 'users/bob.jones@example.com', type: 'HUMAN' } } });
    expect(await refused(again)).toEqual([409, 'ALREADY_EXISTS']);
  });

  it('400 for a role on create and for a group in a group chat', async () => {
    const admin = await google.as('admin@example.com');
    const withRole = admin.spaces.members.create({ parent: ENG, requestBody: { member: { name: 'users/kevin.taylor@example.com', type: 'HUMAN' }, role: 'ROLE_MANAGER' } });
    expect(await refused(withRole)).toEqual([400, 'INVALID_ARGUMENT']);
    const groupInChat = admin.spaces.members.create({ parent: 'spaces/AAAAgroupchat', requestBody: { groupMember: { name: await groupNameIn(admin, ENG) } } });
    expect(await refused(groupInChat)).toEqual([400, 'INVALID_ARGUMENT']);
  });
});
