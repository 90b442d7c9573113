import { detailsOf } from '../../../src/core/details';
import type { Intent } from '../../../src/core/model';
import type { ChatGateway } from '../../../src/core/ports';
import { spaceKey } from '../../../src/core/rows/refs';
import { resolveSpaces, spaceProblemStatus, spaceTypeProblem, type SpaceResolution } from '../../../src/core/resolve/resolveSpaces';
import { member, spaceRef } from '../cellRefs';
import { FakeChat } from '../fakes';

/** A space's resolution, a failure as its Details read. */
function readable(resolution: SpaceResolution | undefined) {
  return resolution && !resolution.ok ? { ok: false, details: detailsOf(resolution.problem) } : resolution;
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

  it('is INVALID when Google answered that there is no such space for you, ERROR only when Google failed', () => {
    const status = (code: number, lookup: 'none' | 'fails') => {
      const gateway: ChatGateway = {
        send: () => [],
        listSpaces: () => ({ ok: true, value: [] }),
        getSpace: () => ({ ok: false, error: { code, status: '', message: 'm' } }),
        findSpacesByDisplayName: () => (lookup === 'none' ? { ok: true, value: [] } : { ok: false, error: { code: 0, status: '', message: 'down' } }),
        verifyAdminAccess: () => ({ ok: true, value: true }),
      };
      const ref = spaceRef('spaces/X');
      const resolution = resolveSpaces(gateway, [ref], false).get(spaceKey(ref));
      return resolution && !resolution.ok ? [resolution.problem.reason, spaceProblemStatus(resolution.problem)] : resolution;
    };
    // The id is unknown, or not visible to you: fix the cell or get access.
    expect(status(404, 'none')).toEqual(['noSpaceWithIdOrName', 'INVALID']);
    expect(status(404, 'fails')).toEqual(['spaceNotOpened', 'INVALID']);
    expect(status(403, 'fails')).toEqual(['spaceNotOpened', 'INVALID']);
    expect(status(400, 'fails')).toEqual(['spaceNotOpened', 'INVALID']);
    // Google failing — 429, 5xx, or no status (spaces.get goes over REST: code 0 means UrlFetchApp threw):
    // Google's side, never "check the ID" (DESIGN.md §6).
    for (const code of [0, 429, 500, 503]) {
      expect(status(code, 'none')).toEqual(['chatNotAnswering', 'ERROR']);
      expect(status(code, 'fails')).toEqual(['chatNotAnswering', 'ERROR']);
    }
    // Display names: none or several is an answer; a failed lookup is Google's.
    expect(spaceProblemStatus({ reason: 'noSpaceNamed', displayName: 'X' })).toBe('INVALID');
    expect(spaceProblemStatus({ reason: 'spaceNameAmbiguous', displayName: 'X', count: 2 })).toBe('INVALID');
    expect(spaceProblemStatus({ reason: 'spaceNotOpened', ref: spaceRef('X Y'), error: { code: 0, status: '', message: '' } })).toBe('ERROR');
    expect(spaceProblemStatus({ reason: 'chatNotAnswering', ref: spaceRef('X Y'), error: { code: 0, status: '', message: '' } })).toBe('ERROR');
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
