/** previewRoster / provisionRoster: the sidebar's Preview and Apply, each one execution of the run. */
import type { RemovalConfirmation, RunReport } from '../../shared/report';
import { runRosterNow } from '../compose';
import { keepHourlyTriggerFor, runLeft } from '../hourlyTrigger';
import { NoDocumentError } from '../platform';

/** The sidebar's Preview: WOULD_* statuses, nothing changed in Chat. */
export function previewRoster(): RunReport {
  return runRosterNow('preview');
}

/**
 * The sidebar's Apply: one execution's worth; the sidebar calls again while rows are PENDING. It passes the
 * mirror removals the administrator confirmed (RemovalConfirmation): no one else is removed. Without one (a
 * script) mirror removals go ahead within each space's Max removal %, as the nightly sync does.
 */
export function provisionRoster(confirmation?: RemovalConfirmation): RunReport {
  const report = runRosterNow('apply', confirmation === undefined || confirmation === null ? {} : { confirmation });
  // A run that isn't finished goes on within the hour if the sidebar closes (DESIGN.md §1). Whether one is
  // left is the run record's to say (PENDING Spaces or Rules rows count, a refused call changed nothing);
  // a call told that another run holds the lock leaves the trigger to that run.
  if (report.busy) return report;
  try {
    return { ...report, continuation: keepHourlyTriggerFor(runLeft()) };
  } catch (error) {
    // Without a containing document there is no run record and no trigger; the report already says why.
    if (error instanceof NoDocumentError) return report;
    throw error;
  }
}
