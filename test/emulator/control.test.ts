/**
 * The control setters (emulator/control.ts) the workbench's Setup panel uses: each flips one fact of the
 * running organisation, the next API call sees it, and none of them is an API call itself.
 */
import { APP_NOT_FOUND } from '../../emulator/google';
import { ADMIN_SCOPES, client, demo, memberships, scope } from './helpers';

const ENG = 'spaces/AAAAengineering';
const LEADERSHIP = 'spaces/AAAAleadership';
const DIR = 'https://admin.googleapis.com/admin/directory/v1/';

describe('control of a running organisation', () => {
  it('turns the Chat app off and on again', () => {
    const { g, admin } = demo();
    expect(g.settings()).toEqual({ appConfigured: true, directorySharing: true });
    g.configure({ appConfigured: false });
    const refused = admin.list(ENG);
    expect([refused.status, refused.json.error?.message]).toEqual([404, APP_NOT_FOUND]);
    expect(g.settings()).toEqual({ appConfigured: false, directorySharing: true });
    g.configure({ appConfigured: true });
    expect(admin.list(ENG).status).toBe(200);
  });

  it('turns directory sharing off: a non-administrator loses the public view', () => {
    const { g } = demo();
    const bob = client(g, g.issueToken('bob.jones@example.com', [scope('admin.directory.user.readonly')]), DIR);
    const publicView = () => bob.call('GET', 'users', { domain: 'example.com', viewType: 'domain_public' }).status;
    expect(publicView()).toBe(200);
    g.configure({ directorySharing: false });
    expect(publicView()).toBe(403);
    expect(g.settings().appConfigured).toBe(true); // the other switch stays
  });

  it('takes the admin privilege away and gives it back', () => {
    const { g, admin } = demo();
    const adminRead = () => admin.list('spaces/AAAAgroupchat', { useAdminAccess: true, filter: 'member.type = "HUMAN"' }).status;
    const dir = client(g, g.issueToken('admin@example.com', ADMIN_SCOPES), DIR);
    expect(g.isChatAdmin('admin@example.com')).toBe(true);
    g.setChatAdmin('admin@example.com', false);
    expect(g.isChatAdmin('admin@example.com')).toBe(false);
    expect(adminRead()).toBe(403);
    expect(dir.call('GET', 'users', { customer: 'my_customer' }).status).toBe(403);
    expect(dir.call('GET', 'users', { domain: 'example.com', viewType: 'domain_public' }).status).toBe(200);
    g.setChatAdmin('admin@example.com', true);
    expect(adminRead()).toBe(200);
    expect(() => g.setChatAdmin('nobody@example.com', true)).toThrow(/No user nobody@example.com/);
  });

  it('takes a person out of a space and puts them back, whatever the space rules', () => {
    const { g, admin } = demo();
    g.placeMember(LEADERSHIP, 'admin@example.com', null);
    expect(g.membersOf(LEADERSHIP).map((m) => m.member)).toEqual(['kevin.taylor@example.com']);
    expect(admin.list(LEADERSHIP).status).toBe(403);
    g.placeMember(LEADERSHIP, 'admin@example.com', { role: 'ROLE_MANAGER' });
    expect(g.membersOf(LEADERSHIP)).toContainEqual({ member: 'admin@example.com', role: 'ROLE_MANAGER', state: 'JOINED' });
    expect(memberships(admin.list(LEADERSHIP)).length).toBe(2);
    g.placeMember(LEADERSHIP, 'admin@example.com', { role: 'ROLE_MEMBER', state: 'INVITED' });
    expect(g.membersOf(LEADERSHIP)).toContainEqual({ member: 'admin@example.com', role: 'ROLE_MEMBER', state: 'INVITED' });
    expect(() => g.placeMember('spaces/NOSUCH', 'admin@example.com', null)).toThrow(/No space spaces\/NOSUCH/);
  });

  it('records no API call', () => {
    const { g } = demo();
    g.configure({ appConfigured: false, directorySharing: false });
    g.setChatAdmin('bob.jones@example.com', true);
    g.placeMember(ENG, 'kevin.taylor@example.com', { role: 'ROLE_MEMBER' });
    expect(g.calls).toEqual([]);
  });
});
