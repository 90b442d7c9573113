/** Building row outcomes, and the ones for rows left for the next execution. */
import type { Detail, RowOutcome, RowStatus } from '../model';

export function outcome(sheetRow: number, status: RowStatus, detail: Detail): RowOutcome {
  return { sheetRow, status, ...detail };
}

export function pendingOutcome(sheetRow: number): RowOutcome {
  return { sheetRow, status: 'PENDING', reason: 'queued' };
}

/**
 * A create went through but its role patch didn't before the deadline: the next execution's patch
 * completes the add, so the row reads ADDED, not ROLE_UPDATED (the run keeps that as data: rowNotes.ts).
 */
export function pendingRoleOutcome(sheetRow: number): RowOutcome {
  return { sheetRow, status: 'PENDING', reason: 'queuedRolePatch' };
}

/** A row the administrator edited or inserted during an apply: queued, so the next execution applies it as it is now. */
export function changedOutcome(sheetRow: number): RowOutcome {
  return { sheetRow, status: 'PENDING', reason: 'queuedChanged' };
}
