/**
 * The sidebar's short notes around Preview and Apply (no DOM, unit-tested in Node): why Apply is off after a
 * preview with nothing to do, what a preview does to the last run’s results, the one pending count, and
 * what closing the sidebar does while a run spans executions.
 */
import type { RunReport } from '../shared/report';
import type { SidebarState } from '../shared/sidebar';
import { countPhrase, isRowStatus, type RowStatus } from '../shared/statuses';
import { formatCount, plural } from './format';
import { CHANGE_STATUSES } from './pictures';

/** Statuses after which Apply has nothing to send: the row is as asked, or can't be applied until fixed. */
const NOTHING_TO_SEND: readonly RowStatus[] = ['UNCHANGED', 'INVALID'];

/** Why Apply is off after this preview, or '' when it has something to do. */
export function nothingToApply(report: RunReport): string {
  if (report.rows === 0) return '';
  const statuses = Object.keys(report.counts).filter((status) => (report.counts[status as RowStatus] ?? 0) > 0);
  const idle = statuses.every((status) => isRowStatus(status) && NOTHING_TO_SEND.includes(status));
  if (!idle || (report.mirror ?? []).length > 0 || (report.rules ?? []).length > 0) return '';
  const invalid = report.counts.INVALID ?? 0;
  if (invalid === 0) return 'Nothing to apply: every row is already as the roster asks.';
  return `Nothing to apply: ${plural(invalid, 'row is', 'rows are')} INVALID (see the Details column); fix ${invalid === 1 ? 'it' : 'them'}, then Preview again.`;
}

/** Before a preview: the Status column's results of the last run that a preview replaces with WOULD_*, or ''. */
export function previewOverwriteNote(counts: Readonly<Record<string, number>>): string {
  const results = CHANGE_STATUSES.filter((status) => (counts[status] ?? 0) > 0);
  if (results.length === 0) return '';
  const phrases = results.map((status) => countPhrase(status, counts[status] ?? 0, formatCount)).join(', ');
  return `The Status column shows the last run’s results (${phrases}). Preview replaces them with what would change; the Chat Roster Log keeps the run.`;
}

/**
 * The unfinished run's notice. Its pending count is the roster's PENDING cells as last read (getSidebarState):
 * the one number the sidebar shows, whoever moved the run on since (the hourly trigger, another window).
 */
export function runNoticeSentence(state: SidebarState): string {
  if (!state.run) return '';
  const pending = state.roster?.counts.PENDING ?? 0;
  const rows = pending > 0 ? `: ${plural(pending, 'row is', 'rows are')} still PENDING` : '';
  const how = state.run.stopped ? 'It was stopped' : `It was started by ${state.run.startedBy || 'someone'}`;
  // Whether it goes on by itself, so no one wonders if closing the sidebar lost it.
  const itself = state.run.stopped ? 'It waits for you' : state.run.continuesHourly
    ? 'It carries on by itself within the hour (the hourly trigger)' : 'Nothing carries it on while this sidebar is closed';
  return `A run isn't finished${rows}. ${how}. ${itself}; press Resume to continue it now.`;
}

/** Said while a run spans executions: what happens if the administrator closes the sidebar now. */
export function continuationSentence(report: RunReport): string {
  return report.continuation === 'sidebarOnly'
    ? 'Applying the roster. Keep this sidebar open until it is done: Chat Roster has no permission to install the trigger that would carry it on without you.'
    : 'Applying the roster. You can keep working in the sheet, or close this sidebar: Chat Roster carries on by itself within the hour.';
}
