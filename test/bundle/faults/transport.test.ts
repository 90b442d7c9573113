/**
 * UrlFetchApp.fetchAll throwing a transport exception mid-run (DESIGN.md §1 "the sheet is the checkpoint",
 * §6): the writes of that batch may have reached Google, so their rows stay PENDING — never ERROR — and the
 * next execution's snapshot settles them, with no membership written twice.
 */
import type { RunReport } from '../../../src/shared/report';
import { ADMIN, duplicateWrites, execute, membershipMismatches, newWorld, sheetRows } from '../workload';
import { notTheirOwn, settle, smallWorkload, tally } from './faultRun';

describe('a fetchAll of membership writes that throws a transport exception', () => {
  const workload = smallWorkload();
  const { google, world } = newWorld(workload, { latencyMs: 50 });
  // Two write batches lose their answers (the emulator applies them first: the stricter reading).
  world.transportFaults.add({ methods: ['POST', 'PATCH', 'DELETE'], times: 2 });
  const first = execute<RunReport>(world, 'provisionRoster', [], { user: ADMIN });
  const afterFirst = sheetRows(world);
  const settled = settle(world, workload);
  const wrong = notTheirOwn(world, workload.rows);

  it('leaves the rows of the broken batches PENDING, not ERROR, in the execution that lost the answers', () => {
    expect(first.error).toBeUndefined();
    expect(world.transportFaults.fired).toBe(2);
    expect(first.value!.pending).toBeGreaterThan(0);
    expect(afterFirst.filter((row) => row.status === 'ERROR')).toEqual([]);
  });

  it('converges on the next execution: every row final and right, none lost, none written twice', () => {
    tally('transport (fetchAll throws)', world.transportFaults.fired, settled, wrong.length);
    expect(settled.crashes).toBe(0);
    expect(settled.last!.pending).toBe(0);
    expect(settled.lost).toBe(0);
    expect(wrong).toEqual([]);
    expect(membershipMismatches(google, workload.rows)).toEqual([]);
    expect(duplicateWrites(google.calls)).toEqual([]);
  });
});
