import { runRoster, type RunDeps } from '../../../src/core/run/runRoster';
import { FakeChat, FakeDirectory, FakeStore, TestClock, rosterGrid } from '../fakes';

/** A small organisation: me (owner of Team), Alice, Bob (auto-accept off), a group, Ops space with an Owner. */
function world(rows: string[][], useAdminAccess = false) {
  const chat = new FakeChat().addSpace('spaces/TEAM', 'Team').addSpace('spaces/OPS', 'Ops');
  const directory = new FakeDirectory();
  const person = (email: string, id: string) => {
    chat.person(email, id);
    directory.entries.set(email, { kind: 'user', name: `users/${id}` });
  };
  person('me@example.com', '1');
  person('alice@example.com', '11');
  person('bob@example.com', '12');
  person('carol@example.com', '13');
  directory.entries.set('team@example.com', { kind: 'group', name: 'groups/g1' });
  chat.autoAcceptOff.add('users/12');
  chat.seat('spaces/TEAM', 'users/1', 'ROLE_MANAGER');
  chat.seat('spaces/TEAM', 'users/13', 'ROLE_MEMBER');
  chat.seat('spaces/OPS', 'users/1', 'ROLE_MANAGER');
  const store = new FakeStore(rosterGrid(rows));
  const deps: RunDeps = { store, chat, directory, clock: new TestClock(), options: { useAdminAccess, callerEmail: 'me@example.com' } };
  return { chat, directory, store, deps };
}

const ROWS = [
  ['alice@example.com', 'Team', 'Manager'],                        // 2 added, then patched
  ['bob@example.com', 'https://chat.google.com/room/TEAM'],         // 3 invited
  ['carol@example.com', 'spaces/TEAM', '', 'remove'],              // 4 removed
  ['group:team@example.com', 'Ops'],                               // 5 group added
  ['me@example.com', 'Ops', '', 'remove'],                         // 6 held: that's me
  ['ext@gmail.com', 'OPS'],                                        // 7 external: alias probe, created by email
  ['nobody@example', 'Team'],                                      // 8 invalid email
  ['alice@example.com', 'Nowhere Land'],                           // 9 no such space: INVALID
  ['', '', '', ''],                                                // blank
  ['users/11', 'Ops', 'Owner'],                                    // 11 added as Owner
];

