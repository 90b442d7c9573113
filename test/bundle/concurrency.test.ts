/**
 * One run at a time per spreadsheet (DESIGN.md §1): while a first provisionRoster execution is in the
 * middle of its membership calls, a second execution — provisionRoster, then previewRoster, as another
 * admin — starts (the emulator's fetch is hooked to run it synchronously at the 5th and 10th membership
 * call). Each is told plainly that another run is in progress and changes nothing: no API call, no cell,
 * no property. The first run finishes as if alone.
 */
import type { HttpRequest, HttpResponse } from '../../emulator/google';
import type { RunReport } from '../../src/shared/report';
import {
  ADMIN, duplicateWrites, execute, logRows, makeWorkload, membershipMismatches, newWorld, runRecord,
  wrongStatuses, type Executed,
} from './workload';

const OTHER_ADMIN = 'admin2@example.com';

interface Intruder {
  name: string;
  atMembershipCall: number;
  result?: Executed<RunReport>;
  callsMade?: number;
  rosterChanged?: boolean;
  logChanged?: boolean;
  propertiesChanged?: boolean;
}

describe('a second run while the first is in the middle of its work', () => {
  const workload = makeWorkload({ spaces: 3, usersPerSpace: 40, presentShare: 0.1, managerEvery: 5 });
  workload.seed.users.push({ id: '100001', email: OTHER_ADMIN, chatAdmin: true });
  const { google, world } = newWorld(workload, { latencyMs: 100 });
  const intruders: Intruder[] = [
    { name: 'provisionRoster', atMembershipCall: 5 },
    { name: 'previewRoster', atMembershipCall: 10 },
  ];
  let first: Executed<RunReport>;

  beforeAll(() => {
    const fetch = google.fetch.bind(google);
    let membershipCalls = 0;
    google.fetch = (req: HttpRequest): HttpResponse => {
      const response = fetch(req);
      if (!/\/members/.test(req.url)) return response;
      membershipCalls++;
      const intruder = intruders.find((i) => i.atMembershipCall === membershipCalls);
      if (intruder) {
        const roster = JSON.stringify(world.spreadsheet.sheet('Roster'));
        const log = JSON.stringify(world.spreadsheet.sheet('Chat Roster Log') ?? null);
        const properties = JSON.stringify(world.documentProperties.getProperties());
        const callsBefore = google.calls.length;
        intruder.result = execute<RunReport>(world, intruder.name, [], { user: OTHER_ADMIN });
        intruder.callsMade = google.calls.length - callsBefore;
        intruder.rosterChanged = JSON.stringify(world.spreadsheet.sheet('Roster')) !== roster;
        intruder.logChanged = JSON.stringify(world.spreadsheet.sheet('Chat Roster Log') ?? null) !== log;
        intruder.propertiesChanged = JSON.stringify(world.documentProperties.getProperties()) !== properties;
      }
      return response;
    };
    first = execute<RunReport>(world, 'provisionRoster', [], { user: ADMIN });
    google.fetch = fetch;
  });

  it.each(intruders.map((i) => [i.name, i] as const))('%s as another admin is refused with a plain message', (_name, intruder) => {
    expect(intruder.result).toBeDefined();
    expect(intruder.result!.error).toBeUndefined();
    expect(intruder.result!.value!.message).toMatch(/another .*run is in progress/i);
    expect(intruder.result!.value!.rows).toBe(0);
    expect(intruder.result!.value!.pending).toBe(0);
  });

  it.each(intruders.map((i) => [i.name, i] as const))('%s changes nothing: no API call, no cell, no property', (_name, intruder) => {
    expect(intruder.result!.apiCalls).toBe(0);
    expect(intruder.callsMade).toBe(0);
    expect(intruder.rosterChanged).toBe(false);
    expect(intruder.logChanged).toBe(false);
    expect(intruder.propertiesChanged).toBe(false);
  });

  it('the first run completes untouched', () => {
    expect(first.error).toBeUndefined();
    expect(first.value!.pending).toBe(0);
    expect(wrongStatuses(world, workload.rows.map((row) => ({ ...row, accept: [row.accept[0]] })))).toEqual([]);
    expect(membershipMismatches(google, workload.rows)).toEqual([]);
    expect(duplicateWrites(google.calls)).toEqual([]);
    expect(logRows(world)).toHaveLength(1);
    expect(runRecord(world)).toBeNull();
  });

  it('the lock is free once the first run has ended: the other admin can run, and nothing is left to write', () => {
    const writes = google.writes().length;
    const again = execute<RunReport>(world, 'provisionRoster', [], { user: OTHER_ADMIN });
    expect(again.error).toBeUndefined();
    expect(again.value!.message).not.toMatch(/in progress/i);
    expect(again.value!.rows).toBe(workload.rows.length);
    expect(google.writes().length).toBe(writes);
  });
});
