/**
 * The figures of an apply run's progress (no DOM, unit-tested in Node): "X of Y rows done", the bar's percent
 * and its split into as-asked, held and failed rows, the time left, and the same per space.
 */
import type { SpaceCounts } from '../shared/report';
import { ATTENTION_STATUSES as NEEDS_ATTENTION } from '../shared/statuses';
import { displayText } from './escape';
import { countOf, type Counts, formatCount, statusTone } from './format';

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
    const n = countOf(counts, status);
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
    const total = Object.keys(counts).reduce((sum, status) => sum + countOf(counts, status), 0);
    const done = total - countOf(counts, 'PENDING');
    return { space: displayText(space) || '(no space)', done, total, percent: progressPercent(done, total), segments: progressSegments(counts, total) };
  });
}

