/**
 * One run at a time per spreadsheet (DESIGN.md §1): every run holds the document's lock, whoever starts it
 * (an administrator, another one, the nightly sync); a second run is told plainly and its rows are untouched.
 */
import type { Mutex } from '../ports';
import { reportWithMessage } from './summary';
import type { RunMode, RunReport } from '../../shared/report';

/** How long a second run waits for the first before it is told one is in progress. */
export const LOCK_WAIT_MS = 2000;

export const RUN_IN_PROGRESS = 'Another Chat Roster run is in progress in this spreadsheet. Its rows are untouched; try again when it has finished.';

/**
 * Runs `run` holding the lock, or reports that another run holds it: a report marked `busy`, so that a caller
 * that would act on a finished run (remove the hourly trigger, count the night as started) does nothing.
 */
export function runExclusively(mutex: Mutex, mode: RunMode, run: () => RunReport): RunReport {
  if (!mutex.tryAcquire(LOCK_WAIT_MS)) return { ...reportWithMessage(mode, RUN_IN_PROGRESS), busy: true };
  try {
    return run();
  } finally {
    mutex.release();
  }
}
