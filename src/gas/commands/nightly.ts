/**
 * The nightly sync: one hourly time-driven trigger per spreadsheet and user (the most an Editor add-on
 * may have: reference/apps-script-limits.md §3). It runs as the administrator who installed it.
 */
import { latestSlot, nightlyAction, parseHour } from '../../core/run/nightly';
import type { RunReport } from '../../shared/report';
import { reportWithMessage } from '../../core/run/summary';
import { ConsentError, requireGrants } from '../consent';
import { documentStore, NoDocumentError } from '../platform';
import { runRosterNow } from '../compose';
import { nightlyHour, setNightlyHour } from '../settings';
import { installHourlyTrigger, removeHourlyTriggers, runLeft } from '../hourlyTrigger';

const LAST_STARTED_KEY = 'chatRoster.nightlyLastStarted';

/** The hour and date now in the spreadsheet's time zone (the nightly hour is the spreadsheet's). */
function spreadsheetNow(): { currentHour: number; today: string } {
  const timeZone = SpreadsheetApp.getActive().getSpreadsheetTimeZone();
  const now = new Date();
  return { currentHour: Number(Utilities.formatDate(now, timeZone, 'H')), today: Utilities.formatDate(now, timeZone, 'yyyy-MM-dd') };
}

export function installNightlySync(hour: number): string {
  const chosen = parseHour(hour);
  if (chosen === null) return 'Choose an hour from 0 to 23 for the nightly sync.';
  requireGrants('triggers');
  installHourlyTrigger();
  setNightlyHour(chosen);
  const state = documentStore();
  // The slot already passed today (or yesterday's) is not caught up: the first sync is the next one.
  const { currentHour, today } = spreadsheetNow();
  state.set(LAST_STARTED_KEY, latestSlot(chosen, currentHour, today));
  return `Nightly sync is on: Chat Roster applies the roster every day between ${chosen}:00 and ${chosen + 1}:00 (spreadsheet time), as you.`;
}

export function removeNightlySync(): string {
  requireGrants('triggers');
  setNightlyHour(null);
  // A run still going keeps the trigger that continues it; it goes once the run is done.
  if (runLeft()) return 'Nightly sync is off. The run under way still finishes on the hourly trigger.';
  removeHourlyTriggers();
  return 'Nightly sync is off.';
}

/** Handler of the hourly trigger: the nightly sync at its hour, a continuation while rows are pending, else nothing. */
export function nightlySync(_event?: GoogleAppsScript.Events.TimeDriven): RunReport | null {
  try {
    return nightlyStep();
  } catch (error) {
    // No error email reaches anyone from an add-on's trigger: the execution log gets a sentence, not a TypeError.
    if (!(error instanceof NoDocumentError || error instanceof ConsentError)) throw error;
    console.error(error.message);
    return reportWithMessage('apply', error.message);
  }
}

function nightlyStep(): RunReport | null {
  const state = documentStore();
  const { currentHour, today } = spreadsheetNow();
  const hour = nightlyHour();
  const action = nightlyAction({
    hour,
    currentHour,
    today,
    lastStarted: state.get(LAST_STARTED_KEY),
    // A stopped run waits for the administrator's Apply, not for the trigger.
    runInProgress: runLeft(),
  });
  if (action === 'skip') {
    // A trigger left only to continue a run that is over (or stopped) goes.
    if (hour === null) removeHourlyTriggers();
    return null;
  }
  // The night counts as started only once the run holds the lock: a firing told that another run is in
  // progress (a preview, an Apply) leaves the sync to the next firing, and leaves the triggers as they are.
  const started = action === 'start' && hour !== null ? () => state.set(LAST_STARTED_KEY, latestSlot(hour, currentHour, today)) : undefined;
  const report = runRosterNow('apply', { startedBy: 'nightly sync', fresh: action === 'start', started });
  if (report.pending === 0 && hour === null && !report.busy) removeHourlyTriggers();
  return report;
}