describe('runRoster', () => {
  it('preview writes WOULD_* statuses and makes no membership write', () => {
    const { chat, store, deps } = world(ROWS);
    const report = runRoster(deps, 'preview');
    expect(chat.writes()).toEqual([]);
    expect(store.column('Status')).toEqual([
      'WOULD_ADD', 'WOULD_ADD', 'WOULD_REMOVE', 'WOULD_ADD', 'HELD', 'WOULD_ADD', 'INVALID', 'INVALID', '', 'WOULD_ADD',
    ]);
    expect(store.writes).toHaveLength(1);
    expect(store.flushes).toBe(1);
    expect(report).toEqual({
      mode: 'preview', rows: 9, done: 9, pending: 0,
      counts: { WOULD_ADD: 5, WOULD_REMOVE: 1, HELD: 1, INVALID: 2 },
      message: 'Preview: 5 to add, 1 to remove, 1 held, 2 invalid — see the Details column. Nothing was changed in Google Chat.',
      // Per resolved space, whatever form the Space cell used; unresolved cells as written.
      bySpace: [
        { space: 'Team', counts: { WOULD_ADD: 2, WOULD_REMOVE: 1, INVALID: 1 } },
        { space: 'Ops', counts: { WOULD_ADD: 3, HELD: 1 } },
        { space: 'Nowhere Land', counts: { INVALID: 1 } },
      ],
      // The same rows by name, under the same space labels, for the sidebar's plan.
      people: [
        { space: 'Team', more: 0, people: [['alice@example.com', 'WOULD_ADD', 2], ['bob@example.com', 'WOULD_ADD', 3], ['carol@example.com', 'WOULD_REMOVE', 4], ['nobody@example', 'INVALID', 8]] },
        { space: 'Ops', more: 0, people: [['group:team@example.com', 'WOULD_ADD', 5], ['me@example.com', 'HELD', 6], ['ext@gmail.com', 'WOULD_ADD', 7], ['users/11', 'WOULD_ADD', 11]] },
        { space: 'Nowhere Land', more: 0, people: [['alice@example.com', 'INVALID', 9]] },
      ],
    });
  });

  it('apply changes Chat and reports each row; a second apply makes zero writes', () => {
    const { chat, store, deps } = world(ROWS);
    const report = runRoster(deps, 'apply');
    expect(store.column('Status')).toEqual([
      'ADDED', 'INVITED', 'REMOVED', 'ADDED', 'HELD', 'ADDED', 'INVALID', 'INVALID', '', 'ADDED',
    ]);
    expect(store.column('Details')[0]).toBe('Added to the space as Manager');
    expect(store.column('Details')[8]).toBe('');
    // One stamp for the run's write-back; the blank row gets none.
    const updated = store.column('Updated');
    expect(updated[8]).toBe('');
    expect(new Set(updated.filter((_, index) => index !== 8))).toEqual(new Set([expect.stringMatching(/^T\d+$/)]));
    expect(report.message).toBe('4 added, 1 invited, 1 removed, 1 held, 2 invalid — see the Details column.');
    const team = chat.members.get('spaces/TEAM')!;
    expect(team.get('users/11')?.role).toBe('ROLE_ASSISTANT_MANAGER');
    expect(team.get('users/12')?.state).toBe('INVITED');
    expect(team.has('users/13')).toBe(false);
    expect(chat.members.get('spaces/OPS')!.has('groups/g1')).toBe(true);
    expect(chat.members.get('spaces/OPS')!.get('users/11')?.role).toBe('ROLE_MANAGER');
    expect(chat.calls).toContainEqual({ method: 'create', parent: 'spaces/OPS', membership: { member: { name: 'users/ext@gmail.com', type: 'HUMAN' } } });

    const writesBefore = chat.writes().length;
    const again = runRoster(deps, 'apply');
    expect(chat.writes().length).toBe(writesBefore);
    expect(store.column('Status')).toEqual([
      'UNCHANGED', 'UNCHANGED', 'UNCHANGED', 'UNCHANGED', 'HELD', 'UNCHANGED', 'INVALID', 'INVALID', '', 'UNCHANGED',
    ]);
    expect(store.column('Details')[1]).toBe('Already invited; waiting for them to accept');
    expect(again.counts).toEqual({ UNCHANGED: 6, HELD: 1, INVALID: 2 });

    // A third run changes nothing at all, not even the sheet.
    runRoster(deps, 'apply');
    expect(store.writes).toHaveLength(2);
  });

  it('works with admin access and no directory (alias probes), converging the same way', () => {
    const { chat, directory, deps } = world(ROWS.filter((row) => !row[0].startsWith('group:')), true);
    directory.failure = { code: 403, status: '', message: 'Not Authorized to access this resource/api' };
    chat.adminRejectsShowInvited = true;
    runRoster(deps, 'apply');
    const writes = chat.writes().length;
    const again = runRoster(deps, 'apply');
    expect(chat.writes().length).toBe(writes);
    expect(again.counts.UNCHANGED).toBe(5);
  });

  it('with admin access, when Google won\'t list invitations, invited people are checked, not re-created', () => {
    const { chat, deps } = world([['bob@example.com', 'Team'], ['alice@example.com', 'Team']], true);
    chat.adminRejectsShowInvited = true;
    runRoster(deps, 'apply');
    expect(chat.members.get('spaces/TEAM')!.get('users/12')?.state).toBe('INVITED');
    const writes = chat.writes().length;
    const again = runRoster(deps, 'apply');
    expect(chat.writes().length).toBe(writes);
    expect(again.counts).toEqual({ UNCHANGED: 2 });
    expect(chat.calls).toContainEqual({ method: 'get', name: 'spaces/TEAM/members/bob@example.com', useAdminAccess: true });
  });

  it('with admin access but without the admin privilege, stops before any row with one plain sentence', () => {
    const { chat, store, deps } = world(ROWS, true);
    chat.adminPrivilege = false;
    const before = JSON.stringify(store.grid);
    const report = runRoster(deps, 'apply');
    expect(report.message).toMatch(/^Admin access is on, but Google refused it: your account needs the "Manage chat and spaces conversations" admin privilege\. .*No row was changed\. \(HTTP 403 PERMISSION_DENIED/);
    expect(report.rows).toBe(0);
    expect(chat.calls).toEqual([]);
    expect(JSON.stringify(store.grid)).toBe(before);
  });

  it('checks the admin privilege only when admin access is on', () => {
    const { chat, deps } = world(ROWS);
    chat.adminPrivilege = false;
    expect(runRoster(deps, 'preview').rows).toBeGreaterThan(0);
    expect(chat.adminChecks).toBe(0);
  });

  it('tells the admin to set up the sheet when it or its headers are missing, without throwing', () => {
    const missing = world([]);
    missing.store.grid = null;
    expect(runRoster(missing.deps, 'apply')).toEqual({
      bySpace: [],
      mode: 'apply', rows: 0, done: 0, pending: 0, counts: {},
      message: 'There is no Roster sheet: run Chat Roster › Set up roster sheet first.',
    });
    const noHeader = world([]);
    noHeader.store.grid = [['Who', 'Space'], ['a@example.com', 'Team']];
    const report = runRoster(noHeader.deps, 'preview');
    expect(report.rows).toBe(0);
    expect(report.message).toContain('"Member"');
    expect(report.message).toContain('Set up roster sheet');
    expect(noHeader.store.writes).toEqual([]);
  });

  it('an empty roster says so', () => {
    expect(runRoster(world([]).deps, 'apply').message).toContain('no rows yet');
  });

  it('a port that throws inside one space fails that space only', () => {
    const { chat, directory, store, deps } = world(ROWS);
    directory.lookup = () => { throw new Error('AdminDirectory is not defined'); };
    const getSpace = chat.getSpace.bind(chat);
    chat.getSpace = (name) => { if (name === 'spaces/OPS') throw new Error('Service error: Chat'); return getSpace(name); };
    chat.unlisted.add('spaces/OPS');
    runRoster(deps, 'apply');
    // Row 5: without the directory a group email can't be resolved; row 7: spaces.get of OPS threw.
    expect(store.column('Status')).toEqual([
      'ADDED', 'INVITED', 'REMOVED', 'ERROR', 'HELD', 'ERROR', 'INVALID', 'INVALID', '', 'ADDED',
    ]);
    expect(store.column('Details')[3]).toContain('(HTTP status unknown: AdminDirectory is not defined)');
    // A throw is Google failing, not a wrong cell: Google's side, never "check it" (DESIGN.md §6).
    expect(store.column('Details')[5]).toBe("Google Chat is not answering about the space spaces/OPS — nothing was changed, try again later. (HTTP status unknown: Service error: Chat) Google's side — try again later; nothing for you to fix.");
  });

  it('an unexpected failure mid-run still gives every row a status and returns a report', () => {
    const { chat, store, deps } = world(ROWS);
    // A broken adapter: replies without a status code.
    chat.send = (calls) => calls.map(() => undefined as never);
    const report = runRoster(deps, 'apply');
    const statuses = store.column('Status');
    expect(statuses.filter((status) => status === '')).toHaveLength(1); // only the blank row
    expect(statuses[0]).toBe('ERROR');
    expect(store.column('Details')[0]).toContain('Chat Roster stopped before this row because of an unexpected error. (');
    expect(statuses[6]).toBe('INVALID');
    expect(report.rows).toBe(9);
  });
});
