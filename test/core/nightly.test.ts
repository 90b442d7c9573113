import { nightlyAction, parseHour, type NightlyState } from '../../src/core/nightly';

const base: NightlyState = { hour: 2, currentHour: 2, today: '2026-11-24', lastStarted: '2026-11-23', runInProgress: false };

describe('the hourly trigger', () => {
  it('starts the nightly sync at the chosen hour, once a day', () => {
    expect(nightlyAction(base)).toBe('start');
    expect(nightlyAction({ ...base, lastStarted: '2026-11-24' })).toBe('skip');
  });

  it('exits at once on other hours when nothing is pending', () => {
    expect(nightlyAction({ ...base, currentHour: 3 })).toBe('skip');
    expect(nightlyAction({ ...base, hour: null })).toBe('skip');
  });

  it('continues a run with pending rows whatever the hour', () => {
    expect(nightlyAction({ ...base, currentHour: 14, runInProgress: true })).toBe('continue');
    expect(nightlyAction({ ...base, hour: null, runInProgress: true })).toBe('continue');
  });

  it('accepts only whole hours 0–23', () => {
    expect(parseHour(0)).toBe(0);
    expect(parseHour('23')).toBe(23);
    expect([parseHour(24), parseHour(-1), parseHour(2.5), parseHour(''), parseHour('two'), parseHour(null)]).toEqual([null, null, null, null, null, null]);
  });
});
