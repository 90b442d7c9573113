/**
 * Shared by kill.test.ts and kill-odd.test.ts. Killed at any API call, a run resumes and converges (DESIGN.md §6): a 300-row roster over 6 spaces with
 * every kind of change. K = the API calls of an undisturbed run (UrlFetchApp requests + advanced-service
 * calls, as killAtCall counts them). For every k in 0..K-1, in a fresh world: provisionRoster dies at call
 * k, then provisionRoster runs again (no kill) until nothing is pending. Then:
 * - every row is final and right: none PENDING or ERROR, and each row's status is one it may have after a
 *   cut (the first is the undisturbed one):
 *     plain add       ADDED | UNCHANGED             (created before the kill: the next run finds it there)
 *     Manager/Owner   ADDED | ROLE_UPDATED | UNCHANGED  (cut between create and role patch: the next run
 *                                                   finds a Member and patches; cut after both: UNCHANGED)
 *     role change     ROLE_UPDATED | UNCHANGED
 *     remove          REMOVED | UNCHANGED           (deleted before the kill: already absent)
 *     invite          INVITED | UNCHANGED           (an invited member counts as present)
 *     already there   UNCHANGED
 * - Chat ends exactly as after the undisturbed run (every space's members, roles and states);
 * - no membership write is made twice: no successful create, patch or delete of the same target twice
 *   across all executions (google.calls);
 * - the run record is gone and the log has exactly one summary row;
 * - no change is logged twice or without its write: every change row of the log matches a distinct successful
 *   write of google.writes(). A write whose execution was killed before its next flush is not logged (the next
 *   execution finds it done and reads UNCHANGED: it does not guess whose change that was); the sweep counts them.
 */
import type { RunReport } from '../../src/shared/report';
import {
  ADMIN, allMembers, changeRows, duplicateWrites, execute, logRows, makeWorkload, membershipMismatches, newWorld,
  provisionUntilDone, runRecord, sheetRows, unmatchedChanges, wrongStatuses,
} from './workload';

const workload = makeWorkload({ spaces: 6, usersPerSpace: 50, mix: true });

/**
 * The sweep over k ≡ part (mod parts): the acceptance is every k in 0..K-1, run as two test files
 * (kill.test.ts: even k, kill-odd.test.ts: odd k) so jest's two workers share it.
 */
export function describeKillSweep(part: number, parts: number): void {
  describe(`killed at every API call of a 300-row run (k ≡ ${part} mod ${parts})`, () => {
    const undisturbed = newWorld(workload, { setup: false });
    const first = execute<RunReport>(undisturbed.world, 'provisionRoster', [], { user: ADMIN });
    const K = first.apiCalls;
    const expectedMembers = allMembers(undisturbed.google);

    it('the undisturbed run does it all in one execution', () => {
      expect(first.error).toBeUndefined();
      expect(first.value!.pending).toBe(0);
      expect(wrongStatuses(undisturbed.world, workload.rows.map((row) => ({ ...row, accept: [row.accept[0]] })))).toEqual([]);
      expect(membershipMismatches(undisturbed.google, workload.rows)).toEqual([]);
      expect(duplicateWrites(undisturbed.google.calls)).toEqual([]);
      expect(K).toBe(undisturbed.google.calls.length);
      expect(K).toBeGreaterThan(300);
      expect(unmatchedChanges(undisturbed.google, changeRows(undisturbed.world))).toEqual({ rows: [], writes: [] });
    });

    it(`for every k in 0..K-1 with k ≡ ${part} mod ${parts}, resumes to the same state with no row lost and no write made twice`, () => {
      const problems: string[] = [];
      const stats = { executions: 0, maxExecutions: 0, writes: 0, unchangedAfterKill: 0, roleUpdatedManagerAdds: 0, unlogged: 0 };
      let swept = 0;
      for (let k = part; k < K; k += parts) {
        swept++;
        const { google, world } = newWorld(workload, { setup: false });
        const killed = execute<RunReport>(world, 'provisionRoster', [], { user: ADMIN, killAtCall: k });
        const fail = (what: string) => problems.push(`k=${k}: ${what}`);
        if (!killed.error || !/Exceeded maximum execution time/.test(killed.error)) fail(`the killed execution ended with ${killed.error ?? JSON.stringify(killed.value)}`);
        if (killed.apiCalls !== k) fail(`made ${killed.apiCalls} API calls before dying, not ${k}`);
        let reports: RunReport[];
        try {
          reports = provisionUntilDone(world, 10);
        } catch (error) {
          fail(String(error));
          continue;
        }
        stats.executions += reports.length + 1;
        stats.maxExecutions = Math.max(stats.maxExecutions, reports.length + 1);
        stats.writes += google.writes().length;
        const rows = sheetRows(world);
        stats.unchangedAfterKill += rows.filter((r, i) => r.status === 'UNCHANGED' && workload.rows[i].accept[0] !== 'UNCHANGED').length;
        stats.roleUpdatedManagerAdds += rows.filter((r, i) => r.status === 'ROLE_UPDATED' && workload.rows[i].accept[0] === 'ADDED').length;
        for (const line of wrongStatuses(world, workload.rows).slice(0, 3)) fail(line);
        const dupes = duplicateWrites(google.calls);
        if (dupes.length) fail(`written twice: ${dupes.slice(0, 3).join(', ')}${dupes.length > 3 ? ` and ${dupes.length - 3} more` : ''}`);
        const members = allMembers(google);
        for (const space of Object.keys(expectedMembers)) {
          if (JSON.stringify(members[space]) !== JSON.stringify(expectedMembers[space])) {
            const missing = expectedMembers[space].filter((m) => !members[space].includes(m));
            const extra = members[space].filter((m) => !expectedMembers[space].includes(m));
            fail(`${space} differs: missing ${missing.slice(0, 3).join('; ')} extra ${extra.slice(0, 3).join('; ')}`);
          }
        }
        if (runRecord(world) !== null) fail(`run record left: ${runRecord(world)}`);
        if (logRows(world).length !== 1) fail(`${logRows(world).length} summary rows in the log`);
        const unmatched = unmatchedChanges(google, changeRows(world));
        if (unmatched.rows.length) fail(`logged twice or with no write: ${unmatched.rows.slice(0, 3).join(', ')}`);
        stats.unlogged += unmatched.writes.length;
      }
      console.log(`kill (k ≡ ${part} mod ${parts}): K=${K}; ${swept} killed runs, ${stats.executions} executions (at most ${stats.maxExecutions} per k), ${stats.writes} successful writes in all `
        + `(undisturbed: ${undisturbed.google.writes().length} × ${swept} = ${undisturbed.google.writes().length * swept}); rows reading UNCHANGED after a kill: ${stats.unchangedAfterKill}; `
        + `Manager/Owner adds finished as ROLE_UPDATED: ${stats.roleUpdatedManagerAdds}; `
        + `writes not logged (their execution killed before its flush): ${stats.unlogged}; problems: ${problems.length}`);
      expect(problems.slice(0, 40)).toEqual([]);
    });
  });
}
