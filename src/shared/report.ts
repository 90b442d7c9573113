/**
 * What a preview or apply run tells the menu, the sidebar and the trigger: JSON-safe (it crosses
 * google.script.run), so no Date and no undefined.
 */
import type { RowStatus, StatusCounts } from './statuses';

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
  /** Mirror spaces with members to remove or held, by name (absent when there is none). */
  mirror?: MirrorSpacePlan[];
  /** Rules with people to add or raise, by name, in a preview (absent when there is none). */
  rules?: RulePlanView[];
  /**
   * After an Apply execution: 'hourly' when the document's hourly trigger carries the run on if the sidebar
   * closes, 'sidebarOnly' when it can't (no permission for triggers); absent for a preview.
   */
  continuation?: 'hourly' | 'sidebarOnly';
  /** A preview's roster rows by name per space, for the sidebar's plan (absent from an apply run). */
  people?: SpacePeople[];
  /** Another run held the document lock past the wait: this one did nothing at all (exclusiveRun.ts). */
  busy?: true;
}

/** One planned roster row: the Member cell as written, its status, its sheet row (compact: a preview may list thousands). */
export type PlannedPerson = [member: string, status: RowStatus, sheetRow: number];

/** A space's planned rows (named as bySpace names it): changes first, at most a bounded number, with a count of the rest. */
export interface SpacePeople {
  space: string;
  people: PlannedPerson[];
  /** Rows of this space left out of `people`. */
  more: number;
}

export interface SpaceCounts {
  space: string;
  counts: StatusCounts;
}

/** One member a mirror space would lose, as the sidebar's plan and its confirmation show them. */
export interface MirrorRemovalView {
  /** users/{id} or groups/{id}: what a confirmation names. */
  member: string;
  /** Their email (group:email for a group), or the id when the directory couldn't tell. */
  label: string;
  /** An invitation to withdraw rather than a member to remove. */
  invited: boolean;
}

/** A mirror space's removals, person by person (DESIGN.md §3 Spaces, §6): what an Apply asks about first. */
export interface MirrorSpacePlan {
  /** spaces/{id}: what a confirmation names. */
  space: string;
  /** Its display name, or its resource name. */
  label: string;
  removals: MirrorRemovalView[];
  /** The removals exceed the space's Max removal %: it needs its own confirmation (null when within it). */
  overLimit: { total: number; max: number } | null;
}

/**
 * What the administrator confirmed in the sidebar before an Apply (provisionRoster's argument, DESIGN.md §2):
 * no mirror member is removed that isn't listed here; the confirmation lasts for that run only.
 */
export interface RemovalConfirmation {
  /** Each confirmed removal, by the space's and the member's resource names. */
  removals: { space: string; member: string }[];
  /** Spaces whose removals over Max removal % the administrator confirmed. */
  overLimitSpaces: string[];
}

/** A rule's plan, person by person (DESIGN.md §3 Rules): whom a preview would add or raise, by email. */
export interface RulePlanView {
  /** The Rules sheet row. */
  row: number;
  /** The Source cell, normalised ("ou:/Sales"). */
  source: string;
  /** The space's display name, or its resource name. */
  space: string;
  add: string[];
  raise: string[];
}

/**
 * What the running execution of an Apply publishes for the sidebar to poll (getProgress, DESIGN.md §2):
 * the counts so far, and the pace it measures. JSON-safe: it crosses google.script.run.
 */
export interface LiveProgress {
  /** The run's id: a poll shows only the run it is following. */
  run: string;
  /** Which execution of the run (1, 2, …). */
  execution: number;
  /** When this was published (ms since the epoch, the server's clock). */
  at: number;
  /** 'planning' while the spaces are read, 'applying' while changes go out, 'done' when the execution ended. */
  phase: 'planning' | 'applying' | 'done';
  /** Counts over the whole roster so far (rows done, pending, per status, per space). */
  report: RunReport;
  /** Rows this execution finished per minute since it started writing; 0 until it has. */
  rowsPerMinute: number;
  /** Pending rows ÷ that pace, in seconds; null until the pace is known. */
  secondsLeft: number | null;
}
