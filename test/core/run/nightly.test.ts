import { latestSlot, nightlyAction, parseHour, previousDay, type NightlyState } from '../../../src/core/run/nightly';

const base: NightlyState = { hour: 2, currentHour: 2, today: '2026-11-24', lastStarted: '2026-11-23', runInProgress: false };

describe('the hourly trigger', () => {
  it('starts the nightly sync at the chosen hour, once a day', () => {
    expect(nightlyAction(base)).toBe('start');
    expect(nightlyAction({ ...base, lastStarted: '2026-11-24' })).toBe('skip');
  });

  it('exits at once before the hour when nothing is pending', () => {
    expect(nightlyAction({ ...base, currentHour: 1 })).toBe('skip');
    expect(nightlyAction({ ...base, hour: null })).toBe('skip');
  });

  it('catches up when the trigger fires late or the hour does not exist: the first firing at or after it starts the sync', () => {
    // Fired at 1:59, then 3:01: hour 2 was skipped (or was the hour lost to daylight saving).
    expect(nightlyAction({ ...base, currentHour: 3 })).toBe('start');
    expect(nightlyAction({ ...base, currentHour: 3, lastStarted: '2026-11-24' })).toBe('skip');
    // Hour 23 skipped entirely (22:59, then 00:01 the next day): the missed day is caught up once.
    const late = { ...base, hour: 23, currentHour: 0, today: '2026-11-25', lastStarted: '2026-11-23' };
    expect(nightlyAction(late)).toBe('start');
    expect(nightlyAction({ ...late, lastStarted: '2026-11-24' })).toBe('skip');
  });

  it('never starts a slot from before the sync was known', () => {
    expect(nightlyAction({ ...base, lastStarted: null })).toBe('start');
    expect(nightlyAction({ ...base, lastStarted: null, currentHour: 1 })).toBe('skip');
  });

  it('continues a run with pending rows whatever the hour', () => {
    expect(nightlyAction({ ...base, currentHour: 14, runInProgress: true })).toBe('continue');
    expect(nightlyAction({ ...base, hour: null, runInProgress: true })).toBe('continue');
  });

  it('counts days by the calendar, across months and years', () => {
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
    expect(previousDay('2027-01-01')).toBe('2026-12-31');
    expect(latestSlot(2, 5, '2026-11-24')).toBe('2026-11-24');
    expect(latestSlot(23, 5, '2026-11-24')).toBe('2026-11-23');
  });

  it('accepts only whole hours 0–23', () => {
    expect(parseHour(0)).toBe(0);
    expect(parseHour('23')).toBe(23);
    expect([parseHour(24), parseHour(-1), parseHour(2.5), parseHour(''), parseHour('two'), parseHour(null)]).toEqual([null, null, null, null, null, null]);
  });
});
