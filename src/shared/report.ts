/**
 * What a preview or apply run tells the menu, the sidebar and the trigger: JSON-safe (it crosses
 * google.script.run), so no Date and no undefined.
 */
import type { StatusCounts } from './statuses';

export type RunMode = 'preview' | 'apply';

export interface RunReport {
  mode: RunMode;
  /** Non-blank roster rows seen by this run. */
  rows: number;
  /** Rows with a final status (everything but PENDING). */
  done: number;
  /** Rows left PENDING for a following execution. */
  pending: number;
  /** Rows per status, e.g. { ADDED: 12, INVITED: 3 }; statuses with no row are absent. */
  counts: StatusCounts;
  /** One plain sentence for the administrator, e.g. "12 added, 3 invited, 2 errors — see the Details column." */
  message: string;
  /** The same counts per target space, named as the Space cells name it, in the roster's order. */
  bySpace: SpaceCounts[];
}

export interface SpaceCounts {
  space: string;
  counts: StatusCounts;
}
