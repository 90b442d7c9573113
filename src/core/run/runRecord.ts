/**
 * The small record of a run that spans executions (DESIGN.md §1 "the sheet is the checkpoint"): run id,
 * start, executions so far. It lives in document properties (9 KB a value), never an operation list:
 * which rows are left is the sheet's PENDING statuses. When the run ends, one summary row goes to the
 * Chat Roster Log sheet and the record is removed.
 */
import type { KeyValueStore } from '../ports';
import type { RunReport } from '../../shared/report';
import { LOGGED_STATUSES, type RowStatus } from '../../shared/statuses';

export const RUN_RECORD_KEY = 'chatRoster.run';
export const LOG_SHEET = 'Chat Roster Log';

/** The log's own columns, before and after the counts. */
const LOG_BEFORE = [
  { header: 'Run', field: 'run' },
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

export interface RunRecord {
  id: string;
  startedAt: number;
  executions: number;
  startedBy: string;
  /** The administrator pressed Stop: the PENDING rows wait for Apply, not for the hourly trigger. */
  stopped?: boolean;
}

function isRecord(value: unknown): value is RunRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.id === 'string' && typeof record.startedAt === 'number' && typeof record.executions === 'number';
}

export function loadRecord(store: KeyValueStore): RunRecord | null {
  const text = store.get(RUN_RECORD_KEY);
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

/** This execution's record: the next execution of a run in progress, or a new run. */
export function nextRecord(previous: RunRecord | null, continuing: boolean, now: number, startedBy: string): RunRecord {
  if (continuing && previous) return { ...previous, executions: previous.executions + 1, stopped: false };
  return { id: `run-${now.toString(36)}`, startedAt: now, executions: 1, startedBy };
}

export function saveRecord(store: KeyValueStore, record: RunRecord): void {
  store.set(RUN_RECORD_KEY, JSON.stringify(record));
}

/** Stop: the sidebar stops calling, and the hourly trigger leaves the run alone until Apply resumes it. */
export function stopRecord(store: KeyValueStore): RunRecord | null {
  const record = loadRecord(store);
  if (record) saveRecord(store, { ...record, stopped: true });
  return record;
}

export function clearRecord(store: KeyValueStore): void {
  store.remove(RUN_RECORD_KEY);
}

/** The Chat Roster Log row of a finished run, in LOG_COLUMNS order. */
export function logRow(record: RunRecord, finishedAt: number, report: RunReport, stamp: (ms: number) => string): string[] {
  const own: Record<LogField, string> = {
    run: record.id,
    started: stamp(record.startedAt),
    finished: stamp(finishedAt),
    executions: String(record.executions),
    startedBy: record.startedBy,
    summary: report.message,
  };
  return LOG_COLUMNS.map((column) => ('field' in column ? own[column.field] : String(report.counts[column.status] ?? 0)));
}
