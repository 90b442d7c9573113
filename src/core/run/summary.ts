/** The RunReport of a run: counts per status and one plain sentence for the toast and the sidebar. */
import type { RowOutcome } from '../model';

/** What the counts need of a row: its number and its status (whether this execution decided it or not). */
export type CountedRow = Pick<RowOutcome, 'sheetRow' | 'status'>;
import { parseSpaceCell, spaceKey } from '../rows/refs';
import type { RunMode, RunReport, SpaceCounts } from '../../shared/report';
import type { RosterSummary } from '../../shared/sidebar';
import { ATTENTION_STATUSES, countPhrase, STATUSES, type StatusCounts } from '../../shared/statuses';

/** The order the sentence names statuses in: what a preview would do first, then the table's order. */
const SENTENCE_ORDER = [...STATUSES.filter((info) => info.preview), ...STATUSES.filter((info) => !info.preview)]
  .map((info) => info.status);

export function reportWithMessage(mode: RunMode, message: string): RunReport {
  return { mode, rows: 0, done: 0, pending: 0, counts: {}, message, bySpace: [] };
}

/** Counts per space for the sidebar's plan and progress; `spaceOfRow` names a row's space as its cell does. */
export function countsBySpace(outcomes: readonly CountedRow[], spaceOfRow: (sheetRow: number) => string): SpaceCounts[] {
  const bySpace = new Map<string, StatusCounts>();
  for (const { sheetRow, status } of outcomes) {
    const space = spaceOfRow(sheetRow) || '(no space)';
    let counts = bySpace.get(space);
    if (!counts) bySpace.set(space, (counts = {}));
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return [...bySpace].map(([space, counts]) => ({ space, counts }));
}

export function summarize(mode: RunMode, outcomes: readonly CountedRow[], spaceOfRow: (sheetRow: number) => string = () => ''): RunReport {
  const counts: StatusCounts = {};
  for (const { status } of outcomes) counts[status] = (counts[status] ?? 0) + 1;
  const rows = outcomes.length;
  const pending = counts.PENDING ?? 0;
  const report = { mode, rows, done: rows - pending, pending, counts, bySpace: countsBySpace(outcomes, spaceOfRow) };
  if (rows === 0) {
    return { ...report, message: 'The Roster sheet has no rows yet: put a member and a space on each row below the headers.' };
  }
  const preview = mode === 'preview' ? 'Preview: ' : '';
  if (counts.UNCHANGED === rows) {
    return { ...report, message: `${preview}Nothing to change: all ${rows} rows are already as the roster asks.` };
  }
  const parts = SENTENCE_ORDER.flatMap((status) => {
    const count = counts[status];
    return count ? [countPhrase(status, count)] : [];
  });
  const attention = ATTENTION_STATUSES.some((status) => counts[status]) ? ' — see the Details column' : '';
  const tail = mode === 'preview' ? `${attention}. Nothing was changed in Google Chat.` : `${attention}.`;
  return { ...report, message: `${preview}${parts.join(', ')}${tail}` };
}

/**
 * The sidebar's roster summary, from the rows as read (no call to Google). Spaces are counted as written but
 * normalised: a space's URL, spaces/ID and bare ID are one space; a display name counts apart from the id
 * it may name (only Google can tell), unless `labels` (the last run's, by space key: spaceLabels.ts) say so.
 */
export function rosterSummary(rows: readonly { space: string; status: string }[], labels?: ReadonlyMap<string, string>): RosterSummary {
  const counts: Record<string, number> = {};
  const spaces = new Set<string>();
  for (const row of rows) {
    counts[row.status] = (counts[row.status] ?? 0) + 1;
    const parsed = parseSpaceCell(row.space);
    const key = parsed.ok ? spaceKey(parsed.ref) : null;
    if (key !== null) spaces.add(labels?.has(key) ? `label:${labels.get(key)}` : key);
  }
  return { rows: rows.length, spaces: spaces.size, counts };
}
