/**
 * What checkSetup() returns (DESIGN.md §2): one line per check with the fix for each failure. JSON-safe:
 * it crosses google.script.run to the sidebar.
 */
export type CheckOutcome = 'ok' | 'warning' | 'failed' | 'skipped';

export interface SetupCheck {
  /** What was checked, e.g. "Permissions", "Google Chat app", "Space spaces/AAAA". */
  name: string;
  outcome: CheckOutcome;
  /** What was found, in a sentence. */
  detail: string;
  /** What to do about it; '' when nothing needs doing. */
  fix: string;
}

export interface SetupReport {
  /** No check failed (warnings allowed). */
  ok: boolean;
  checks: SetupCheck[];
  /** One sentence for the top of the report. */
  summary: string;
}
