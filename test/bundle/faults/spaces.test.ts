/**
 * Final faults of one space (DESIGN.md §4, §6): a space that refuses the caller (403), a space deleted before
 * the run (404) or in the middle of it, and a 404 on delete for someone still in the space. Only the rows of
 * the affected space (or member) end INVALID/ERROR — with a plain reason, the HTTP status and whose side —
 * and every other row is completed, none lost, none written twice.
 */
import type { HttpRequest } from '../../../emulator/http';
import { ADMIN, duplicateWrites, makeWorkload, membershipMismatches, newWorld, sheetRows, type Row } from '../workload';
import { notTheirOwn, settle, smallWorkload, tally } from './faultRun';

const AFFECTED = 'spaces/AAAAspace002';
const inAffected = (row: Row) => row.space === AFFECTED;
const otherRows = (rows: readonly Row[]) => rows.filter((row) => !inAffected(row));

describe('a space that refuses the caller (not a member, no admin access)', () => {
  const workload = smallWorkload();
  const space = workload.seed.spaces.find((s) => `spaces/${s.id}` === AFFECTED)!;
  space.members = space.members!.filter((member) => member.email !== ADMIN);
  const { google, world } = newWorld(workload, { latencyMs: 50 });
  const settled = settle(world, workload);
  const wrong = notTheirOwn(world, workload.rows, (row) => (inAffected(row) ? ['INVALID', 'ERROR'] : null));

  it('ends only that space\'s rows INVALID or ERROR, saying what to do; every other row is done', () => {
    tally('one space refuses (403/404 for a non-member)', 1, settled, wrong.length);
    expect(settled.crashes).toBe(0);
    expect(settled.lost).toBe(0);
    expect(wrong).toEqual([]);
    const affected = sheetRows(world).filter((row) => row.space === AFFECTED);
    for (const row of affected) expect(row.details).toMatch(/turn on admin access.*\(HTTP \d{3}.*\) Your side: fix this, then run again\.$/);
    expect(membershipMismatches(google, otherRows(workload.rows))).toEqual([]);
    expect(duplicateWrites(google.calls)).toEqual([]);
  });
});

describe('a space deleted before the run', () => {
  const workload = smallWorkload();
  const { google, world } = newWorld(workload, { latencyMs: 50 });
  google.deleteSpace(AFFECTED);
  const settled = settle(world, workload);
  const wrong = notTheirOwn(world, workload.rows, (row) => (inAffected(row) ? ['INVALID'] : null));

  it('ends its rows INVALID "no space with the id…", the admin\'s move; the other spaces are done', () => {
    tally('space deleted before the run (404)', 1, settled, wrong.length);
    expect(settled.crashes).toBe(0);
    expect(settled.lost).toBe(0);
    expect(wrong).toEqual([]);
    for (const row of sheetRows(world).filter((r) => r.space === AFFECTED)) {
      expect(row.details).toMatch(/^No space with the id or name "AAAAspace002" that you can see: .*\(HTTP 404 NOT_FOUND: .*\) Your side: fix this, then run again\.$/);
    }
    expect(membershipMismatches(google, otherRows(workload.rows))).toEqual([]);
    expect(duplicateWrites(google.calls)).toEqual([]);
  });
});

describe('a space deleted mid-run', () => {
  const workload = makeWorkload({ spaces: 3, usersPerSpace: 40, mix: true });
  const { google, world } = newWorld(workload, { latencyMs: 50 });
  // Deleted once the run has written to it: its remaining rows meet a 404 in the middle of the run.
  const fetch = google.fetch.bind(google);
  let deleted = false;
  google.fetch = (request: HttpRequest) => {
    const response = fetch(request);
    if (!deleted && google.writes().filter((call) => call.target.startsWith(`${AFFECTED}/`)).length >= 5) {
      google.deleteSpace(AFFECTED);
      deleted = true;
    }
    return response;
  };
  const settled = settle(world, workload);
  const wrong = notTheirOwn(world, workload.rows, (row) => (inAffected(row) ? [...row.accept, 'ERROR', 'INVALID'] : null));

  it('ends the space\'s unfinished rows ERROR/INVALID with the HTTP status; every other space is done', () => {
    tally('space deleted mid-run', 1, settled, wrong.length);
    expect(deleted).toBe(true);
    expect(settled.crashes).toBe(0);
    expect(settled.last!.pending).toBe(0);
    expect(settled.lost).toBe(0);
    expect(wrong).toEqual([]);
    const failed = sheetRows(world).filter((row) => row.status === 'ERROR' || row.status === 'INVALID');
    expect(failed.length).toBeGreaterThan(0);
    for (const row of failed) {
      expect(row.space).toBe(AFFECTED);
      expect(row.details).toMatch(/\(HTTP 404 NOT_FOUND: .*\) Your side: fix this, then run again\.$/);
    }
    expect(membershipMismatches(google, otherRows(workload.rows))).toEqual([]);
    expect(duplicateWrites(google.calls)).toEqual([]);
  });
});

describe('a 404 on delete for a member still in the space', () => {
  const workload = smallWorkload();
  const { google, world } = newWorld(workload, { latencyMs: 50 });
  google.injectFault({ methodId: 'chat.spaces.members.delete', code: 404, times: 1 });
  const settled = settle(world, workload);
  const removals = workload.rows.filter((row) => row.action === 'remove');
  const stillIn = removals.filter((row) => google.membersOf(row.space).some((m) => m.member === row.member));
  const wrong = notTheirOwn(world, workload.rows, (row) => (stillIn.includes(row) ? ['ERROR'] : null));

  it('is confirmed by a read: the row says the member is still there, never "already removed"', () => {
    tally('404 on delete, member present', 1, settled, wrong.length);
    expect(stillIn).toHaveLength(1);
    expect(settled.crashes).toBe(0);
    expect(settled.lost).toBe(0);
    expect(wrong).toEqual([]);
    const row = sheetRows(world).find((r) => r.member === stillIn[0].member)!;
    expect(row.details).toBe("Not removed: Google Chat answered that this member isn't in the space, yet still lists them. (HTTP 404 NOT_FOUND: Requested entity was not found.) Google's side — try again later; nothing for you to fix.");
    expect(google.calls.some((call) => call.methodId === 'chat.spaces.members.get' && call.target.startsWith(stillIn[0].space))).toBe(true);
    expect(duplicateWrites(google.calls)).toEqual([]);
  });
});
