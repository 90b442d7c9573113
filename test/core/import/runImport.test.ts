import { runImport, type ImportDeps } from '../../../src/core/import/runImport';
import type { ImportSources, Result } from '../../../src/core/ports';
import type { Space } from '../../../src/core/model';
import { runRoster } from '../../../src/core/run/runRoster';
import { FakeChat, FakeDirectory, FakeStore, TestClock, rosterGrid } from '../fakes';

/** Team: me (Owner), Alice (Manager), Bob invited, a group, the app, another app; Ops: its member list hidden. */
function world(rows: string[][] = []) {
  const chat = new FakeChat().addSpace('spaces/TEAM', 'Team').addSpace('spaces/OPS', 'Ops').addSpace('spaces/DM', '', 'DIRECT_MESSAGE');
  const directory = new FakeDirectory();
  const names = new Map<string, string>();
  const person = (email: string, id: string) => {
    chat.person(email, id);
    directory.entries.set(email, { kind: 'user', name: `users/${id}` });
    names.set(`users/${id}`, email);
  };
  person('me@example.com', '1');
  person('alice@example.com', '11');
  person('bob@example.com', '12');
  directory.entries.set('team@example.com', { kind: 'group', name: 'groups/g1' });
  names.set('groups/g1', 'team@example.com');
  chat.seat('spaces/TEAM', 'users/1', 'ROLE_MANAGER');
  chat.seat('spaces/TEAM', 'users/11', 'ROLE_ASSISTANT_MANAGER');
  chat.seat('spaces/TEAM', 'users/12', 'ROLE_MEMBER', 'INVITED');
  chat.seat('spaces/TEAM', 'users/4242');
  chat.seat('spaces/TEAM', 'groups/g1');
  chat.seat('spaces/TEAM', chat.appName, 'ROLE_MEMBER', 'JOINED', 'BOT');
  chat.seat('spaces/TEAM', 'users/777', 'ROLE_MEMBER', 'JOINED', 'BOT');
  chat.seat('spaces/OPS', 'users/1', 'ROLE_MANAGER');
  chat.hiddenMemberLists.add('spaces/OPS');
  chat.seat('spaces/DM', 'users/1');
  const sources: ImportSources & { askedFor: string[][] } = {
    askedFor: [],
    allSpaces: (): Result<Space[]> => chat.listSpaces(),
    emailsOf(asked: string[]) {
      this.askedFor.push(asked);
      return { ok: true, value: new Map(asked.flatMap((name) => (names.has(name) ? [[name, names.get(name)!] as const] : []))) };
    },
  };
  const store = new FakeStore(rosterGrid(rows));
  const clock = new TestClock();
  const deps: ImportDeps = { chat, sources, directory, store, clock, useAdminAccess: false, date: '2026-12-04' };
  return { chat, store, deps, directory, clock };
}

describe('runImport', () => {
  it('appends every member of the spaces named as UNCHANGED rows, and applying them makes no membership write', () => {
    const { chat, store, deps, directory, clock } = world([['alice@example.com', 'Team', 'Manager']]);
    const report = runImport(deps, ['https://chat.google.com/room/TEAM', 'Ops', 'https://example.com/x']);
    expect(store.grid!.slice(2)).toEqual([
      ['bob@example.com', 'spaces/TEAM', 'Member', '', 'UNCHANGED', 'Imported from "Team" on 2026-12-04. Invited: they haven\'t accepted yet.', expect.stringMatching(/^T/)],
      ['me@example.com', 'spaces/TEAM', 'Owner', '', 'UNCHANGED', 'Imported from "Team" on 2026-12-04.', expect.stringMatching(/^T/)],
      ['users/4242', 'spaces/TEAM', 'Member', '', 'UNCHANGED', expect.stringMatching(/^Imported from "Team" on 2026-12-04\. The directory doesn't know this person/), expect.stringMatching(/^T/)],
      ['group:team@example.com', 'spaces/TEAM', '', '', 'UNCHANGED', 'Imported from "Team" on 2026-12-04.', expect.stringMatching(/^T/)],
      ['app', 'spaces/TEAM', '', '', 'UNCHANGED', 'Imported from "Team" on 2026-12-04.', expect.stringMatching(/^T/)],
    ]);
    expect(report).toMatchObject({
      added: 5, alreadyOnRoster: 1,
      spaces: [{ space: 'Team', added: 5, alreadyOnRoster: 1, otherApps: 1 }],
      problems: [expect.stringMatching(/^"https:\/\/example.com\/x" is not a Google Chat space link/), expect.stringMatching(/^Google Chat won't show you the members of "Ops"/)],
      message: 'Imported 5 rows from 1 space (status UNCHANGED: they say what Chat already has). 1 member was already on the roster. 2 problems: see below.',
    });

    const writesBefore = chat.writes().length;
    const run = runRoster({ store, chat, directory, clock, options: { useAdminAccess: false, callerEmail: 'me@example.com' } }, 'apply');
    expect(chat.writes().length).toBe(writesBefore);
    expect(run.counts).toEqual({ UNCHANGED: 6 });
  });

  it('with no space named, imports every named space the caller can see, and a second import adds nothing', () => {
    const { store, deps } = world();
    const first = runImport(deps, []);
    expect(first.spaces.map((s) => s.space)).toEqual(['Team']);
    expect(first.problems).toEqual([expect.stringMatching(/members of "Ops"/)]);
    const rows = store.grid!.length;
    const again = runImport(deps, ['  ']);
    expect(again).toMatchObject({ added: 0, alreadyOnRoster: 6 });
    expect(store.grid!.length).toBe(rows);
  });

  it('never throws for Google: a failing space list and a throwing directory are report lines', () => {
    const { store, deps } = world();
    deps.sources.allSpaces = () => ({ ok: false, error: { code: 403, status: 'PERMISSION_DENIED', message: 'No.' } });
    expect(runImport(deps, [])).toMatchObject({ added: 0, problems: [expect.stringMatching(/Could not list your spaces.*HTTP 403/)] });
    deps.sources.emailsOf = () => {
      throw new Error('Directory down');
    };
    const report = runImport(deps, ['spaces/TEAM']);
    expect(report.added).toBe(6);
    expect(report.problems).toEqual([expect.stringMatching(/directory couldn't be read.*Directory down/)]);
    expect(store.column('Member')).toContain('users/11');
  });

  it('says when admin access hid the invitations, so invited people could not be imported', () => {
    const { chat, deps } = world();
    chat.adminRejectsShowInvited = true;
    deps.useAdminAccess = true;
    const report = runImport(deps, ['spaces/TEAM']);
    expect(report.problems).toEqual([expect.stringMatching(/^With admin access Google didn't list the invitations of "Team"/)]);
    expect(report.added).toBeGreaterThan(0);
  });

  it('says so when there is no Roster sheet, and writes nothing', () => {
    const { deps } = world();
    deps.store = new FakeStore(null);
    expect(runImport(deps, [])).toMatchObject({ added: 0, message: expect.stringMatching(/no Roster sheet/) });
  });
});
