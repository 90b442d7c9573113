/**
 * The hourly trigger fires at the nightly hour while an administrator's Preview holds the document lock. It is
 * told a run is in progress and must not count the night as started: when it fires again (still that hour),
 * the nightly sync starts and applies the roster.
 */
import type { RunReport } from '../../../src/shared/report';
import { ADMIN, execute, logRows, makeWorkload, newWorld, wrongStatuses, type Executed } from '../workload';
import { answerOf, withIntruders, type Intruder } from './intruders';

const HOUR_MS = 3_600_000;

function hourIn(timeZone: string, ms: number): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(new Date(ms)));
}

describe('the nightly hour comes while a preview holds the lock', () => {
  const workload = makeWorkload({ spaces: 3, usersPerSpace: 40, mix: true });
  const { google, world } = newWorld(workload, { latencyMs: 100 });
  const intruder: Intruder = { label: 'the nightly trigger', entry: 'nightlySync', user: ADMIN, fromTrigger: true, atMembershipCall: 3 };
  let preview: Executed<RunReport>;
  let nightly: Executed<RunReport | null>;

  beforeAll(() => {
    const zone = world.spreadsheet.timeZone;
    const hour = (hourIn(zone, google.clock.now()) + 1) % 24;
    execute(world, 'installNightlySync', [hour], { user: ADMIN });
    // Five minutes into the nightly hour.
    const intoHour = google.clock.now() % HOUR_MS;
    google.clock.advance(HOUR_MS - intoHour + 5 * 60_000);
    expect(hourIn(zone, google.clock.now())).toBe(hour);
    preview = withIntruders(google, world, [intruder], () => execute<RunReport>(world, 'previewRoster', [], { user: ADMIN }));
    nightly = execute<RunReport | null>(world, 'nightlySync', [], { user: ADMIN, fromTrigger: true });
  });

  it('the preview runs; the trigger in its middle is told plainly and changes nothing', () => {
    expect(preview.value!.rows).toBe(workload.rows.length);
    expect(answerOf(intruder)).toMatch(/^Another Chat Roster run is in progress/);
    expect(intruder.callsMade).toBe(0);
    expect(intruder.propertiesChanged).toBe(false);
    expect(intruder.triggersChanged).toBe(false);
  });

  it('the next firing that hour starts the nightly sync, which applies the roster', () => {
    expect(nightly.error).toBeUndefined();
    expect(nightly.value).not.toBeNull();
    expect(nightly.value!.rows).toBe(workload.rows.length);
    expect(nightly.value!.pending).toBe(0);
    expect(wrongStatuses(world, workload.rows.map((row) => ({ ...row, accept: [row.accept[0]] })))).toEqual([]);
    expect(logRows(world).map((row) => row['Started by'])).toEqual(['nightly sync']);
  });
});
