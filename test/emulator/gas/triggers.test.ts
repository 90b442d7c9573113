/** ScriptApp triggers under the Editor add-on rules, and firing them hour by hour. */
import { AppsScriptWorld, typed, type FakeTrigger } from '../../../emulator/gas/world';
import { START, StubGoogle } from './stubGoogle';

const ADMIN = 'admin@example.com';
const OTHER = 'other@example.com';
const HOUR = 3_600_000;

const scriptApp = (world: AppsScriptWorld<StubGoogle>, user = ADMIN) => typed(world.startExecution({ user })).ScriptApp;

describe('time-driven triggers in an Editor add-on', () => {
  it('allows one time-driven trigger per user per document', () => {
    const world = new AppsScriptWorld(new StubGoogle());
    scriptApp(world).newTrigger('nightlySync').timeBased().everyHours(1).create();
    expect(() => scriptApp(world).newTrigger('other').timeBased().atHour(2).everyDays(1).create()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    expect(() => scriptApp(world, OTHER).newTrigger('nightlySync').timeBased().everyHours(1).create()).not.toThrow();
  });

  it('refuses anything more frequent than hourly', () => {
    const world = new AppsScriptWorld(new StubGoogle());
    expect(() => scriptApp(world).newTrigger('f').timeBased().everyMinutes(30).create()).toThrow('Add-ons can use a time-driven trigger at most once an hour.');
    expect(() => scriptApp(world).newTrigger('f').timeBased().after(10 * 60 * 1000).create()).toThrow('Add-ons can use a time-driven trigger at most once an hour.');
    expect(() => scriptApp(world).newTrigger('f').timeBased().everyHours(3).create()).toThrow();
    expect(world.triggers).toHaveLength(0);
  });

  it('lists only the caller\'s own triggers and deletes them', () => {
    const world = new AppsScriptWorld(new StubGoogle());
    scriptApp(world).newTrigger('nightlySync').timeBased().everyHours(1).create();
    scriptApp(world, OTHER).newTrigger('nightlySync').timeBased().everyHours(1).create();
    const mine = scriptApp(world).getProjectTriggers();
    expect(mine.map((t) => t.getHandlerFunction())).toEqual(['nightlySync']);
    expect(world.triggers.map((t: FakeTrigger) => t.owner)).toEqual([ADMIN, OTHER]);
    const app = scriptApp(world);
    app.deleteTrigger(app.getProjectTriggers()[0]);
    expect(scriptApp(world).getProjectTriggers()).toHaveLength(0);
    expect(scriptApp(world, OTHER).getProjectTriggers()).toHaveLength(1);
  });

  it('needs the script.scriptapp scope', () => {
    const world = new AppsScriptWorld(new StubGoogle(), { manifest: { oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] } });
    expect(() => scriptApp(world).getProjectTriggers()).toThrow('Required permissions: https://www.googleapis.com/auth/script.scriptapp');
  });
});

describe('firing triggers', () => {
  it('fires an hourly trigger once an hour, as its owner, on the virtual clock', () => {
    const world = new AppsScriptWorld(new StubGoogle());
    scriptApp(world).newTrigger('nightlySync').timeBased().everyHours(1).create();
    const firings: [string, number][] = [];
    const count = world.fireTriggersUpTo(START + 5.5 * HOUR, (trigger, firedAt) => {
      firings.push([trigger.owner, (firedAt - START) / HOUR]);
      world.google.clock.advance(10 * 60 * 1000); // the handler runs ten minutes
    });
    expect(count).toBe(5);
    expect(firings).toEqual([1, 2, 3, 4, 5].map((h) => [ADMIN, h]));
    expect(world.google.clock.now()).toBe(START + 5.5 * HOUR);
  });

  it('fires a daily trigger once a day within its hour in its time zone', () => {
    const world = new AppsScriptWorld(new StubGoogle());
    scriptApp(world).newTrigger('nightlySync').timeBased().atHour(2).everyDays(1).inTimezone('America/New_York').create();
    const hours: number[] = [];
    world.fireTriggersUpTo(START + 72 * HOUR, (trigger, firedAt) => {
      hours.push(Number(new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', hourCycle: 'h23' }).format(firedAt)));
      expect(trigger.eventAt(firedAt).triggerUid).toBe(trigger.getUniqueId());
    });
    expect(hours).toEqual([2, 2, 2]);
  });

  it('keeps a fired one-shot trigger installed, still blocking a new one', () => {
    const world = new AppsScriptWorld(new StubGoogle());
    scriptApp(world).newTrigger('continueRun').timeBased().after(HOUR).create();
    expect(world.fireTriggersUpTo(START + 3 * HOUR, () => undefined)).toBe(1);
    expect(scriptApp(world).getProjectTriggers()).toHaveLength(1);
    expect(() => scriptApp(world).newTrigger('continueRun').timeBased().after(HOUR).create()).toThrow('too many time-based triggers');
  });
});
