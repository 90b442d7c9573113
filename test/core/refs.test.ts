import { isEmail, parseMemberCell, parseSpaceCell } from '../../src/core/refs';

describe('member cells', () => {
  it.each([
    ['alice@example.com', { kind: 'userEmail', email: 'alice@example.com' }],
    ['  Alice.Smith@Example.COM ', { kind: 'userEmail', email: 'alice.smith@example.com' }],
    ['users/123456789', { kind: 'userId', name: 'users/123456789' }],
    ['users/Bob@Example.com', { kind: 'userEmail', email: 'bob@example.com' }],
    ['group:Team@Example.com', { kind: 'groupEmail', email: 'team@example.com' }],
    ['GROUP: team@example.com', { kind: 'groupEmail', email: 'team@example.com' }],
    ['groups/abc123', { kind: 'groupId', name: 'groups/abc123' }],
    ['app', { kind: 'app' }],
    ['APP', { kind: 'app' }],
    ['users/app', { kind: 'app' }],
  ])('%s', (cell, ref) => {
    expect(parseMemberCell(cell)).toEqual({ ok: true, ref });
  });

  it.each([
    ['', 'The Member cell is empty'],
    ['alice@example', 'is not a valid email address'],
    ['alice@@example.com', 'is not a valid email address'],
    ['alice smith@example.com', 'is not a valid email address'],
    ['.alice@example.com', 'is not a valid email address'],
    ['group:team', 'is not a valid email address'],
    ['users/alice', 'is not a user id'],
    ['groups/', 'is not a group id'],
    ['Alice Smith', 'is not a member Chat Roster understands'],
  ])('rejects %j', (cell, reason) => {
    const parsed = parseMemberCell(cell);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });

  it('checks email syntax without blowing up on long input', () => {
    expect(isEmail(`${'a.'.repeat(20)}a@${'b-'.repeat(20)}b.com`)).toBe(true);
    expect(isEmail(`${'a'.repeat(5000)}@example.com`)).toBe(false);
    expect(isEmail('a@b.123')).toBe(false);
  });
});

describe('space cells', () => {
  const id = (name: string) => ({ ok: true, ref: { kind: 'name', name } });
  it.each([
    ['spaces/AAAA', 'spaces/AAAA'],
    ['Spaces/AAAA', 'spaces/AAAA'],
    ['AAAAxyz123', 'spaces/AAAAxyz123'],
    [' AAAA-b_c ', 'spaces/AAAA-b_c'],
    ['https://mail.google.com/chat/u/0/#chat/space/AAAA', 'spaces/AAAA'],
    ['https://mail.google.com/chat/u/3/#chat/space/AAAA/', 'spaces/AAAA'],
    ['https://mail.google.com/chat/u/0/#chat/space/AAAA?cls=7', 'spaces/AAAA'],
    ['https://mail.google.com/mail/u/0/#chat/space/AAAA', 'spaces/AAAA'],
    ['https://mail.google.com/chat/u/0/?hl=en#chat/space/AAAA', 'spaces/AAAA'],
    ['https://chat.google.com/room/AAAA', 'spaces/AAAA'],
    ['https://chat.google.com/room/AAAA/?cls=7', 'spaces/AAAA'],
    ['HTTPS://CHAT.GOOGLE.COM/room/AAAA', 'spaces/AAAA'],
  ])('%s is an id', (cell, name) => {
    expect(parseSpaceCell(cell)).toEqual(id(name));
  });

  it('takes anything else as an exact display name, trimmed', () => {
    expect(parseSpaceCell('  Team Alpha ')).toEqual({ ok: true, ref: { kind: 'displayName', displayName: 'Team Alpha' } });
    expect(parseSpaceCell('R&D: Ops')).toEqual({ ok: true, ref: { kind: 'displayName', displayName: 'R&D: Ops' } });
  });

  it.each([
    ['', 'The Space cell is empty'],
    ['https://example.com/room/AAAA', 'is not a Google Chat space link'],
    ['https://mail.google.com/mail/u/0/#inbox', 'is not a Google Chat space link'],
    ['spaces/AA AA', 'is not a space id'],
  ])('rejects %j', (cell, reason) => {
    const parsed = parseSpaceCell(cell);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});
