/**
 * The RunReport of one execution (runRoster.ts): counts over the whole roster, what the Spaces and Rules sheets'
 * rows say, rows changed during the run, and the "Working: …" sentence while rows are left.
 */
import type { RosterRow, RowOutcome, SpaceRowOutcome } from '../model';
import { isRowStatus, spacesSentence } from '../../shared/statuses';
import { summarize, type CountedRow } from './summary';
import type { RunMode, RunReport } from '../../shared/report';

/** Counts over the whole roster: this execution's outcomes, and the statuses other rows already have. */
export function wholeRosterReport(
  mode: RunMode, all: readonly RosterRow[], outcomes: readonly RowOutcome[], resolvedSpaces: ReadonlyMap<number, string>,
  mirror: readonly CountedRow[] = [], mirrorSpaceOf: (id: number) => string = () => '',
): RunReport {
  const ran = new Set(outcomes.map((outcome) => outcome.sheetRow));
  // Other rows count with the status their cell holds; text that is no status (a typo) isn't counted.
  const others: CountedRow[] = [];
  for (const row of all) if (!ran.has(row.sheetRow) && isRowStatus(row.status)) others.push({ sheetRow: row.sheetRow, status: row.status });
  const spaceOfRow = new Map(all.map((row) => [row.sheetRow, resolvedSpaces.get(row.sheetRow) ?? row.space.trim()]));
  const inRowOrder = [...outcomes, ...others].sort((a, b) => a.sheetRow - b.sheetRow);
  // Mirror removals (negative stand-in rows) count after the rows, under their space.
  return summarize(mode, [...inRowOrder, ...mirror], (sheetRow) => (sheetRow < 0 ? mirrorSpaceOf(sheetRow) : spaceOfRow.get(sheetRow) ?? ''));
}

/** The run's sentence also says what the Spaces and Rules sheets' rows now say, when any says more than UNCHANGED. */
export function withSettings(report: RunReport, settled: { spaces: readonly SpaceRowOutcome[]; rules: readonly SpaceRowOutcome[] }): RunReport {
  const sentences = [
    spacesSentence(settled.spaces.map((row) => row.status)),
    spacesSentence(settled.rules.map((row) => row.status), 'Rules', ['rule', 'rules']),
  ].filter(Boolean);
  return sentences.length > 0 ? { ...report, message: [report.message, ...sentences].join(' ') } : report;
}

/** Rows edited or inserted during the execution count as pending: the run isn't over until they are applied. */
export function withChangedRows(report: RunReport, changed: number): RunReport {
  if (changed === 0) return report;
  const rows = changed === 1 ? '1 row was' : `${changed} rows were`;
  return { ...report, pending: report.pending + changed, message: `${report.message} ${rows} edited or added during the run: the next execution applies them.` };
}

export function progressMessage(report: RunReport): RunReport {
  if (report.pending === 0) return report;
  return {
    ...report,
    message: `Working: ${report.done} of ${report.rows} rows done; ${report.pending} wait for the next execution (Provision now again, the sidebar, or the nightly sync continues them). ${report.message}`,
  };
}
