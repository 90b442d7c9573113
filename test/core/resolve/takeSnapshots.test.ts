import { detailsOf } from '../../../src/core/details';
import { takeSnapshots, type SnapshotResult } from '../../../src/core/resolve/takeSnapshots';
import { FakeChat, TestClock } from '../fakes';
import { PacedSender } from '../../../src/core/apply/pacedSender';

const S = { name: 'spaces/S', spaceType: 'SPACE', displayName: 'Team' };
const T = { name: 'spaces/T', spaceType: 'SPACE', displayName: 'Other' };

/** A space's listing, a failure as its Details read. */
function readable(listing: SnapshotResult | undefined) {
  return listing && !listing.ok && !listing.pending ? { ok: false, details: detailsOf(listing.problem) } : listing;
}

function seeded(): FakeChat {
  const chat = new FakeChat().addSpace('spaces/S', 'Team').addSpace('spaces/T', 'Other');
  for (let id = 1; id <= 5; id++) chat.seat('spaces/S', `users/${id}`);
  chat.seat('spaces/S', 'users/6', 'ROLE_MEMBER', 'INVITED');
  chat.seat('spaces/S', 'groups/g1');
  chat.seat('spaces/T', 'users/1', 'ROLE_MANAGER');
  return chat;
}

describe('takeSnapshots', () => {
  it('follows nextPageToken, first pages of every space in one batch, with invited and groups', () => {
    const chat = seeded();
    chat.pageLimit = 3;
    const result = takeSnapshots(new PacedSender(chat, new TestClock(), Infinity), [S, T], false);
    const s = result.get('spaces/S');
    expect(s?.ok && [...s.snapshot.members.keys()]).toEqual(['users/1', 'users/2', 'users/3', 'users/4', 'users/5', 'users/6', 'groups/g1']);
    expect(s?.ok && s.snapshot.hasGroups).toBe(true);
    expect(chat.calls[0]).toEqual({ method: 'list', parent: 'spaces/S', pageSize: 1000, showInvited: true, showGroups: true });
    // Round 1: both first pages in one send; then S's two more pages.
    expect(chat.sends).toBe(3);
    expect(chat.calls.map((c) => c.method === 'list' && (c.pageToken ?? '-'))).toEqual(['-', '-', 'page3', 'page6']);
  });

  it('with admin access filters out apps, and retries without showInvited when Google refuses it', () => {
    const chat = seeded();
    chat.seat('spaces/S', chat.appName, 'ROLE_MEMBER', 'JOINED', 'BOT');
    chat.adminRejectsShowInvited = true;
    const s = takeSnapshots(chat, [S], true).get('spaces/S');
    expect(chat.calls).toEqual([
      expect.objectContaining({ filter: 'member.type != "BOT"', useAdminAccess: true, showInvited: true }),
      expect.objectContaining({ filter: 'member.type != "BOT"', useAdminAccess: true, showInvited: false }),
    ]);
    expect(s?.ok && s.snapshot.invitedListed).toBe(false);
    expect(s?.ok && s.snapshot.members.has('users/6')).toBe(false);
    expect(s?.ok && s.snapshot.members.has(chat.appName)).toBe(false);
  });

  it('a space whose list fails gets a plain reason; the others are still listed', () => {
    const chat = seeded();
    chat.hiddenMemberLists.add('spaces/S');
    const result = takeSnapshots(chat, [S, T, { ...S, name: 'spaces/GONE' }], false);
    expect(readable(result.get('spaces/S'))).toEqual({ ok: false, details: expect.stringContaining("Google Chat won't show you the members of \"Team\"") });
    expect(readable(result.get('spaces/S'))).toEqual({ ok: false, details: expect.stringContaining('(HTTP 403 PERMISSION_DENIED') });
    expect(readable(result.get('spaces/GONE'))).toEqual({ ok: false, details: expect.stringContaining("can't find the space") });
    expect(result.get('spaces/T')?.ok).toBe(true);
  });

  it('a gateway that throws for one space fails that space only', () => {
    const chat = seeded();
    const send = chat.send.bind(chat);
    chat.send = (calls) => {
      if (calls.some((c) => c.method === 'list' && c.parent === 'spaces/S')) throw new Error('boom');
      return send(calls);
    };
    const result = takeSnapshots(new PacedSender(chat, new TestClock(), Infinity), [S, T], false);
    expect(readable(result.get('spaces/S'))).toEqual({ ok: false, details: expect.stringContaining('(HTTP status unknown: boom)') });
    expect(result.get('spaces/T')?.ok).toBe(true);
  });
});
