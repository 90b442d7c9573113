/**
 * The document's one hourly trigger (reference/apps-script-limits.md §3: an Editor add-on may have one
 * time-driven trigger per user and document, at most hourly). It serves two purposes (DESIGN.md §1): the
 * nightly sync at its hour, and continuing a run that still has work when no sidebar drives it — a run
 * started from the sidebar installs it when rows are left, so closing the sidebar never stalls the run,
 * and it is removed again once nothing is pending and no nightly hour is set.
 */
import { loadRecord } from '../core/run/runRecord';
import { ConsentError, requireGrants } from './consent';
import { documentStore } from './platform';
import { nightlyHour } from './settings';
import type { RunReport } from '../shared/report';

export const HOURLY_HANDLER = 'nightlySync';

/** This user's hourly triggers in this spreadsheet (getProjectTriggers would span every document). */
export function hourlyTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).filter((trigger) => trigger.getHandlerFunction() === HOURLY_HANDLER);
}

export function installHourlyTrigger(): void {
  for (const trigger of hourlyTriggers()) ScriptApp.deleteTrigger(trigger);
  ScriptApp.newTrigger(HOURLY_HANDLER).timeBased().everyHours(1).create();
}

export function removeHourlyTriggers(): void {
  for (const trigger of hourlyTriggers()) ScriptApp.deleteTrigger(trigger);
}

/** Whether the hourly trigger will carry the current run on (RunReport.continuation). */
export type Continuation = NonNullable<RunReport['continuation']>;

/**
 * After an execution of a run: keeps the hourly trigger while work is left (installing it when missing),
 * removes it when nothing is left and the nightly sync is off. Without the trigger permission the run goes
 * on only while the sidebar drives it, and the sidebar says so.
 */
export function keepHourlyTriggerFor(pending: boolean): Continuation {
  const nightly = nightlyHour() !== null;
  try {
    requireGrants('triggers');
  } catch (error) {
    if (error instanceof ConsentError) return 'sidebarOnly';
    throw error;
  }
  const installed = hourlyTriggers().length > 0;
  if (pending && !installed) installHourlyTrigger();
  if (!pending && installed && !nightly) removeHourlyTriggers();
  return pending ? 'hourly' : nightly ? 'hourly' : 'sidebarOnly';
}

/** Whether a run is left for the trigger (not stopped by the administrator). */
export function runLeft(): boolean {
  const record = loadRecord(documentStore());
  return record !== null && !record.stopped;
}
