import { rendered } from '../../../src/core/details';
import type { Intent, SpaceInfo } from '../../../src/core/model';
import { probeByAlias } from '../../../src/core/resolve/probeByAlias';
import type { Directory } from '../../../src/core/ports';
import { spaceKey } from '../../../src/core/rows/refs';
import { lookUp } from '../../../src/core/resolve/identities';
import type { SpaceResolution } from '../../../src/core/resolve/resolveSpaces';
import { memberCells, resolveTargets } from '../../../src/core/resolve/resolveTargets';
import { member } from '../cellRefs';
import { FakeChat, FakeDirectory } from '../fakes';

describe('resolveTargets: rows and the directory’s answers → targets', () => {
  const space = { name: 'spaces/S', spaceType: 'SPACE', displayName: 'Team' };
  let row = 2;
  type Pair = { intent: Intent; space: SpaceInfo };
  const pair = (cell: string, action: 'add' | 'remove' = 'add'): Pair =>
    ({ intent: { sheetRow: row++, member: member(cell), space: { kind: 'name', name: 'spaces/S' }, role: null, action }, space });
  beforeEach(() => { row = 2; });
  /** The directory asked, then resolveTargets, over (intent, space) pairs: each intent's space resolves to the pair's. */
  const resolvePairs = (directory: Directory, pairs: Pair[], callerEmail: string) => {
    const spaces = new Map<string, SpaceResolution>(pairs.map((p) => [spaceKey(p.intent.space), { ok: true, space: p.space }]));
    const cells = memberCells(pairs.map((p) => p.intent), spaces, callerEmail);
    const resolved = resolveTargets(cells, lookUp(directory, cells.emails));
    return { ...resolved, outcomes: resolved.outcomes.map(rendered) };
  };

  it('resolves every email in ONE directory lookup, including the caller', () => {
    const directory = new FakeDirectory();
    directory.entries.set('alice@example.com', { kind: 'user', name: 'users/11' });
    directory.entries.set('team@example.com', { kind: 'group', name: 'groups/g1' });
    directory.entries.set('me@example.com', { kind: 'user', name: 'users/1' });
    const result = resolvePairs(directory, [pair('alice@example.com'), pair('group:team@example.com'), pair('users/42'), pair('ext@gmail.com')], 'me@example.com');
    expect(directory.lookups).toEqual([['alice@example.com', 'team@example.com', 'ext@gmail.com', 'me@example.com']]);
    expect(result.callerName).toBe('users/1');
    expect(result.targets.map((t) => [t.member.kind, t.member.name])).toEqual([
      ['user', 'users/11'], ['group', 'groups/g1'], ['user', 'users/42'], ['user', null],
    ]);
  });

  it('resolves each member once: one email in the lookup even when written as a person and as a group', () => {
    // (Row 5 repeats row 3's group.)
    const directory = new FakeDirectory();
    directory.entries.set('team@example.com', { kind: 'group', name: 'groups/g1' });
    const result = resolvePairs(directory, [
      pair('team@example.com'), pair('group:team@example.com'), pair('Team@Example.com'), pair('group:TEAM@example.com'),
    ], 'team@example.com');
    expect(directory.lookups).toEqual([['team@example.com']]);
    expect(result.outcomes.map((o) => [o.sheetRow, o.status])).toEqual([[2, 'INVALID'], [4, 'INVALID'], [5, 'INVALID']]);
    expect(result.targets.map((t) => [t.intent.sheetRow, t.member.kind, t.member.name])).toEqual([[3, 'group', 'groups/g1']]);
  });

  it('explains groups the directory lacks, people written as groups and groups written as people, suspended users', () => {
    const directory = new FakeDirectory();
    directory.entries.set('alice@example.com', { kind: 'user', name: 'users/11' });
    directory.entries.set('team@example.com', { kind: 'group', name: 'groups/g1' });
    directory.entries.set('gone@example.com', { kind: 'user', name: 'users/13', suspended: true });
    directory.entries.set('left@example.com', { kind: 'user', name: 'users/14', suspended: true });
    const { outcomes, targets } = resolvePairs(directory, [
      pair('group:nobody@example.com'), pair('group:alice@example.com'), pair('team@example.com'),
      pair('gone@example.com'), pair('left@example.com', 'remove'),
    ], '');
    expect(outcomes).toEqual([
      { sheetRow: 2, status: 'ERROR', details: expect.stringContaining('not found in your Google Workspace directory (or you have no Admin SDK access): use groups/{id}') },
      { sheetRow: 3, status: 'INVALID', details: 'alice@example.com is a person, not a group: remove "group:" from the Member cell. Your side: fix this, then run again.' },
      { sheetRow: 4, status: 'INVALID', details: 'team@example.com is a Google Group: write group:team@example.com in the Member cell. Your side: fix this, then run again.' },
      { sheetRow: 5, status: 'HELD', details: expect.stringContaining('is suspended in your Google Workspace directory') },
    ]);
    // Removing a suspended account goes ahead.
    expect(targets.map((t) => t.intent.sheetRow)).toEqual([6]);
  });

  it('without directory access, falls back to members.get by email alias per space', () => {
    const chat = new FakeChat().addSpace('spaces/S', 'Team');
    chat.person('alice@example.com', '11');
    chat.seat('spaces/S', 'users/11', 'ROLE_ASSISTANT_MANAGER');
    chat.seat('spaces/S', chat.appName, 'ROLE_MEMBER', 'JOINED', 'BOT');
    const directory = new FakeDirectory();
    directory.failure = { code: 0, status: '', message: 'Not Authorized to access this resource/api' };
    const resolved = resolvePairs(directory, [pair('alice@example.com'), pair('bob@example.com'), pair('app')], 'me@example.com');
    const probed = probeByAlias(chat, resolved.targets, new Map(), true);
    expect(probed.outcomes).toEqual([]);
    expect(probed.targets.map((t) => [t.member.name, t.member.probed?.role ?? null])).toEqual([
      ['users/11', 'ROLE_ASSISTANT_MANAGER'], [null, null], [null, 'ROLE_MEMBER'],
    ]);
    expect(chat.calls).toEqual([
      { method: 'get', name: 'spaces/S/members/alice@example.com', useAdminAccess: true },
      { method: 'get', name: 'spaces/S/members/bob@example.com', useAdminAccess: true },
      // Admin access can't read app memberships: asked as the user.
      { method: 'get', name: 'spaces/S/members/app' },
    ]);
    expect(chat.sends).toBe(1);
  });

  it('a refused alias get is an ERROR for that row only', () => {
    const chat = new FakeChat().addSpace('spaces/S', 'Team');
    chat.intercept = (call) => (call.method === 'get' && call.name.endsWith('bob@example.com')
      ? { code: 403, error: { code: 403, status: 'PERMISSION_DENIED', message: 'hidden' } } : undefined);
    const resolved = resolvePairs(new FakeDirectory(), [pair('alice@example.com'), pair('bob@example.com')], '');
    const probed = probeByAlias(chat, resolved.targets, new Map(), false);
    expect(probed.targets.map((t) => t.intent.sheetRow)).toEqual([2]);
    expect(probed.outcomes.map(rendered)).toEqual([{ sheetRow: 3, status: 'ERROR', details: expect.stringContaining('Could not check whether bob@example.com is in "Team"') }]);
  });

  describe('an address the directory answers for but does not know (a misspelling)', () => {
    const organisation = (coverage: FakeDirectory['coverage']) => {
      const directory = new FakeDirectory();
      directory.entries.set('alice@example.com', { kind: 'user', name: 'users/11' });
      directory.entries.set('me@example.com', { kind: 'user', name: 'users/1' });
      directory.coverage = coverage;
      return directory;
    };
    const rows = () => [pair('alcie@example.com'), pair('bbo@example.com', 'remove'), pair('pat@gmail.com'), pair('bob@sub.example.com')];

    it('is INVALID on add, before any call: no one in the organisation has it', () => {
      const { outcomes, targets } = resolvePairs(organisation({ view: 'admin', domains: ['example.com'] }), rows(), 'me@example.com');
      expect(outcomes).toEqual([{ sheetRow: 2, status: 'INVALID', details: 'No one in your organisation has this address — check the spelling. Your side: fix this, then run again.' }]);
      // A removal goes on (probed: not in the space, UNCHANGED); an address of another domain is someone from outside.
      expect(targets.map((t) => [t.intent.sheetRow, t.member.email, t.member.outsider ?? false])).toEqual([
        [3, 'bbo@example.com', false], [4, 'pat@gmail.com', true], [5, 'bob@sub.example.com', true],
      ]);
    });

    it('counts every domain the directory answered for as the organisation’s', () => {
      const { outcomes } = resolvePairs(organisation({ view: 'admin', domains: ['example.com', 'sub.example.com'] }), rows(), 'me@example.com');
      expect(outcomes.map((o) => [o.sheetRow, o.status])).toEqual([[2, 'INVALID'], [5, 'INVALID']]);
    });

    it('says what the shared (domain_public) view cannot show', () => {
      const { outcomes } = resolvePairs(organisation({ view: 'domain_public', domains: ['example.com'] }), [pair('alcie@example.com')], 'me@example.com');
      expect(outcomes).toEqual([{ sheetRow: 2, status: 'INVALID', details: expect.stringContaining('shows no suspended accounts and no groups') }]);
    });

    it('keeps today’s behaviour (probe) when the directory cannot say who is not in it', () => {
      for (const directory of [organisation(undefined), organisation({ view: 'domain_public', domains: [] })]) {
        const { outcomes, targets } = resolvePairs(directory, rows(), 'me@example.com');
        expect(outcomes).toEqual([]);
        expect(targets.map((t) => [t.member.name, t.member.outsider ?? false])).toEqual([[null, false], [null, false], [null, false], [null, false]]);
      }
      const refusing = organisation({ view: 'admin', domains: ['example.com'] });
      refusing.failure = { code: 0, status: '', message: 'Not Authorized to access this resource/api' };
      expect(resolvePairs(refusing, rows(), 'me@example.com').outcomes).toEqual([]);
    });

    it('a suspended user on add is HELD and a misspelling INVALID, each pointed at by its repeats', () => {
      const directory = organisation({ view: 'admin', domains: ['example.com'] });
      directory.entries.set('gone@example.com', { kind: 'user', name: 'users/13', suspended: true });
      const { outcomes, targets } = resolvePairs(directory, [pair('gone@example.com'), pair('alcie@example.com'), pair('GONE@example.com')], 'me@example.com');
      expect(outcomes.map((o) => [o.sheetRow, o.status])).toEqual([[2, 'HELD'], [3, 'INVALID'], [4, 'INVALID']]);
      expect(outcomes[2].details).toBe('Same as row 2: delete this row. Your side: fix this, then run again.');
      expect(targets).toEqual([]);
    });
  });
});
