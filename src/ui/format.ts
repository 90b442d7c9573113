/**
 * Pure wording and arithmetic of the sidebar: counts → sentences, progress, the time-left estimate,
 * the plan per space, server errors → plain sentences. No DOM here, so it is unit-tested in Node.
 */
import { ADMIN_SENTENCE_PREFIX } from '../shared/sentences';
import type { RunReport, SpaceCounts } from '../shared/report';
import type { RosterSummary } from '../shared/sidebar';
import {
  ATTENTION_STATUSES as NEEDS_ATTENTION, countPhrase, isRowStatus, ROW_STATUSES, STATUS,
  type RowStatus, type StatusCounts, type Tone,
} from '../shared/statuses';
import { displayText } from './escape';

export type { Tone };

/** Counts as the sidebar receives them: per status of the table, or per Status cell as read (any text). */
type Counts = Readonly<Partial<Record<string, number>>>;

/** Statuses in the order the sidebar lists them (the table's); '' is a row that never ran. */
export const STATUS_ORDER: readonly string[] = [...ROW_STATUSES, ''];

/** Statuses the administrator has to look at in the Details column, worst first (the table lists them worst last). */
export const ATTENTION_STATUSES: readonly RowStatus[] = [...NEEDS_ATTENTION].reverse();

/** The same colour families as the Status column of the Roster sheet; a blank or unknown status is neutral. */
export function statusTone(status: string): Tone {
  return isRowStatus(status) ? STATUS[status].tone : 'neutral';
}

/**
 * A status in words, from the status table ("Roles to change" for WOULD_UPDATE_ROLE); the code itself is the
 * tooltip (statusTitle), as the sheet's Status column writes it. A blank status reads "Not run yet".
 */
