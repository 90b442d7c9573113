/** Building row outcomes, and the one for rows left for the next execution. */
import type { RowOutcome, RowStatus } from './model';

export function outcome(sheetRow: number, status: RowStatus, details: string): RowOutcome {
  return { sheetRow, status, details };
}

export const PENDING_DETAILS = 'Queued: Chat Roster continues with this row in its next execution.';

export function pendingOutcome(sheetRow: number): RowOutcome {
  return outcome(sheetRow, 'PENDING', PENDING_DETAILS);
}
