/**
 * The hourly trigger alone drives a roster that needs several executions: installNightlySync(h) as the
 * admin, then the virtual clock moves hour by hour and every firing runs nightlySync as the trigger's owner
 * in a new execution. It starts at hour h of the spreadsheet's time zone (not the script's), continues on
 * the following hours while rows are pending, and then exits at once until the next day's hour h.
 * Also the trigger rules: install twice → one trigger, remove → none, and no second time-driven trigger.
 */
import { typed, type FakeTrigger } from '../../emulator/gas/world';
import type { RunReport } from '../../src/shared/report';
import {
  ADMIN, duplicateWrites, execute, logRows, type LogEntry, makeWorkload, membershipMismatches, newWorld, runRecord,
  sheetRows, wrongStatuses, type Executed,
} from './workload';

const HOUR = 60 * 60 * 1000;
// The script's time zone is America/New_York (appsscript.json); the spreadsheet's is Tokyo (UTC+9).
const SHEET_ZONE = 'Asia/Tokyo';
const NIGHTLY_HOUR = 21;

const localHour = (ms: number) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: SHEET_ZONE, hour: 'numeric', hourCycle: 'h23' }).format(ms));

interface Firing {
  localHour: number;
  result: Executed<RunReport | null>;
  writes: number;
  virtualMs: number;
}

describe('nightly sync through the hourly trigger alone', () => {
  const workload = makeWorkload({ spaces: 6, usersPerSpace: 1050, presentShare: 0.05, managerEvery: 10 });
  const { google, world } = newWorld(workload, { latencyMs: 300, timeZone: SHEET_ZONE });
  const firings: Firing[] = [];
  let logAfterFirstDay: LogEntry[] = [];
  let recordAfterFirstDay: string | null = 'unset';
  let wrongAfterFirstDay: string[] = ['unset'];
  let leftAfterFirstDay: unknown[] = ['unset'];
  let installMessage = '';

  const fireUpTo = (until: number) => world.fireTriggersUpTo(until, (trigger: FakeTrigger, firedAt: number) => {
    const writesBefore = google.writes().length;
    const result = execute<RunReport | null>(world, trigger.getHandlerFunction(), [trigger.eventAt(firedAt)], { user: trigger.owner, fromTrigger: true });
    firings.push({ localHour: localHour(firedAt), result, writes: google.writes().length - writesBefore, virtualMs: google.clock.now() - firedAt });
  });

  beforeAll(() => {
    const start = google.clock.now(); // 18:00 in Tokyo
    const installed = execute<string>(world, 'installNightlySync', [NIGHTLY_HOUR], { user: ADMIN });
    if (installed.error) throw new Error(`installNightlySync threw: ${installed.error}`);
    installMessage = installed.value!;
    // The first day: up to 06:00 Tokyo the next morning.
    fireUpTo(start + 12 * HOUR);
    logAfterFirstDay = logRows(world);
    recordAfterFirstDay = runRecord(world);
    // Every row as an undisturbed run leaves it: ADDED, or UNCHANGED for those already there.
    wrongAfterFirstDay = wrongStatuses(world, workload.rows.map((row) => ({ ...row, accept: [row.accept[0]] })));
    leftAfterFirstDay = sheetRows(world).filter((r) => r.status === 'PENDING' || r.status === 'ERROR');
    // The next day, past the nightly hour again.
    fireUpTo(start + 29 * HOUR);
  });

  it('installs one hourly trigger owned by the admin', () => {
    expect(installMessage).toMatch(/21:00/);
    expect(world.triggers).toHaveLength(1);
    expect(world.triggers[0].owner).toBe(ADMIN);
    expect(world.triggers[0].getHandlerFunction()).toBe('nightlySync');
  });

  it('does nothing before the nightly hour, then starts at it (spreadsheet time zone)', () => {
    const summary = firings.map((f) => `${f.localHour}:${f.result.error ? 'threw' : f.result.value === null ? 'null' : `pending ${f.result.value!.pending}`}`);
    console.log(`nightly firings (Tokyo hour: result): ${summary.join(', ')}`);
    expect(firings.every((f) => f.result.error === undefined)).toBe(true);
    const first = firings.findIndex((f) => f.result.value !== null);
    expect(first).toBeGreaterThan(0);
    expect(firings[first].localHour).toBe(NIGHTLY_HOUR);
    for (const early of firings.slice(0, first)) {
      expect(early.result.value).toBeNull();
      expect(early.result.apiCalls).toBe(0);
      expect(early.writes).toBe(0);
    }
  });

  it('continues on the following hours until done, needing at least 4 executions', () => {
    const first = firings.findIndex((f) => f.result.value !== null);
    const run: Firing[] = [];
    for (const f of firings.slice(first)) {
      run.push(f);
      if (f.result.value!.pending === 0) break;
    }
    console.log(`nightly: ${run.length} executions at Tokyo hours ${run.map((f) => f.localHour).join(', ')}, writes ${run.map((f) => f.writes).join('+')}`);
    expect(run.length).toBeGreaterThanOrEqual(4);
    expect(run[run.length - 1].result.value!.pending).toBe(0);
    run.forEach((f, i) => expect(f.localHour).toBe((NIGHTLY_HOUR + i) % 24));
    for (const f of run.slice(0, -1)) expect(f.result.value!.pending).toBeGreaterThan(0);
  });

  it('then exits at once on every later hour of that day', () => {
    const first = firings.findIndex((f) => f.result.value !== null);
    const done = firings.findIndex((f, i) => i >= first && f.result.value?.pending === 0);
    const nextStart = firings.findIndex((f, i) => i > done && f.result.value !== null);
    const idle = firings.slice(done + 1, nextStart < 0 ? undefined : nextStart);
    expect(idle.length).toBeGreaterThanOrEqual(10);
    for (const f of idle) {
      expect(f.result.value).toBeNull();
      expect(f.result.apiCalls).toBe(0);
      expect(f.writes).toBe(0);
      expect(f.virtualMs).toBeLessThan(1000);
    }
  });

  it('leaves every row final and right, Chat as the roster says, nothing written twice', () => {
    expect(leftAfterFirstDay).toEqual([]);
    expect(wrongAfterFirstDay).toEqual([]);
    expect(membershipMismatches(google, workload.rows)).toEqual([]);
    expect(duplicateWrites(google.calls)).toEqual([]);
  });

  it('logs one summary row for the first night, started by the nightly sync, and forgets the run record', () => {
    expect(logAfterFirstDay).toHaveLength(1);
    expect(logAfterFirstDay[0]['Started by']).toMatch(/nightly/i);
    expect(Number(logAfterFirstDay[0].Executions)).toBeGreaterThanOrEqual(4);
    expect(recordAfterFirstDay).toBeNull();
  });

  it('starts again the next day at the same hour, and an unchanged roster then costs no write', () => {
    const starts = firings.filter((f) => f.result.value !== null && f.localHour === NIGHTLY_HOUR);
    expect(starts).toHaveLength(2);
    expect(starts[1].result.value!.pending).toBe(0);
    expect(starts[1].writes).toBe(0);
    expect(starts[1].result.value!.counts.UNCHANGED).toBe(workload.rows.length);
    expect(logRows(world)).toHaveLength(2);
  });
});

