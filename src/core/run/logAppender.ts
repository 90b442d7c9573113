/**
 * Appends to the Chat Roster Log (DESIGN.md §3, §5): in batches, inside the flushes a run already makes.
 * The log's last row is read once per execution; later batches go right under the rows this execution
 * wrote (the document lock keeps other runs out), so each batch costs one write. Past `maxRows` entries the
 * oldest are deleted, with 1% more room each time, so that trimming is one call every thousand or so rows
 * logged rather than one per batch.
 */
import type { RunLog } from '../ports';

/** The log keeps at most this many entries (rows under the headers). */
export const LOG_MAX_ROWS = 100_000;

export class LogAppender {
  /** The row the next batch starts at; null until the log's last row has been read. */
  private next: number | null = null;

  constructor(private readonly log: RunLog, private readonly maxRows: number = LOG_MAX_ROWS) {}

  append(rows: string[][]): void {
    if (rows.length === 0) return;
    let next = this.next ?? this.log.lastRow() + 1;
    // Until this batch is written, where the log ends is unknown again: after a failure below, it is read anew.
    this.next = null;
    const entries = next - 2;
    const over = entries + rows.length - this.maxRows;
    if (over > 0) {
      const trimmed = Math.min(entries, over + Math.floor(this.maxRows / 100));
      if (trimmed > 0) {
        this.log.deleteRows(2, trimmed);
        next -= trimmed;
      }
    }
    this.log.write(next, rows);
    this.next = next + rows.length;
  }
}
