/** spaces.members.list through @googleapis/chat: paging, filter, showInvited, showGroups, admin access. */
import type { chat_v1 } from '@googleapis/chat';
import { contract, DESIGN, ENG, refused } from './harness';

const google = contract();
const HUMANS = 'member.type = "HUMAN"';
const names = (list: chat_v1.Schema$Membership[] | undefined): string[] => (list ?? []).map((m) => m.name ?? '');

describe('members.list with Google\'s client', () => {
  it('pages with pageToken round trips until nextPageToken is gone', async () => {
    const admin = await google.as('admin@example.com');
    const seen: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const { data } = await admin.spaces.members.list({ parent: ENG, pageSize: 2, showGroups: true, ...(pageToken ? { pageToken } : {}) });
      expect(data.memberships?.length ?? 0).toBeLessThanOrEqual(2);
      seen.push(...names(data.memberships));
      pageToken = data.nextPageToken ?? undefined;
      pages++;
    } while (pageToken && pages < 10);
    const { data: whole } = await admin.spaces.members.list({ parent: ENG, showGroups: true });
    expect(pages).toBe(3);
    expect(seen).toEqual(names(whole.memberships));
    expect(new Set(seen).size).toBe(6);
  });

  it('filters by role and member type', async () => {
    const admin = await google.as('admin@example.com');
    const { data } = await admin.spaces.members.list({ parent: ENG, filter: `${HUMANS} AND role = "ROLE_MANAGER"` });
    expect(data.memberships).toEqual([expect.objectContaining({ role: 'ROLE_MANAGER', member: expect.objectContaining({ type: 'HUMAN' }) })]);
  });

  it('shows invitations only with showInvited and groups only with showGroups', async () => {
    const admin = await google.as('admin@example.com');
    const states = async (showInvited: boolean) =>
      ((await admin.spaces.members.list({ parent: DESIGN, showInvited })).data.memberships ?? []).map((m) => m.state);
    expect(await states(false)).not.toContain('INVITED');
    expect(await states(true)).toContain('INVITED');
    const groups = async (showGroups: boolean) =>
      ((await admin.spaces.members.list({ parent: ENG, showGroups })).data.memberships ?? []).filter((m) => m.groupMember);
    expect(await groups(false)).toEqual([]);
    expect(await groups(true)).toEqual([expect.objectContaining({ name: expect.stringMatching(/^spaces\/AAAAengineering\/members\/group-/) })]);
  });

  it('with useAdminAccess needs the human-only filter, and then lists no app', async () => {
    const admin = await google.as('admin@example.com', { admin: true });
    expect(await refused(admin.spaces.members.list({ parent: ENG, useAdminAccess: true }))).toEqual([400, 'INVALID_ARGUMENT']);
    const { status, data } = await admin.spaces.members.list({ parent: ENG, useAdminAccess: true, filter: HUMANS });
    expect(status).toBe(200);
    expect(data.memberships?.length).toBe(4);
    expect(data.memberships?.every((m) => m.member?.type === 'HUMAN')).toBe(true);
  });
});
