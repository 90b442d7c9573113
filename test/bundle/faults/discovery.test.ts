/**
 * Space discovery failing (DESIGN.md §6): the Advanced Chat Service throwing for Chat.Spaces.list, and
 * spaces.get answering 503. A short outage is retried and the run converges; a long one ends the rows as
 * Google's side ("Google Chat is not answering"), never "check the ID or link"; and a preview that can't
 * reach Google leaves the last run's statuses as they were.
 */
import type { RunReport } from '../../../src/shared/report';
import { ADMIN, duplicateWrites, execute, membershipMismatches, newWorld, provisionUntilDone, sheetRows, type Workload } from '../workload';
import { notTheirOwn, settle, smallWorkload, tally } from './faultRun';

const OUTAGE = ['chat.spaces.list', 'chat.spaces.get'];

/** The roster with the second space written by its display name, so both lookups are exercised. */
function withDisplayNames(workload: Workload) {
  const env = newWorld(workload, { latencyMs: 50 });
  const grid = env.world.spreadsheet.sheet('Roster')!.map((row) => [...row]);
  for (const row of grid.slice(1)) if (row[1] === 'spaces/AAAAspace001') row[1] = 'Space 1';
  env.world.spreadsheet.setSheet('Roster', grid);
  return env;
}

describe('a short outage of space discovery', () => {
  const workload = smallWorkload();
  const { google, world } = withDisplayNames(workload);
  for (const methodId of OUTAGE) google.injectFault({ methodId, code: 503, times: 2 });
  const settled = settle(world, workload);
  const wrong = notTheirOwn(world, workload.rows);

  it('is retried: the run converges, every row final and right, none written twice', () => {
    tally('space discovery 503 ×2 per method', 4, settled, wrong.length);
    expect(settled.crashes).toBe(0);
    expect(settled.lost).toBe(0);
    expect(wrong).toEqual([]);
    expect(membershipMismatches(google, workload.rows)).toEqual([]);
    expect(duplicateWrites(google.calls)).toEqual([]);
  });
});

describe('a long outage of space discovery', () => {
  const workload = smallWorkload();
  const { google, world } = withDisplayNames(workload);
  provisionUntilDone(world, 6);
  const lastRun = sheetRows(world);
  for (const methodId of OUTAGE) google.injectFault({ methodId, code: 503 });
  const listsBefore = google.calls.filter((call) => call.methodId === 'chat.spaces.list').length;
  const preview = execute<RunReport>(world, 'previewRoster', [], { user: ADMIN });
  const afterPreview = sheetRows(world);
  const apply = execute<RunReport>(world, 'provisionRoster', [], { user: ADMIN });
  const afterApply = sheetRows(world);
  const lists = google.calls.filter((call) => call.methodId === 'chat.spaces.list').length - listsBefore;
  google.clearFaults();
  const settled = settle(world, workload);
  const wrong = notTheirOwn(world, workload.rows);

  it('a preview that only learned Google is down writes nothing and says so', () => {
    expect(preview.error).toBeUndefined();
    expect(preview.value!.message).toMatch(/^Preview: Google Chat is not answering, so nothing could be previewed — the statuses are as the last run left them\. Google's side/);
    expect(afterPreview).toEqual(lastRun);
  });

  it('retries the lookups, then every row reads Google\'s side, never "check the ID or link"', () => {
    expect(apply.error).toBeUndefined();
    expect(lists).toBeGreaterThanOrEqual(3);
    expect(afterApply.map((row) => row.status)).toEqual(afterApply.map(() => 'ERROR'));
    for (const row of afterApply) {
      expect(row.details).toMatch(/^Google Chat is not answering about the space .* — nothing was changed, try again later\. \(HTTP .*\) Google's side — try again later; nothing for you to fix\.$/);
      expect(row.details).not.toMatch(/check the ID/);
    }
  });

  it('converges once Google answers again', () => {
    tally('space discovery down (list + get 503)', lists, settled, wrong.length);
    expect(settled.crashes).toBe(0);
    expect(settled.lost).toBe(0);
    expect(wrong).toEqual([]);
    expect(duplicateWrites(google.calls)).toEqual([]);
  });
});
