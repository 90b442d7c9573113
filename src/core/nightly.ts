/**
 * What the hourly trigger does this hour (DESIGN.md §1 "who drives the next execution"): a published
 * Editor add-on gets one time-driven trigger per user per document, at most hourly, so one hourly
 * trigger both starts the nightly sync at the chosen hour and continues a run that still has work.
 */
export type NightlyAction = 'continue' | 'start' | 'skip';

export interface NightlyState {
  /** The hour (0–23, spreadsheet time zone) chosen for the nightly sync; null when none is set. */
  hour: number | null;
  /** The hour and date now, in the spreadsheet's time zone. */
  currentHour: number;
  today: string;
  /** The date of the last nightly sync started, if any. */
  lastStarted: string | null;
  /** A run (nightly or interactive) still has rows to do. */
  runInProgress: boolean;
}

export function nightlyAction(state: NightlyState): NightlyAction {
  if (state.runInProgress) return 'continue';
  // The trigger fires at a random minute of each hour, once: the hour matching is enough, and the date
  // guards against a second start the same day (e.g. after the hour was changed).
  if (state.hour !== null && state.currentHour === state.hour && state.lastStarted !== state.today) return 'start';
  return 'skip';
}

/** A valid nightly hour from what the sidebar sends, or null. */
export function parseHour(value: unknown): number | null {
  const hour = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : null;
}
