/**
 * What the hourly trigger does this hour (DESIGN.md §1 "who drives the next execution"): a published
 * Editor add-on gets one time-driven trigger per user per document, at most hourly, so one hourly
 * trigger both starts the nightly sync at the chosen hour and continues a run that still has work.
 *
 * The trigger fires at a randomized minute (reference/first-deploy.md §2): it can fire at 1:59 and then
 * 3:01, skipping hour 2, and on a daylight-saving day hour 2 may not exist. So the sync is due from its
 * hour on, once per day: the first firing at or after the hour starts it, and a day whose hour was skipped
 * entirely is caught up at the next firing.
 */
export type NightlyAction = 'continue' | 'start' | 'skip';

export interface NightlyState {
  /** The hour (0–23, spreadsheet time zone) chosen for the nightly sync; null when none is set. */
  hour: number | null;
  /** The hour and date now, in the spreadsheet's time zone. */
  currentHour: number;
  today: string;
  /** The date (yyyy-MM-dd) of the last nightly slot started or passed over at install, if any. */
  lastStarted: string | null;
  /** A run (nightly or interactive) still has rows to do. */
  runInProgress: boolean;
}

/** The calendar day before a yyyy-MM-dd date (no time zone involved: it is date arithmetic). */
export function previousDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

/** The date of the latest nightly slot at or before now: today once its hour has come, else yesterday. */
export function latestSlot(hour: number, currentHour: number, today: string): string {
  return currentHour >= hour ? today : previousDay(today);
}

export function nightlyAction(state: NightlyState): NightlyAction {
  if (state.runInProgress) return 'continue';
  if (state.hour === null) return 'skip';
  const slot = latestSlot(state.hour, state.currentHour, state.today);
  // Without a record of earlier slots, only today's is due (never yesterday's, which nobody asked for).
  if (state.lastStarted === null) return slot === state.today ? 'start' : 'skip';
  // yyyy-MM-dd strings order as dates.
  return state.lastStarted < slot ? 'start' : 'skip';
}

/** A valid nightly hour from what the sidebar sends, or null. */
export function parseHour(value: unknown): number | null {
  const hour = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : null;
}