describe('the nightly trigger under the Editor add-on rules', () => {
  const workload = makeWorkload({ spaces: 1, usersPerSpace: 5 });

  it('installing twice leaves one trigger; removing leaves none', () => {
    const { world } = newWorld(workload);
    expect(execute(world, 'installNightlySync', [2], { user: ADMIN }).error).toBeUndefined();
    expect(execute(world, 'installNightlySync', [3], { user: ADMIN }).error).toBeUndefined();
    expect(world.triggers).toHaveLength(1);
    expect(world.triggers[0].getHandlerFunction()).toBe('nightlySync');
    expect(execute<string>(world, 'removeNightlySync', [], { user: ADMIN }).value).toMatch(/off/i);
    expect(world.triggers).toHaveLength(0);
  });

  it('refuses a second time-driven trigger for the same user and document', () => {
    const { world } = newWorld(workload);
    expect(execute(world, 'installNightlySync', [2], { user: ADMIN }).error).toBeUndefined();
    const execution = world.startExecution({ user: ADMIN });
    try {
      const { ScriptApp } = typed(execution);
      expect(() => ScriptApp.newTrigger('nightlySync').timeBased().everyHours(1).create()).toThrow(/too many time-based triggers/);
      expect(() => ScriptApp.newTrigger('other').timeBased().atHour(5).everyDays(1).create()).toThrow(/too many time-based triggers/);
    } finally {
      execution.end();
    }
    expect(world.triggers).toHaveLength(1);
  });

  it('catches up when the trigger skips the nightly hour: the first firing after it starts the sync, once', () => {
    const { google, world } = newWorld(workload, { timeZone: SHEET_ZONE });
    expect(execute(world, 'installNightlySync', [NIGHTLY_HOUR], { user: ADMIN }).error).toBeUndefined(); // 18:00 Tokyo
    const fireAt = (minutesLater: number) => {
      google.clock.advance(minutesLater * 60_000);
      return execute<RunReport | null>(world, 'nightlySync', [], { user: ADMIN, fromTrigger: true });
    };
    const beforeHour = fireAt(2 * 60 + 59); // 20:59
    const afterSkippedHour = fireAt(62); // 22:01: hour 21 had no firing
    const sameDayLater = fireAt(60); // 23:01
    expect(localHour(google.clock.now())).toBe(23);
    expect(beforeHour.value).toBeNull();
    expect(afterSkippedHour.error).toBeUndefined();
    expect(afterSkippedHour.value?.pending).toBe(0);
    expect(sameDayLater.value).toBeNull();
  });

  it('refuses an invalid hour and installs nothing', () => {
    const { world } = newWorld(workload);
    expect(execute<string>(world, 'installNightlySync', [24], { user: ADMIN }).value).toMatch(/0 to 23/);
    expect(world.triggers).toHaveLength(0);
  });
});
