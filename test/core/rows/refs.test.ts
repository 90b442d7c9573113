import { isEmail, parseMemberCell, parseSpaceCell } from '../../../src/core/rows/refs';

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

  it('keeps the id forms Google spells, whatever the case of their prefix', () => {
    expect(parseMemberCell('USERS/123')).toEqual({ ok: true, ref: { kind: 'userId', name: 'users/123' } });
    expect(parseMemberCell('Groups/abc')).toEqual({ ok: true, ref: { kind: 'groupId', name: 'groups/abc' } });
    expect(parseMemberCell('users/')).toEqual({ ok: false, reason: expect.stringContaining('is not a user id') });
    expect(parseMemberCell('users/12a')).toEqual({ ok: false, reason: expect.stringContaining('is not a user id') });
  });

  // isEmail is a character loop for speed (DESIGN.md §5); these regexes are the rules it replaced.
  const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
  const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
  function isEmailByRegex(text: string): boolean {
    if (text.length > 254) return false;
    const at = text.lastIndexOf('@');
    if (at <= 0 || at > 64) return false;
    const labels = text.slice(at + 1).split('.');
    return LOCAL_PART.test(text.slice(0, at)) && labels.length >= 2
      && labels.every((label) => DOMAIN_LABEL.test(label)) && /[a-z]/.test(labels[labels.length - 1]);
  }

  it('checks email syntax exactly as the regexes it replaced', () => {
    const tricky = [
      'a@b.co', 'a.b@c.d1', 'a..b@c.de', '.a@b.cd', 'a.@b.cd', 'a@.b.cd', 'a@b..cd', 'a@b.cd.', 'a@-b.cd', 'a@b-.cd',
      'a@b.c-d', 'a@b.123', 'a@1.2a', "o'neil+x@ex-ample.com", 'a@b@c.de', '@b.cd', 'a@', 'a@b', 'A@b.cd', 'a@B.cd',
      'é@b.cd', 'a@bé.cd', 'a b@c.de', `${'x'.repeat(64)}@b.cd`, `${'x'.repeat(65)}@b.cd`, `a@${'y'.repeat(63)}.cd`,
      `a@${'y'.repeat(64)}.cd`, `a@${'b.'.repeat(126)}cd`, 'a@b.c_d', 'a~{|}@b.cd', '"a"@b.cd', 'a@b.cd\n',
    ];
    for (const text of tricky) expect([text, isEmail(text)]).toEqual([text, isEmailByRegex(text)]);
    // And many random strings over the characters that matter.
    const alphabet = 'ab1-.@_+Zé ';
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 20000; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * 12);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      expect([text, isEmail(text)]).toEqual([text, isEmailByRegex(text)]);
    }
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
    // Every form Chat shows (DESIGN.md §3): the app's own URL, per account (/u/N/), with query or trailing slash.
    ['https://chat.google.com/u/0/app/chat/AAAA', 'spaces/AAAA'],
    ['https://chat.google.com/u/2/app/chat/AAAA', 'spaces/AAAA'],
    ['https://chat.google.com/u/0/app/chat/AAAA/', 'spaces/AAAA'],
    ['https://chat.google.com/u/0/app/chat/AAAA?cls=10', 'spaces/AAAA'],
    ['https://chat.google.com/u/1/app/chat/AAAA/?cls=10', 'spaces/AAAA'],
    ['https://chat.google.com/app/chat/AAAA', 'spaces/AAAA'],
    ['https://mail.google.com/chat/u/1/#chat/space/AAAA', 'spaces/AAAA'],
    ['https://mail.google.com/chat/u/0/#chat/space/AAAA/?cls=7', 'spaces/AAAA'],
    ['https://chat.google.com/u/1/room/AAAA', 'spaces/AAAA'],
    ['https://chat.google.com/room/AAAA?cls=7', 'spaces/AAAA'],
    ['https://chat.google.com/room/AAAA/', 'spaces/AAAA'],
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
    ['https://chat.google.com/u/0/app/home', 'is not a Google Chat space link'],
    ['https://chat.google.com/u/0/app/chat/', 'is not a Google Chat space link'],
    ['spaces/AA AA', 'is not a space id'],
  ])('rejects %j', (cell, reason) => {
    const parsed = parseSpaceCell(cell);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});
