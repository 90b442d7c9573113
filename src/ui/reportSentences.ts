/**
 * Sentences about the roster and a run's report (no DOM, unit-tested in Node): the roster's size, the rows
 * that need attention, and what is said when an apply run ends.
 */
import type { RunReport } from '../shared/report';
import type { RosterSummary } from '../shared/sidebar';
import { countPhrase, type StatusCounts } from '../shared/statuses';
import { ATTENTION_STATUSES, countOf, formatCount, plural } from './format';
import { progressText } from './progressFigures';

/** "120 rows in 8 spaces". */
export function rosterSentence(summary: RosterSummary): string {
  if (summary.rows === 0) return 'The Roster sheet has no rows yet: put a member and a space on each row below the headers.';
  return `${plural(summary.rows, 'row', 'rows')} in ${plural(summary.spaces, 'space', 'spaces')}`;
}

/** "3 rows need attention (2 errors, 1 held): see the Details column in the Roster sheet." or ''. */
export function attentionSentence(counts: StatusCounts): string {
  const needing = ATTENTION_STATUSES.filter((status) => countOf(counts, status) > 0);
  const parts = needing.map((status) => countPhrase(status, countOf(counts, status), formatCount));
  const total = needing.reduce((sum, status) => sum + countOf(counts, status), 0);
  if (total === 0) return '';
  const rows = total === 1 ? '1 row needs attention' : `${formatCount(total)} rows need attention`;
  const detail = parts.length > 1 ? ` (${parts.join(', ')})` : '';
  return `${rows}${detail}: see the Details column in the Roster sheet.`;
}

/**
 * The sentence after an apply run ends: finished, or stopped with rows still PENDING. It names no pending
 * count: the run notice does, from the roster as last read (runNotes.ts), so the sidebar shows one number.
 */
export function finishSentence(report: RunReport, stopped: boolean): string {
  if (report.pending > 0 && stopped) return `Stopped after ${progressText(report.done, report.rows)}. The rows not done yet stay PENDING: press Resume to continue.`;
  if (report.pending > 0) return 'Some rows are still PENDING: press Resume to continue.';
  return '';
}

