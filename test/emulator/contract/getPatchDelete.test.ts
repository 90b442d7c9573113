/** spaces.members.get / patch / delete through @googleapis/chat, and the refusals an application meets. */
import { contract, ENG, refusal, refused } from './harness';

const google = contract();
const BOB = `${ENG}/members/bob.jones@example.com`;

describe('members.get, patch and delete with Google\'s client', () => {
  it('gets by email alias and answers with the canonical name', async () => {
    const admin = await google.as('admin@example.com');
    const { status, data } = await admin.spaces.members.get({ name: BOB });
    expect(status).toBe(200);
    expect(data.name).toMatch(/^spaces\/AAAAengineering\/members\/\d+$/);
    expect(data).toMatchObject({ state: 'JOINED', role: 'ROLE_MEMBER', member: { name: `users/${data.name?.split('/').pop()}`, type: 'HUMAN' } });
  });

  it('patches the role with updateMask=role; without updateMask it is 400', async () => {
    const admin = await google.as('admin@example.com');
    const name = (await admin.spaces.members.get({ name: BOB })).data.name ?? '';
    const { data } = await admin.spaces.members.patch({ name, updateMask: 'role', requestBody: { name, role: 'ROLE_ASSISTANT_MANAGER' } });
    expect(data).toMatchObject({ name, role: 'ROLE_ASSISTANT_MANAGER' });
    expect(await refused(admin.spaces.members.patch({ name, requestBody: { name, role: 'ROLE_MEMBER' } }))).toEqual([400, 'INVALID_ARGUMENT']);
  });

  it('a Manager (ROLE_ASSISTANT_MANAGER) cannot make an Owner: 403', async () => {
    const alice = await google.as('alice.smith@example.com');
    const name = (await alice.spaces.members.get({ name: BOB })).data.name ?? '';
    const promote = alice.spaces.members.patch({ name, updateMask: 'role', requestBody: { name, role: 'ROLE_MANAGER' } });
    expect(await refused(promote)).toEqual([403, 'PERMISSION_DENIED']);
  });

  it('deletes and answers with the deleted membership; it is then gone', async () => {
    const admin = await google.as('admin@example.com');
    const name = (await admin.spaces.members.get({ name: BOB })).data.name ?? '';
    const { status, data } = await admin.spaces.members.delete({ name });
    expect(status).toBe(200);
    expect(data).toMatchObject({ name, member: { type: 'HUMAN' } });
    expect(await refused(admin.spaces.members.get({ name }))).toEqual([404, 'NOT_FOUND']);
  });

  it('refuses to remove the only Owner: 400 FAILED_PRECONDITION', async () => {
    const admin = await google.as('admin@example.com');
    const { body } = await refusal(admin.spaces.members.delete({ name: `${ENG}/members/admin@example.com` }));
    expect(body.error).toMatchObject({ code: 400, status: 'FAILED_PRECONDITION', message: expect.stringContaining('only space manager') });
  });
});