export function statusLabel(status: string, forOneRow = false): string {
  if (status === '') return 'Not run yet';
  if (!isRowStatus(status)) return displayText(status, 40);
  const words = STATUS[status].countWords[forOneRow ? 0 : 1];
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The tooltip of a status's words: the code the Status column shows. */
export function statusTitle(status: string): string {
  return status === '' ? 'Blank Status cell: the row has not run yet' : `Status column: ${displayText(status, 40)}`;
}

/** 1234567 → "1,234,567" (no Intl: the same in every browser and in Node). */
export function formatCount(value: number): string {
  const n = Number.isFinite(value) ? Math.round(value) : 0;
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 row", "1,204 rows". */
export function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

const count = (counts: Counts | undefined, status: string): number => {
  const value = counts ? counts[status] : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
};

export interface SummaryEntry {
  status: string;
  label: string;
  count: number;
  tone: Tone;
}

/** Counts per status, in STATUS_ORDER, then any unknown status alphabetically; zero counts left out. */
export function summaryEntries(counts: Counts): SummaryEntry[] {
  const known = STATUS_ORDER.filter((status) => count(counts, status) > 0);
  const unknown = Object.keys(counts).filter((status) => !STATUS_ORDER.includes(status) && count(counts, status) > 0).sort();
  return [...known, ...unknown].map((status) => ({
    status, label: statusLabel(status), count: count(counts, status), tone: statusTone(status),
  }));
}

/** "120 rows in 8 spaces". */
export function rosterSentence(summary: RosterSummary): string {
  if (summary.rows === 0) return 'The Roster sheet has no rows yet: put a member and a space on each row below the headers.';
  return `${plural(summary.rows, 'row', 'rows')} in ${plural(summary.spaces, 'space', 'spaces')}`;
}

/** "1,234 of 10,000 rows done". */
export function progressText(done: number, rows: number): string {
  return `${formatCount(done)} of ${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'} done`;
}

/** Whole percent for the progress bar, 0–100; 100 when there is nothing to do. */
export function progressPercent(done: number, rows: number): number {
  if (!(rows > 0)) return 100;
  return Math.max(0, Math.min(100, Math.floor((done / rows) * 100)));
}

/**
 * The time left: pending rows ÷ the write budget per minute (a pending row costs at most one write,
 * two for a Manager or Owner, none when unchanged — so it's an estimate, said as one).
 */
export function timeLeft(pending: number, writesPerMinute: number): string {
  if (!(pending > 0) || !(writesPerMinute > 0)) return '';
  const minutes = pending / writesPerMinute;
  if (minutes < 1) return 'less than a minute left';
  if (minutes < 59.5) {
    const whole = Math.round(minutes);
    return `about ${whole} ${whole === 1 ? 'minute' : 'minutes'} left`;
  }
  let hours = Math.floor(minutes / 60);
  let tens = Math.round((minutes - hours * 60) / 10) * 10;
  if (tens === 60) {
    hours += 1;
    tens = 0;
  }
  const hourText = `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return tens === 0 ? `about ${hourText} left` : `about ${hourText} ${tens} minutes left`;
}

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
    const total = Object.keys(counts).reduce((sum, status) => sum + count(counts, status), 0);
    const planned = PLANNED.reduce((sum, status) => sum + count(counts, status), 0);
    const column = (name: keyof typeof PLAN_COLUMNS) => count(counts, PLAN_COLUMNS[name]);
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

/** Per-space progress of an apply run: done is everything but PENDING. */
export interface SpaceProgress {
  space: string;
  done: number;
  total: number;
  percent: number;
  /** The done rows' shares of the total, in whole percent: as asked, held by a guard, failed (invalid or error). */
  segments: ProgressSegments;
}

export interface ProgressSegments { ok: number; held: number; failed: number }

/**
 * How a bar splits its done rows, in whole percent of `total`: failed rows (a problem tone: INVALID, ERROR)
 * in red and held ones (the other statuses needing attention) in amber, so a bar is never full and green
 * over rows that failed.
 */
export function progressSegments(counts: Counts, total: number): ProgressSegments {
  if (!(total > 0)) return { ok: 0, held: 0, failed: 0 };
  let failed = 0;
  let held = 0;
  let done = 0;
  for (const status of Object.keys(counts)) {
    const n = count(counts, status);
    if (status === 'PENDING' || n === 0) continue;
    done += n;
    if (statusTone(status) === 'problem') failed += n;
    else if ((NEEDS_ATTENTION as readonly string[]).includes(status)) held += n;
  }
  const percent = (n: number) => Math.floor((n / total) * 100);
  return { ok: percent(done - failed - held), held: percent(held), failed: percent(failed) };
}

export function spaceProgress(bySpace: readonly SpaceCounts[]): SpaceProgress[] {
  return bySpace.map(({ space, counts }) => {
    const total = Object.keys(counts).reduce((sum, status) => sum + count(counts, status), 0);
    const done = total - count(counts, 'PENDING');
    return { space: displayText(space) || '(no space)', done, total, percent: progressPercent(done, total), segments: progressSegments(counts, total) };
  });
}

/** Members a preview would remove. */
export function removalCount(report: RunReport): number {
  return count(report.counts, 'WOULD_REMOVE');
}

/** "3 rows need attention (2 errors, 1 held): see the Details column in the Roster sheet." or ''. */
export function attentionSentence(counts: StatusCounts): string {
  const needing = ATTENTION_STATUSES.filter((status) => count(counts, status) > 0);
  const parts = needing.map((status) => countPhrase(status, count(counts, status), formatCount));
  const total = needing.reduce((sum, status) => sum + count(counts, status), 0);
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

/** "07:00" for the hour select. */
export function hourLabel(hour: number): string {
  return `${hour < 10 ? '0' : ''}${hour}:00`;
}

/**
 * A Log sheet time as a short label. The server sends either what the sheet shows
 * ("2024-05-01 10:00:00", spreadsheet time) or an ISO instant (a date cell); the first is kept as it
 * is, without seconds; the second is shown in the viewer's time zone.
 */
export function formatStarted(text: string, locale?: string, timeZone?: string): string {
  const plain = displayText(text, 60).trim();
  const local = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/.exec(plain);
  if (local) return `${local[1]} ${local[2]}`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(plain)) {
    const date = new Date(plain);
    if (!Number.isNaN(date.getTime())) {
      try {
        return new Intl.DateTimeFormat(locale, {
          year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone,
        }).format(date);
      } catch {
        return plain;
      }
    }
  }
  return plain;
}

/** What the sidebar was doing when a call failed, for the sentence that says so. */
export type Action = 'load' | 'preview' | 'apply' | 'stop' | 'nightly' | 'admin' | 'setup' | 'check' | 'import';

const DOING: Record<Action, string> = {
  load: 'load the roster',
  preview: 'preview the roster',
  apply: 'apply the roster',
  stop: 'stop the run',
  nightly: 'change the nightly sync',
  admin: 'change admin access',
  setup: 'set up the Roster sheet',
  check: 'check the setup',
  import: 'import the members',
};

/** The message of whatever a failure handler received (an Error, a string, anything). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return typeof error === 'string' ? error : '';
}

const RESUME_HINT = ' The rows not done yet stay PENDING: press Resume to continue.';

/** A failed google.script.run call as one plain sentence that says what to do. */
export function errorSentence(action: Action, error: unknown): string {
  const raw = displayText(errorMessage(error), 300).replace(/^(Exception|Error|TypeError|ScriptError):\s*/i, '').trim();
  const during = action === 'apply' ? RESUME_HINT : '';
  if (raw.startsWith(ADMIN_SENTENCE_PREFIX)) return raw;
  if (/exceeded maximum execution time|timed? ?out/i.test(raw)) {
    return `The last step ran out of time (Apps Script stops a call after 6 minutes).${action === 'apply' ? RESUME_HINT : ' Try again.'}`;
  }
  if (/networkerror|network error|failed to fetch|connection|http 0\b|offline|could not connect|unable to connect/i.test(raw)) {
    return `Chat Roster couldn't reach Google Sheets: check your connection and try again.${during}`;
  }
  if (/authori[sz]ation is required|not authori[sz]ed|permission|permission_denied|access denied|access not granted/i.test(raw)) {
    return `Chat Roster doesn't have permission to ${DOING[action]}: reopen it from Extensions › Chat Roster and allow access, or ask your Workspace admin.${during}`;
  }
  if (/too many times|quota|rate limit|limit exceeded/i.test(raw)) {
    return `Google's usage limit for your account is reached for now: try again later.${during}`;
  }
  if (/server error|internal error|backend error|service unavailable|temporarily unavailable|try again later/i.test(raw)) {
    return `Google had a temporary problem: try again in a minute.${during}`;
  }
  if (/script function not found|is not a function|not found:/i.test(raw)) {
    return 'This copy of Chat Roster is out of date: reload the spreadsheet and open the sidebar again.';
  }
  const reason = raw.replace(/[.\s]+$/, '');
  const next = action === 'apply' ? RESUME_HINT : ' Try again.';
  return reason
    ? `Chat Roster couldn't ${DOING[action]}: ${reason}.${next}`
    : `Chat Roster couldn't ${DOING[action]}.${next}`;
}
