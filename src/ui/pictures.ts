/**
 * The arithmetic and words behind the sidebar's pictures (no DOM, unit-tested in Node): a preview's plan per
 * space and its stacked bar, finding people by name in it, and the chart of the last runs. Colours are the
 * status table's tones (src/shared/statuses.ts), so a bar reads like the Status column.
 */
import type { PlannedPerson, SpaceCounts } from '../shared/report';
import type { LoggedRun } from '../shared/sidebar';
import { countPhrase, STATUS, STATUSES, type RowStatus, type StatusCounts, type Tone } from '../shared/statuses';
import { displayText } from './escape';
import { countOf, formatCount, formatStarted, plural, statusLabel } from './format';

/** One target space of a preview: what would happen to its rows. */
export interface PlanRow {
  space: string;
  add: number;
  roleChange: number;
  remove: number;
  held: number;
  invalid: number;
  error: number;
  unchanged: number;
  /** Rows with any other status (e.g. PENDING, or final statuses in a mixed report). */
  other: number;
  total: number;
}

/** The plan's named columns, each the count of one status; every other status counts as "other". */
const PLAN_COLUMNS = {
  add: 'WOULD_ADD', roleChange: 'WOULD_UPDATE_ROLE', remove: 'WOULD_REMOVE',
  held: 'HELD', invalid: 'INVALID', error: 'ERROR', unchanged: 'UNCHANGED',
} as const satisfies Record<Exclude<keyof PlanRow, 'space' | 'other' | 'total'>, RowStatus>;

const PLANNED: readonly RowStatus[] = Object.values(PLAN_COLUMNS);

export function planRows(bySpace: readonly SpaceCounts[]): PlanRow[] {
  return bySpace.map(({ space, counts }) => {
    const total = Object.keys(counts).reduce((sum, status) => sum + countOf(counts, status), 0);
    const planned = PLANNED.reduce((sum, status) => sum + countOf(counts, status), 0);
    const column = (name: keyof typeof PLAN_COLUMNS) => countOf(counts, PLAN_COLUMNS[name]);
    return {
      space: displayText(space) || '(no space)',
      add: column('add'),
      roleChange: column('roleChange'),
      remove: column('remove'),
      held: column('held'),
      invalid: column('invalid'),
      error: column('error'),
      unchanged: column('unchanged'),
      other: total - planned,
      total,
    };
  });
}


/** One part of a space's bar; `kind` also picks the pattern that tells apart parts of one tone. */
export interface BarSegment {
  kind: 'add' | 'roleChange' | 'remove' | 'held' | 'invalid' | 'error' | 'unchanged' | 'other';
  count: number;
  /** Share of the space's rows, 0–100 (not rounded: the parts fill the bar exactly). */
  percent: number;
  tone: Tone;
  /** "12 to add": the segment's text equivalent. */
  text: string;
}

/** The bar's parts in the order the brief of a plan reads: changes, then what stops them, then the rest. */
const SEGMENT_STATUSES = [
  ['add', 'WOULD_ADD'], ['roleChange', 'WOULD_UPDATE_ROLE'], ['remove', 'WOULD_REMOVE'],
  ['held', 'HELD'], ['invalid', 'INVALID'], ['error', 'ERROR'], ['unchanged', 'UNCHANGED'],
] as const satisfies readonly (readonly [BarSegment['kind'], RowStatus])[];

/** A space's plan as bar segments; empty parts left out. */
export function planSegments(row: PlanRow): BarSegment[] {
  const total = Math.max(row.total, 1);
  const segments: BarSegment[] = SEGMENT_STATUSES.map(([kind, status]) => {
    const count = row[kind];
    return { kind, count, percent: (count * 100) / total, tone: STATUS[status].tone, text: countPhrase(status, count, formatCount) };
  });
  segments.push({ kind: 'other', count: row.other, percent: (row.other * 100) / total, tone: 'neutral', text: `${formatCount(row.other)} other` });
  return segments.filter((segment) => segment.count > 0);
}

/** "Engineering: 12 to add, 1 role to change, 40 unchanged": what the bar shows, for a screen reader. */
export function barLabel(space: string, segments: readonly BarSegment[]): string {
  return `${space}: ${segments.length ? segments.map((segment) => segment.text).join(', ') : 'nothing to do'}`;
}

/** People listed at once when a space is opened; the filter finds the others. */
export const SHOWN_PEOPLE = 200;

export interface FoundPeople {
  shown: PlannedPerson[];
  /** Everyone listed that matches (shown or not). */
  matched: number;
}

/** People whose member text or status words contain the query (case-insensitive); all of them for an empty query. */
export function findPeople(people: readonly PlannedPerson[], query: string, cap = SHOWN_PEOPLE): FoundPeople {
  const wanted = query.trim().toLowerCase();
  const matching = wanted === ''
    ? people
    : people.filter(([member, status]) => member.toLowerCase().includes(wanted) || statusLabel(status, true).toLowerCase().includes(wanted));
  return { shown: matching.slice(0, cap), matched: matching.length };
}

/** The summary line of a space's people: "People (42)", or "3 of 42 match" while filtering. */
export function peopleSummary(listed: number, more: number, found: FoundPeople, filtering: boolean): string {
  const total = formatCount(listed + more);
  return filtering ? `${formatCount(found.matched)} of ${total} match` : `People (${total})`;
}

/** The line under a list that doesn't show everyone: why, and how to find the others. */
export function peopleRest(listed: number, more: number, found: FoundPeople): string {
  const hidden = found.matched - found.shown.length;
  const parts = [hidden > 0 ? `${plural(hidden, 'more person', 'more people')} — type in Find to narrow the list` : '',
    more > 0 ? `${plural(more, 'row', 'rows')} not listed (the plan names the first ${formatCount(listed)})` : ''];
  return parts.filter(Boolean).join('; ');
}

/** Statuses that record a change made in Chat (ADDED, INVITED, ROLE_UPDATED, REMOVED): logged, not a problem, not UNCHANGED. */
export const CHANGE_STATUSES: readonly RowStatus[] = STATUSES
  .filter((info) => info.logHeader !== null && !info.attention && info.tone !== 'neutral')
  .map((info) => info.status);

const sum = (counts: StatusCounts, statuses: readonly RowStatus[]) => statuses.reduce((total, status) => total + (counts[status] ?? 0), 0);

/** One run of the chart. */
export interface RunColumn {
  run: string;
  started: string;
  changes: number;
  errors: number;
  /** "2024-05-01 10:00: 12 changes, 1 error". */
  text: string;
}

/** The last runs oldest first (time reads left to right), with the tallest column for the scale. */
export function runColumns(runs: readonly LoggedRun[]): { columns: RunColumn[]; max: number } {
  const columns = [...runs].reverse().map((run) => {
    const counts = run.counts ?? {};
    const changes = sum(counts, CHANGE_STATUSES);
    const errors = counts.ERROR ?? 0;
    const started = formatStarted(run.started) || 'Unknown time';
    return { run: run.run, started, changes, errors, text: `${started}: ${plural(changes, 'change', 'changes')}, ${plural(errors, 'error', 'errors')}` };
  });
  return { columns, max: Math.max(1, ...columns.map((column) => Math.max(column.changes, column.errors))) };
}

/** A column's height in percent of the chart; a non-zero count stays visible. */
export function columnHeight(count: number, max: number): number {
  return count <= 0 ? 0 : Math.max(4, Math.round((count * 100) / Math.max(max, 1)));
}
