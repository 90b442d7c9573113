/**
 * The menu, the sidebar and the hourly trigger racing on one spreadsheet (DESIGN.md §1 "one run at a time per
 * spreadsheet"). A run too big for one execution is started from the sidebar, which installs the hourly
 * trigger; the trigger's execution then carries it on, and in its middle the administrator's sidebar asks
 * again, another administrator opens Provision now and Preview from the menu, imports members, and that
 * administrator's own hourly trigger (left from their nightly sync, now off) fires. The document lock serialises them all: each is told plainly that a
 * run is in progress, and changes nothing (no API call, no cell, no property, no trigger — the trigger that
 * carries the run on stays). Then the sidebar drives the run to its end: no membership written twice, no row
 * lost, one run in the log.
 */
import type { RunReport } from '../../../src/shared/report';
import {
  ADMIN, duplicateWrites, execute, logRows, makeWorkload, membershipMismatches, newWorld, provisionUntilDone, runRecord,
  wrongStatuses, type Executed,
} from '../workload';
import { answerOf, withIntruders, type Intruder } from './intruders';

const OTHER_ADMIN = 'admin2@example.com';

describe('menu, sidebar and hourly trigger racing on one spreadsheet', () => {
  // 2,000 adds: more than one execution's work at Chat's 300 writes a minute.
  const workload = makeWorkload({ spaces: 4, usersPerSpace: 500 });
  workload.seed.users.push({ id: '100001', email: OTHER_ADMIN, chatAdmin: true });
  const { google, world } = newWorld(workload, { latencyMs: 50 });
  const intruders: Intruder[] = [
    { label: 'the sidebar asks again', entry: 'provisionRoster', user: ADMIN, atMembershipCall: 5 },
    { label: 'another admin: Provision now', entry: 'provisionRoster', user: OTHER_ADMIN, atMembershipCall: 10 },
    { label: 'another admin: Preview', entry: 'previewRoster', user: OTHER_ADMIN, atMembershipCall: 15 },
    { label: 'another admin: Import members', entry: 'importMemberships', args: [[]], user: OTHER_ADMIN, atMembershipCall: 20 },
    { label: "another admin's hourly trigger", entry: 'nightlySync', user: OTHER_ADMIN, fromTrigger: true, atMembershipCall: 25 },
  ];
  let first: Executed<RunReport>;
  let byTrigger: Executed<RunReport | null>;
  let rest: RunReport[] = [];
  let triggersWhileRunning = 0;

  beforeAll(() => {
    first = execute<RunReport>(world, 'provisionRoster', [], { user: ADMIN });
    // The other admin turned the nightly sync on and off again during this run: their own hourly trigger stays
    // for the run under way, and no nightly hour is set.
    execute(world, 'installNightlySync', [(new Date(google.clock.now()).getUTCHours() + 12) % 24], { user: OTHER_ADMIN });
    execute(world, 'removeNightlySync', [], { user: OTHER_ADMIN });
    triggersWhileRunning = world.triggers.length;
    byTrigger = withIntruders(google, world, intruders, () => execute<RunReport | null>(world, 'nightlySync', [], { user: ADMIN, fromTrigger: true }));
    rest = byTrigger.value && byTrigger.value.pending > 0 ? provisionUntilDone(world, 4) : [];
  });

  it('needs more than one execution, and the sidebar leaves the hourly trigger to carry the run on', () => {
    expect(first.value!.pending).toBeGreaterThan(0);
    expect(first.value!.continuation).toBe('hourly');
    expect(byTrigger.error).toBeUndefined();
    expect(byTrigger.value!.rows).toBe(workload.rows.length);
  });

  it.each(intruders.map((i) => [i.label, i] as const))('%s: told plainly that a run is in progress, no stack trace', (_label, intruder) => {
    expect(intruder.result).toBeDefined();
    expect(intruder.result!.error).toBeUndefined();
    expect(answerOf(intruder)).toMatch(/^Another Chat Roster run is in progress in this spreadsheet\./);
    expect(answerOf(intruder)).not.toMatch(/Error|Exception|\bat \w+ \(/);
  });

  it.each(intruders.map((i) => [i.label, i] as const))('%s: changes nothing (API calls, cells, properties, triggers)', (_label, intruder) => {
    expect(intruder.callsMade).toBe(0);
    expect(intruder.rosterChanged).toBe(false);
    expect(intruder.logChanged).toBe(false);
    expect(intruder.propertiesChanged).toBe(false);
    expect(intruder.triggersChanged).toBe(false);
  });

  it('keeps the triggers that carry the run on while it runs (each admin’s own)', () => {
    expect(triggersWhileRunning).toBe(2);
    for (const intruder of intruders) expect(intruder.triggersChanged).toBe(false);
    expect(world.triggers.filter((trigger) => trigger.owner === OTHER_ADMIN)).toHaveLength(1);
  });

  it('ends with every row right, no membership written twice, one run in the log, no run left', () => {
    const last = rest[rest.length - 1] ?? byTrigger.value!;
    expect(last.pending).toBe(0);
    expect(wrongStatuses(world, workload.rows)).toEqual([]);
    expect(membershipMismatches(google, workload.rows)).toEqual([]);
    expect(duplicateWrites(google.calls)).toEqual([]);
    expect(logRows(world)).toHaveLength(1);
    expect(runRecord(world)).toBeNull();
  });
});
