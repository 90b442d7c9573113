/**
 * The sidebar's words for numbers, times and statuses (no DOM, unit-tested in Node): counts with thousands
 * separators, plurals, a status's label, tone and tooltip, the rows per status, the hour and a run's start.
 * The sentences built from them are in reportSentences.ts, progressFigures.ts and errorSentence.ts.
 */
import {
  ATTENTION_STATUSES as NEEDS_ATTENTION, isRowStatus, ROW_STATUSES, STATUS,
  type RowStatus, type Tone,
} from '../shared/statuses';
import { displayText } from './escape';

export type { Tone };

/** Counts as the sidebar receives them: per status of the table, or per Status cell as read (any text). */
export type Counts = Readonly<Partial<Record<string, number>>>;

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

/** A status's count, 0 when missing or not a number. */
export const countOf = (counts: Counts | undefined, status: string): number => {
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
  const known = STATUS_ORDER.filter((status) => countOf(counts, status) > 0);
  const unknown = Object.keys(counts).filter((status) => !STATUS_ORDER.includes(status) && countOf(counts, status) > 0).sort();
  return [...known, ...unknown].map((status) => ({
    status, label: statusLabel(status), count: countOf(counts, status), tone: statusTone(status),
  }));
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

