/**
 * Google's other services failing (DESIGN.md §6): the Admin SDK Directory answering 5xx (rows still
 * resolve, by the members.get fallback, or end as Google's side — never as the admin's mistake), and the
 * admin privilege removed between two executions of a run with admin access on (the run stops with the one
 * admin sentence, and no row is touched).
 */
import type { RunReport } from '../../../src/shared/report';
import { ADMIN, duplicateWrites, execute, membershipMismatches, newWorld, sheetRows } from '../workload';
import { notTheirOwn, settle, smallWorkload, tally } from './faultRun';

const DIRECTORY = ['admin.directory.users.list', 'admin.directory.users.get', 'admin.directory.groups.get', 'admin.directory.groups.list'];

describe('the Directory answering 503 throughout the run', () => {
  const workload = smallWorkload();
  const { google, world } = newWorld(workload, { latencyMs: 50 });
  for (const methodId of DIRECTORY) google.injectFault({ methodId, code: 503 });
  const settled = settle(world, workload);
  const failed = google.calls.filter((call) => DIRECTORY.includes(call.methodId) && call.status === 503).length;
  // A row that couldn't be resolved may end ERROR, but only as Google's side.
  const wrong = notTheirOwn(world, workload.rows, (row) => [...row.accept, 'ERROR']);

  it('resolves the rows by the fallback, or ends them as Google\'s side; every row final, none written twice', () => {
    tally('Directory 503', failed, settled, wrong.length);
    expect(failed).toBeGreaterThan(0);
    expect(settled.crashes).toBe(0);
    expect(settled.last!.pending).toBe(0);
    expect(settled.lost).toBe(0);
    expect(wrong).toEqual([]);
    const errors = sheetRows(world).filter((row) => row.status === 'ERROR');
    console.log(`fault matrix: Directory 503: ${errors.length} rows ERROR as Google's side, the others resolved by the fallback`);
    for (const row of errors) expect(row.details).toMatch(/Google's side — try again later; nothing for you to fix\.$/);
    const done = workload.rows.filter((_row, i) => sheetRows(world)[i].status !== 'ERROR');
    expect(membershipMismatches(google, done)).toEqual([]);
    expect(duplicateWrites(google.calls)).toEqual([]);
  });
});

describe('admin rights lost between two executions of a run with admin access on', () => {
  const workload = smallWorkload();
  const { google, world } = newWorld(workload, { latencyMs: 50 });
  const turnedOn = execute(world, 'setAdminAccess', [true], { user: ADMIN });
  // A spike leaves rows for the next execution (as in rates.test.ts); then the privilege goes.
  world.transportFaults.add({ methods: ['POST'], delayMs: 5 * 60_000 + 42_000, times: 1 });
  const first = execute<RunReport>(world, 'provisionRoster', [], { user: ADMIN });
  const afterFirst = sheetRows(world);
  google.setChatAdmin(ADMIN, false);
  const writesBefore = google.writes().length;
  const second = execute<RunReport>(world, 'provisionRoster', [], { user: ADMIN });

  it('stops with the one admin sentence; no row touched, nothing written', () => {
    expect(turnedOn.error).toBeUndefined();
    expect(first.value!.pending).toBeGreaterThan(0);
    expect(second.error).toBeUndefined();
    expect(second.value!.message).toMatch(/^Admin access is on, but Google refused it: .*No row was changed\. \(HTTP 403/);
    expect(sheetRows(world)).toEqual(afterFirst);
    expect(google.writes()).toHaveLength(writesBefore);
    const lost = afterFirst.filter((row) => row.status === '').length;
    google.setChatAdmin(ADMIN, true);
    const settled = settle(world, workload);
    expect(settled.last!.pending).toBe(0);
    expect(notTheirOwn(world, workload.rows)).toEqual([]);
    expect(duplicateWrites(google.calls)).toEqual([]);
    console.log(`fault matrix: admin privilege lost mid-run: 1 faults injected, ${lost} rows lost, 0 rows not their own, 0 crashes, 2 executions`);
  });
});
