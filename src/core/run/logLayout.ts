/**
 * The Chat Roster Log's one layout (DESIGN.md §3): one header row, two kinds of rows told apart by the Kind
 * column. A change row (Kind `change`) is one membership write Google answered with success: when, by
 * whom, where, who, before → after, why (its source) and in which run. A run row (Kind `run`) is the
 * summary of a finished run, with the columns it always had (Run, Started, Finished, Executions, Started
 * by, one count per logged status, Summary). Each row fills only its own kind's columns; whoever reads the
 * log back finds a column by LOG_FIELD_INDEX, never by a number.
 */
import type { MemberState, MembershipChange } from '../apply/changes';
import { roleLabel } from '../rows/roles';
import { plainText } from '../sheet/cells';
import type { RunReport } from '../../shared/report';
import { LOGGED_STATUSES, type RowStatus } from '../../shared/statuses';
import type { RunRecord } from './runRecord';

export const LOG_SHEET = 'Chat Roster Log';

/** The Kind column's words. */
export const LOG_KIND = { change: 'change', run: 'run' } as const;

/** The log's own columns, before and after the counts. */
const LOG_BEFORE = [
  { header: 'Time', field: 'time' },
  { header: 'Kind', field: 'kind' },
  { header: 'Run', field: 'run' },
  { header: 'Account', field: 'account' },
  { header: 'Space', field: 'space' },
  { header: 'Space ID', field: 'spaceId' },
  { header: 'Member', field: 'member' },
  { header: 'Change', field: 'change' },
  { header: 'Source', field: 'source' },
  { header: 'Started', field: 'started' },
  { header: 'Finished', field: 'finished' },
  { header: 'Executions', field: 'executions' },
  { header: 'Started by', field: 'startedBy' },
] as const;
const LOG_AFTER = [{ header: 'Summary', field: 'summary' }] as const;

/** The name of one of the log's own columns. */
export type LogField = (typeof LOG_BEFORE)[number]['field'] | (typeof LOG_AFTER)[number]['field'];

/** One column of the log: one of its own fields, or the count of a logged status. */
export type LogColumn =
  | { readonly header: string; readonly field: LogField }
  | { readonly header: string; readonly status: RowStatus };

/** The Chat Roster Log's columns in order: its own fields, one count per logged status (table order), the summary. */
export const LOG_COLUMNS: readonly LogColumn[] = [
  ...LOG_BEFORE,
  ...LOGGED_STATUSES.map(({ status, header }) => ({ header, status })),
  ...LOG_AFTER,
];

export const LOG_HEADERS: readonly string[] = LOG_COLUMNS.map((column) => column.header);

/** Where each of the log's own fields sits in a log row (0-based), for whoever reads the log back. */
export const LOG_FIELD_INDEX = Object.fromEntries(
  LOG_COLUMNS.flatMap((column, index) => ('field' in column ? [[column.field, index]] : [])),
) as Readonly<Record<LogField, number>>;

/**
 * One log row in LOG_COLUMNS order: the fields given, the counts given, '' elsewhere. Every field is plain
 * text (a space named "=IMPORTXML(…)" in Chat stays a name, never a formula: DESIGN.md §1).
 */
function logLine(own: Partial<Record<LogField, string>>, counts: Partial<Record<RowStatus, number>> | null): string[] {
  return LOG_COLUMNS.map((column) => {
    if ('field' in column) return plainText(own[column.field] ?? '');
    return counts ? String(counts[column.status] ?? 0) : '';
  });
}

/** The run row of a finished run. */
export function logRow(record: RunRecord, finishedAt: number, report: RunReport, stamp: (ms: number) => string, account = ''): string[] {
  return logLine({
    time: stamp(finishedAt),
    kind: LOG_KIND.run,
    run: record.id,
    account,
    started: stamp(record.startedAt),
    finished: stamp(finishedAt),
    executions: String(record.executions),
    startedBy: record.startedBy,
    summary: report.message,
  }, report.counts);
}

/** Why a change was made: a roster row, and (features to come) a Rules row or a mirror space's removal. */
export type ChangeSource = { kind: 'roster'; row: number } | { kind: 'rule'; row: number } | { kind: 'mirror' };

export function sourceText(source: ChangeSource): string {
  switch (source.kind) {
    case 'roster': return `roster row ${source.row}`;
    case 'rule': return `rule ${source.row}`;
    case 'mirror': return 'mirror';
  }
}

/** A member's place in a space in the log's words: absent, invited, present, or the role as the Chat UI names it. */
export function stateText(state: MemberState): string {
  return state === 'absent' || state === 'invited' || state === 'present' ? state : roleLabel(state);
}

/** A change and what the log says about it beyond the call itself. */
export interface LoggedChange {
  change: MembershipChange;
  /** When its reply came (epoch ms). */
  at: number;
  /** The account that made the call. */
  account: string;
  /** The space as the administrator sees it (its display name), or '' when unknown. */
  spaceLabel: string;
  /** The member as an email, or the form the row used when no email is known (users/{id}, group:…, app). */
  member: string;
  source: ChangeSource;
  run: string;
}

/** The change row of one membership change. */
export function changeRow(logged: LoggedChange, stamp: (ms: number) => string): string[] {
  const { change } = logged;
  return logLine({
    time: stamp(logged.at),
    kind: LOG_KIND.change,
    run: logged.run,
    account: logged.account,
    space: logged.spaceLabel || change.space,
    spaceId: change.space,
    member: logged.member,
    change: `${stateText(change.before)} → ${stateText(change.after)}`,
    source: sourceText(logged.source),
  }, null);
}

/** A Member cell as the log names the member: an email lower-cased, users/… and groups/… ids as written. */
export function memberText(cell: string): string {
  const text = cell.trim();
  return /^(users|groups)\//i.test(text) ? text : text.toLowerCase();
}
