/**
 * The one entry the adapters call for preview and apply: one read of the Roster sheet, the pipeline,
 * one write-back of every status in column blocks, one flush (DESIGN.md §1 "one read, one write").
 * It never throws for bad input or a failing Google: every row ends with a status, and the RunReport
 * says in one sentence what happened.
 *
 * Re-planning rule for now: every run re-plans every non-blank row. Planning is idempotent, so a second
 * apply of an unchanged roster makes no membership write and reports UNCHANGED.
 */
import { thrownError } from './apiErrors';
import type { RosterRow, RowOutcome } from './model';
import { collectOutcomes, type PipelineDeps, type RunOptions } from './pipeline';
import type { Clock, RosterStore } from './ports';
import { parseRoster, ROSTER_SHEET } from './roster';
import { reportWithMessage, summarize } from './summary';
import { writebackBlocks } from './writeback';
import type { RunMode, RunReport } from '../shared/report';

export type { RunOptions } from './pipeline';

export interface RunDeps extends PipelineDeps {
  store: RosterStore;
  clock: Clock;
  options: RunOptions;
}

/** Exactly one outcome per row, in row order; a row the pipeline never reached says so. */
function completeOutcomes(rows: readonly RosterRow[], found: readonly RowOutcome[], failure: string | null): RowOutcome[] {
  const byRow = new Map<number, RowOutcome>();
  for (const outcome of found) if (!byRow.has(outcome.sheetRow)) byRow.set(outcome.sheetRow, outcome);
  const reason = failure
    ? `Chat Roster stopped before this row because of an unexpected error: run again. (${failure})`
    : 'Chat Roster could not finish this row: run again.';
  return rows.map((row) => byRow.get(row.sheetRow) ?? { sheetRow: row.sheetRow, status: 'ERROR', details: reason });
}

export function runRoster(deps: RunDeps, mode: RunMode): RunReport {
  let grid: unknown[][] | null;
  try {
    grid = deps.store.read();
  } catch (thrown) {
    return reportWithMessage(mode, `Could not read the ${ROSTER_SHEET} sheet: ${thrownError(thrown).message}`);
  }
  if (!grid) return reportWithMessage(mode, `There is no ${ROSTER_SHEET} sheet: run Chat Roster › Set up roster sheet first.`);
  const parsed = parseRoster(grid);
  if (!parsed.ok) return reportWithMessage(mode, parsed.message);

  const found: RowOutcome[] = [];
  let failure: string | null = null;
  try {
    collectOutcomes(parsed.rows, deps, mode, found);
  } catch (thrown) {
    failure = thrownError(thrown).message;
  }
  const outcomes = completeOutcomes(parsed.rows, found, failure);
  const report = summarize(mode, outcomes);

  try {
    const blocks = writebackBlocks({
      grid, columns: parsed.columns, outcomes,
      stamp: deps.clock.stamp(deps.clock.now()),
      formatDate: (ms) => deps.clock.stamp(ms),
    });
    deps.store.write(blocks);
    deps.store.flush();
  } catch (thrown) {
    return {
      ...report,
      message: `${report.message} But the statuses could not be written to the sheet (${thrownError(thrown).message}): run again.`,
    };
  }
  return report;
}
