import { detailsOf, rendered } from '../../../src/core/details';
import type { Intent, MemberRef, SpaceInfo } from '../../../src/core/model';
import { probeByAlias } from '../../../src/core/resolve/probeByAlias';
import type { ChatGateway, Directory } from '../../../src/core/ports';
import { parseMemberCell, parseSpaceCell, spaceKey } from '../../../src/core/rows/refs';
import { resolveSpaces, spaceTypeProblem, type SpaceResolution } from '../../../src/core/resolve/resolveSpaces';
import { lookUp } from '../../../src/core/resolve/identities';
import { memberCells, resolveTargets } from '../../../src/core/resolve/resolveTargets';
import { FakeChat, FakeDirectory } from '../fakes';

function spaceRef(cell: string) {
  const parsed = parseSpaceCell(cell);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.ref;
}

/** A space's resolution, a failure as its Details read. */
function readable(resolution: SpaceResolution | undefined) {
  return resolution && !resolution.ok ? { ok: false, details: detailsOf(resolution.problem) } : resolution;
}

function member(cell: string): MemberRef {
  const parsed = parseMemberCell(cell);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.ref;
}

describe('resolveSpaces', () => {
  const chat = new FakeChat()
    .addSpace('spaces/AAAA', 'Team Alpha')
    .addSpace('spaces/BBBB', 'Engineering')
    .addSpace('spaces/C1', 'Twins')
    .addSpace('spaces/C2', 'Twins')
    .addSpace('spaces/DM', '', 'DIRECT_MESSAGE');

  function resolve(cell: string) {
    const ref = spaceRef(cell);
    return readable(resolveSpaces(chat, [ref], false).get(spaceKey(ref)));
  }

  it('gets ids, URLs and exact display names', () => {
    for (const cell of ['spaces/AAAA', 'AAAA', 'https://chat.google.com/room/AAAA', 'Team Alpha']) {
      expect(resolve(cell)).toEqual({ ok: true, space: { name: 'spaces/AAAA', spaceType: 'SPACE', displayName: 'Team Alpha' } });
    }
  });

  it('falls back from an unknown one-word id to the display name', () => {
    expect(resolve('Engineering')).toEqual({ ok: true, space: expect.objectContaining({ name: 'spaces/BBBB' }) });
  });

  it('explains no match and several matches', () => {
    expect(resolve('Team Beta')).toEqual({ ok: false, details: 'No space named "Team Beta" that you can see: check the name, or use the space\'s URL.' });
    expect(resolve('Nowhere')).toEqual({ ok: false, details: expect.stringContaining('No space with the id or name "Nowhere" that you can see') });
    expect(resolve('Twins')).toEqual({ ok: false, details: '2 spaces you can see are named "Twins": use the URL of the one you mean instead of its name.' });
  });

  it('reports a refused or throwing spaces.get with the status when known', () => {
    const refusing: ChatGateway = {
      send: () => [],
      listSpaces: () => ({ ok: true, value: [] }),
      getSpace: () => ({ ok: false, error: { code: 403, status: 'PERMISSION_DENIED', message: 'no' } }),
      findSpacesByDisplayName: () => { throw new Error('Service unavailable'); },
      verifyAdminAccess: () => ({ ok: true, value: true }),
    };
    const id = spaceRef('spaces/X');
    const name = spaceRef('Some Name');
    const resolved = resolveSpaces(refusing, [id, name], false);
    expect(readable(resolved.get(spaceKey(id)))).toEqual({ ok: false, details: expect.stringContaining('(HTTP 403 PERMISSION_DENIED: no)') });
    expect(readable(resolved.get(spaceKey(name)))).toEqual({ ok: false, details: expect.stringContaining('(HTTP status unknown: Service unavailable)') });
  });

  it('calls Google once per distinct space', () => {
    let gets = 0;
    const counting: ChatGateway = { ...chat, send: () => [], getSpace: (n, a) => { gets++; return chat.getSpace(n); }, findSpacesByDisplayName: (d) => chat.findSpacesByDisplayName(d), listSpaces: () => chat.listSpaces(), verifyAdminAccess: () => chat.verifyAdminAccess() };
    resolveSpaces(counting, ['AAAA', 'spaces/AAAA', 'https://mail.google.com/chat/u/0/#chat/space/AAAA'].map(spaceRef), false);
    expect(gets).toBe(1);
  });

  it('groups and roles only in named spaces', () => {
    const dm = { name: 'spaces/DM', spaceType: 'DIRECT_MESSAGE', displayName: '' };
    const intent = (cell: string, role: Intent['role']): Intent => ({ sheetRow: 2, member: member(cell), space: { kind: 'name', name: 'spaces/DM' }, role, action: 'add' });
    const problem = (cell: string, role: Intent['role']) => {
      const found = spaceTypeProblem(intent(cell, role), dm);
      return found && detailsOf(found);
    };
    expect(problem('group:t@example.com', null)).toContain('Google Groups can only be added to named spaces');
    expect(problem('a@example.com', 'ROLE_MANAGER')).toContain('Only named spaces have Managers and Owners');
    expect(problem('a@example.com', 'ROLE_MEMBER')).toBeNull();
  });
});

describe('identities', () => {
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
      { sheetRow: 3, status: 'INVALID', details: 'alice@example.com is a person, not a group: remove "group:" from the Member cell.' },
      { sheetRow: 4, status: 'INVALID', details: 'team@example.com is a Google Group: write group:team@example.com in the Member cell.' },
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
});

describe('resolveSpaces reads the space list once', () => {
  it('resolves many spaces with one list call and gets only the ones not listed', () => {
    const chat = new FakeChat().addSpace('spaces/A', 'Alpha').addSpace('spaces/B', 'Beta').addSpace('spaces/C', 'Gamma');
    chat.unlisted.add('spaces/C');
    let lists = 0;
    const gets: string[] = [];
    const list = chat.listSpaces.bind(chat);
    const get = chat.getSpace.bind(chat);
    chat.listSpaces = () => { lists++; return list(); };
    chat.getSpace = (name) => { gets.push(name); return get(name); };
    const refs = ['spaces/A', 'spaces/B', 'spaces/C'].map((name) => ({ kind: 'name' as const, name }));
    const resolved = resolveSpaces(chat, refs, false);
    expect([...resolved.values()].every((r) => r.ok)).toBe(true);
    expect(lists).toBe(1);
    expect(gets).toEqual(['spaces/C']);
  });
});
