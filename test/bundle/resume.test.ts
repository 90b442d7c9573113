/**
 * A roster too big for one execution, driven only by calling provisionRoster again while rows are pending
 * (what the sidebar does): ~6,000 adds over 6 spaces at 300 ms per API call need at least 4 executions of
 * 6 minutes at 297 writes a minute. The admin then sees every row final and right, Chat as the roster says,
 * no membership written twice, one summary row in the log and no run record left behind.
 */
import type { RunReport } from '../../src/shared/report';
import {
  ADMIN, duplicateWrites, execute, logRows, makeWorkload, membershipMismatches, newWorld, provisionUntilDone,
  runRecord, sheetRows, wrongStatuses,
} from './workload';

// 6 spaces × 1,050 rows: 5% already present (UNCHANGED), every 10th new member as Manager (create + patch).
const workload = makeWorkload({ spaces: 6, usersPerSpace: 1050, presentShare: 0.05, managerEvery: 10 });

describe('a 6,300-row roster through provisionRoster alone', () => {
  const { google, world } = newWorld(workload, { latencyMs: 300 });
  let reports: RunReport[] = [];
  const recordsBetween: (string | null)[] = [];
  /** Admin SDK Directory reads (users.list, groups.list, gets) made by each execution. */
  const directoryReads: number[] = [];
  const started = google.clock.now();

  beforeAll(() => {
    // provisionUntilDone, but watching the run record and the log between executions.
    for (let i = 0; i < 12; i++) {
      const callsBefore = google.calls.length;
      const result = execute<RunReport>(world, 'provisionRoster', [], { user: ADMIN });
      directoryReads.push(google.calls.slice(callsBefore).filter((call) => call.methodId.startsWith('admin.directory.')).length);
      if (result.error) throw new Error(`provisionRoster threw: ${result.error}`);
      reports.push(result.value!);
      recordsBetween.push(runRecord(world));
      if (result.value!.pending === 0) break;
    }
  });

  it('needs at least 4 executions and then finishes', () => {
    const writes = google.writes().length;
    console.log(`resume: ${reports.length} executions, ${writes} writes, ${(google.clock.now() - started) / 60_000} virtual minutes, pending after each: ${reports.map((r) => r.pending).join(', ')}`);
    expect(reports.length).toBeGreaterThanOrEqual(4);
    expect(reports[reports.length - 1].pending).toBe(0);
    // Each execution but the last left work for the next, and made progress.
    for (let i = 0; i + 1 < reports.length; i++) {
      expect(reports[i].pending).toBeGreaterThan(0);
      expect(reports[i].message).toMatch(/next execution/i);
      if (i > 0) expect(reports[i].pending).toBeLessThan(reports[i - 1].pending);
    }
  });

  it("asks the directory in the run's first execution only (the document cache keeps its answers)", () => {
    expect(directoryReads[0]).toBeGreaterThan(0);
    expect(directoryReads.slice(1)).toEqual(directoryReads.slice(1).map(() => 0));
  });

  it('ends every row with the right final status, none PENDING or ERROR', () => {
    const rows = sheetRows(world);
    expect(rows.filter((r) => r.status === 'PENDING' || r.status === 'ERROR')).toEqual([]);
    // Undisturbed by kills, every row reads exactly what it did: ADDED, or UNCHANGED for those already there.
    const exact = workload.rows.map((row) => ({ ...row, accept: [row.accept[0]] }));
    expect(wrongStatuses(world, exact)).toEqual([]);
    const last = reports[reports.length - 1];
    expect(last.counts.ADDED).toBe(workload.rows.filter((r) => r.accept[0] === 'ADDED').length);
    expect(last.counts.UNCHANGED).toBe(workload.rows.filter((r) => r.accept[0] === 'UNCHANGED').length);
    expect(last.done).toBe(workload.rows.length);
  });

  it('leaves Chat as the roster says', () => {
    expect(membershipMismatches(google, workload.rows)).toEqual([]);
  });

  it('writes each membership once', () => {
    expect(duplicateWrites(google.calls)).toEqual([]);
    const adds = workload.rows.filter((r) => r.accept[0] === 'ADDED');
    expect(google.writes().length).toBe(adds.length + adds.filter((r) => r.role === 'Manager').length);
  });

  it('keeps the run record while rows are pending, then removes it', () => {
    expect(recordsBetween.slice(0, -1).every((record) => record !== null)).toBe(true);
    const record = JSON.parse(recordsBetween[recordsBetween.length - 2]!);
    expect(record.executions).toBe(reports.length - 1);
    expect(runRecord(world)).toBeNull();
  });

  it('logs exactly one summary row for the run, with its executions', () => {
    const log = logRows(world);
    expect(log).toHaveLength(1);
    expect(log[0].Executions).toBe(String(reports.length));
    expect(log[0].Added).toBe(String(reports[reports.length - 1].counts.ADDED));
  });

  it('makes no write when provisionRoster runs again on the finished roster', () => {
    const before = google.writes().length;
    const again = provisionUntilDone(world, 2);
    expect(again).toHaveLength(1);
    expect(google.writes().length).toBe(before);
    expect(logRows(world)).toHaveLength(2);
  });
});
