/** Building row outcomes, and the one for rows left for the next execution. */
import type { RowOutcome, RowStatus } from './model';

export function outcome(sheetRow: number, status: RowStatus, details: string): RowOutcome {
  return { sheetRow, status, details };
}

export const PENDING_DETAILS = 'Queued: Chat Roster continues with this row in its next execution.';

export function pendingOutcome(sheetRow: number): RowOutcome {
  return outcome(sheetRow, 'PENDING', PENDING_DETAILS);
}

/**
 * A create went through but its role patch didn't before the deadline: the note tells the next execution
 * that the patch completes an add, so the row reads ADDED, not ROLE_UPDATED (the sheet is the checkpoint).
 */
export const ADDED_ROLE_PENDING_DETAILS = 'Queued: added to the space; the role is set in the next execution.';

export function pendingRoleOutcome(sheetRow: number): RowOutcome {
  return outcome(sheetRow, 'PENDING', ADDED_ROLE_PENDING_DETAILS);
}
