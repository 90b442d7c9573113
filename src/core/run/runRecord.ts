/**
 * The small record of a run that spans executions (DESIGN.md §1 "the sheet is the checkpoint"): run id,
 * start, executions so far. It lives in document properties (9 KB a value), never an operation list:
 * which rows are left is the sheet's PENDING statuses. When the run ends, one run row goes to the Chat
 * Roster Log sheet (logLayout.ts) and the record is removed.
 */
import type { KeyValueStore } from '../ports';

export const RUN_RECORD_KEY = 'chatRoster.run';

export interface RunRecord {
  id: string;
  startedAt: number;
  executions: number;
  startedBy: string;
  /** The administrator pressed Stop: the PENDING rows wait for Apply, not for the hourly trigger. */
  stopped?: boolean;
  /**
   * A Spaces or Rules row says PENDING (mirror removals or rule grants left to do): the run isn't over even
   * with no roster row PENDING, and its next execution reads those sheets again.
   */
  settingsPending?: boolean;
  /**
   * Started from the sidebar with a confirmation: a later execution without one (the hourly trigger) removes no
   * mirror member, since only the sidebar knows whom the administrator confirmed.
   */
  confirmed?: boolean;
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
