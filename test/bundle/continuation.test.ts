/**
 * Runs that never stall (issue 13): an Apply from the sidebar that leaves rows PENDING installs the
 * document's hourly trigger, so the run finishes within hours even if the sidebar is closed; the trigger
 * goes once nothing is pending (unless the nightly sync uses it); without the trigger permission the report
 * says the run goes on only while the sidebar drives it.
 */
import type { FakeTrigger } from '../../emulator/gas/triggers';
import type { RunReport } from '../../src/shared/report';
import { ADMIN, execute, makeWorkload, newWorld, wrongStatuses } from './workload';

const HOUR = 60 * 60 * 1000;
const TRIGGERS_SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';

function longRun() {
  const workload = makeWorkload({ spaces: 2, usersPerSpace: 1100, presentShare: 0, managerEvery: 0 });
  return { workload, ...newWorld(workload) };
}

describe('a run the sidebar stops driving', () => {
  it('goes on on the hourly trigger until every row is done, then the trigger goes', () => {
    const { workload, google, world } = longRun();
    const first = execute<RunReport>(world, 'provisionRoster', [{ removals: [], overLimitSpaces: [] }], { user: ADMIN }).value!;
    expect(first.pending).toBeGreaterThan(0);
    expect(first.continuation).toBe('hourly');
    expect(world.triggers.filter((t) => t.getHandlerFunction() === 'nightlySync')).toHaveLength(1);

    // The sidebar is closed: only the trigger runs, once an hour.
    const firings: RunReport[] = [];
    world.fireTriggersUpTo(google.clock.now() + 6 * HOUR, (trigger: FakeTrigger, firedAt: number) => {
      const result = execute<RunReport | null>(world, trigger.getHandlerFunction(), [trigger.eventAt(firedAt)], { user: trigger.owner, fromTrigger: true });
      if (result.value) firings.push(result.value);
    });
    expect(firings.length).toBeGreaterThanOrEqual(1);
    expect(firings[firings.length - 1].pending).toBe(0);
    expect(wrongStatuses(world, workload.rows)).toEqual([]);
    expect(world.triggers).toHaveLength(0);
  });

  it('keeps the trigger after the run when the nightly sync uses it', () => {
    const { google, world } = longRun();
    execute(world, 'installNightlySync', [3], { user: ADMIN });
    execute<RunReport>(world, 'provisionRoster', [], { user: ADMIN });
    world.fireTriggersUpTo(google.clock.now() + 6 * HOUR, (trigger: FakeTrigger, firedAt: number) => {
      execute(world, trigger.getHandlerFunction(), [trigger.eventAt(firedAt)], { user: trigger.owner, fromTrigger: true });
    });
    expect(world.triggers).toHaveLength(1);
  });

  it('without the trigger permission, says the run goes on only while the sidebar drives it', () => {
    const { world } = longRun();
    world.setGrantedScopes(ADMIN, world.consent.requested.filter((scope) => scope !== TRIGGERS_SCOPE));
    const first = execute<RunReport>(world, 'provisionRoster', [], { user: ADMIN }).value!;
    expect(first.pending).toBeGreaterThan(0);
    expect(first.continuation).toBe('sidebarOnly');
    expect(world.triggers).toHaveLength(0);
  });

  it('a stopped run waits for Resume: the trigger leaves it and removes itself', () => {
    const { google, world } = longRun();
    const first = execute<RunReport>(world, 'provisionRoster', [], { user: ADMIN }).value!;
    expect(first.pending).toBeGreaterThan(0);
    execute(world, 'stopRun', [], { user: ADMIN });
    const writes = google.writes().length;
    world.fireTriggersUpTo(google.clock.now() + 2 * HOUR, (trigger: FakeTrigger, firedAt: number) => {
      execute(world, trigger.getHandlerFunction(), [trigger.eventAt(firedAt)], { user: trigger.owner, fromTrigger: true });
    });
    expect(google.writes()).toHaveLength(writes);
    expect(world.triggers).toHaveLength(0);
  });
});
