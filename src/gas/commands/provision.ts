/** previewRoster / provisionRoster: the sidebar's Preview and Apply, each one execution of the run. */
import type { RunReport } from '../../shared/report';
import { runRosterNow } from '../compose';

/** The sidebar's Preview: WOULD_* statuses, nothing changed in Chat. */
export function previewRoster(): RunReport {
  return runRosterNow('preview');
}

/** The sidebar's Apply: one execution's worth; the sidebar calls again while rows are PENDING. */
export function provisionRoster(): RunReport {
  return runRosterNow('apply');
}
