/**
 * What the sidebar gets from the server (google.script.run): JSON-safe only — no Date, no undefined,
 * no functions (reference/apps-script-limits.md §9).
 */
import type { StatusCounts } from './statuses';

export type SidebarAction = 'preview' | 'apply' | 'check' | 'import' | null;

export interface RosterSummary {
  /** Non-blank roster rows. */
  rows: number;
  /** Distinct spaces the Space cells name (a URL, spaces/ID and ID of one space count once). */
  spaces: number;
  /** Rows per current Status cell (rows never run have status ''). */
  counts: Record<string, number>;
}

export interface LoggedRun {
  run: string;
  started: string;
  finished: string;
  executions: string;
  startedBy: string;
  summary: string;
  /** The run row's count columns (the logged statuses); statuses with no row are absent. */
  counts: StatusCounts;
}

export interface SidebarState {
  /** The account the add-on runs as. */
  user: string;
  /** null when there is no Roster sheet (or its headers are missing): offer Set up. */
  roster: RosterSummary | null;
  /** A sentence when the roster can't be read, e.g. a missing header. */
  rosterProblem: string;
  adminAccess: boolean;
  /** The nightly sync's hour (0–23, spreadsheet time), or null when it is off. */
  nightlyHour: number | null;
  /** A run that still has PENDING rows. */
  run: { id: string; executions: number; startedBy: string; stopped: boolean; continuesHourly: boolean } | null;
  /** Newest first, at most 5, from the Chat Roster Log sheet. */
  recentRuns: LoggedRun[];
  /** The write budget the pacer keeps to: for the estimate of the time left. */
  writesPerMinute: number;
  /** What the menu item that opened the sidebar asked for, once. */
  startAction: SidebarAction;
}
