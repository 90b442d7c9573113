/**
 * Writes a run's outcomes to the Roster sheet in row blocks (writeBack.ts), each write checked against the
 * sheet as it is now (DESIGN.md §1): each planned row's status goes to the row that holds its inputs now
 * (rowPlaces.ts), and rows in between keep what they hold now. A row whose inputs nobody planned (the
 * administrator edited or inserted it during the run) gets no stale status: an apply queues it PENDING, so the
 * next execution applies it as it is now.
 *
 * Cost (DESIGN.md §5). The writer keeps the sheet as it last read it, with its own writes since. A progress
 * flush reads again only the rows from the first to the last it will write (one call); if they hold what it
 * knows, the places it knows hold, else it reads the whole sheet and places every row again. It keeps to
 * MAX_FLUSH_CALLS: what changes the most cells goes, the other rows wait for the next flush. The final write
 * (after `check`, a whole read that also finds the rows edited during the run) writes every row left, in one
 * block. The log's rows go once a minute, and at the final write.
 *
 * The run's notes go first (rowNotes.ts), the log's rows (changeLog.ts) right after the statuses, before the
 * one flush that makes both visible.
 */
import { rendered } from '../details';
import type { RosterRow, RowCells, RowOutcome } from '../model';
import type { Clock, RosterStore } from '../ports';
import { placeRows, type RowPlaces } from '../sheet/rowPlaces';
import { ROSTER_SHEET } from '../sheet/readRoster';
import { cellText } from '../sheet/cells';
import { writeback, type Writeback } from '../sheet/writeBack';
import type { ChangeLog } from './changeLog';
import { changedOutcome } from './outcomes';
import type { RowNotes } from './rowNotes';

interface SheetNow { grid: unknown[][]; places: RowPlaces }

/**
 * Sheets calls for the statuses at a progress flush: one Status, one Details and one Updated value (RangeList)
 * when rows changed all over the roster, or up to three blocks. Rows that don't fit wait 15 s for the next
 * flush. Each call is a write into Apps Script's write cache, committed by the flush in one round trip.
 */
export const FLUSH_STATUS_CALLS = 6;
/** Sheets calls a progress flush makes at most: the check's read, the statuses, the log's batch, the flush. */
export const MAX_FLUSH_CALLS = 1 + FLUSH_STATUS_CALLS + 1 + 1;
/** The log's rows ride on every this-many-th progress flush (once a minute), and on the final write. */
export const LOG_EVERY_FLUSHES = 2;
/**
 * The final write's status calls: usually one block (a progress write after the last round left little), but a
 * short execution (no progress written) may end with rows all over the roster, of several kinds (added, as
 * Manager, already a member…): as value runs, one call per distinct Status, Details and Updated value, rather
 * than one block spanning them all (the 176 rows of a 10,000-row roster's last execution, 10 values, would
 * rewrite 5,000 cells).
 */
const FINAL_CALLS = 2 * FLUSH_STATUS_CALLS;
/**
 * Progress writes take about 1/PROGRESS_SHARE of an execution at most: the next one comes no sooner than this
 * many times what the last one took (a large roster's check reads more rows), and at least once a minute.
 */
const PROGRESS_SHARE = 60;
const PROGRESS_MAX_MS = 60_000;

/**
 * Whether a progress flush writes the sheet now: every `everyMs`, and, once progress has been `written`, after
 * the round that ends the work (`ended`: nothing more to send; or the deadline passed: the rounds then only finish what was
 * started). The final write then has (nearly) nothing left to write: its block (FINAL_CALLS) never has to
 * span rows changed all over the roster.
 */
export function progressDue(sinceLastMs: number, everyMs: number, untilDeadlineMs: number, ended: boolean, written: boolean): boolean {
  if (sinceLastMs >= everyMs) return true;
  // A short run (no progress written yet) ends with its one final write: its rows are few.
  return written && (untilDeadlineMs <= 0 || ended);
}

export class SheetWriter {
  /** The sheet as the last check read it, until a write uses it. */
  private checked: SheetNow | null = null;
  /** The sheet as last read whole, with the rows read since and this writer's writes: what a flush expects. */
  private known: SheetNow | null = null;
  private progressFlushes = 0;
  /** Virtual ms the last progress write took (its check, writes and flush). */
  private lastProgressMs = 0;

  /**
   * `planned`: every non-blank row of the read the execution planned from (`opened`: that read, when the caller
   * has it); `queueUnplanned`: an apply, whose next execution takes up PENDING rows (a preview leaves edited rows
   * as they are).
   */
  constructor(
    private readonly planned: readonly RosterRow[],
    private readonly deps: { store: RosterStore; clock: Clock },
    private readonly notes: RowNotes | null,
    private readonly log: ChangeLog | null,
    private readonly queueUnplanned: boolean,
    opened?: unknown[][],
  ) {
    const places = opened ? placeRows(planned, opened) : null;
    if (opened && places && typeof places !== 'string') this.known = { grid: opened.map((row) => [...row]), places };
  }

  /** How long to wait between progress writes: `minMs`, or longer when they cost more (PROGRESS_SHARE). */
  progressEveryMs(minMs: number): number {
    return Math.min(PROGRESS_MAX_MS, Math.max(minMs, this.lastProgressMs * PROGRESS_SHARE));
  }

  /**
   * Reads the whole sheet again for the final write; returns how many rows it will queue because they changed
   * since the plan (0 for a preview). Throws when the sheet can't be read or has lost its Member or Space header.
   */
  check(): number {
    this.checked = this.readNow();
    return this.queueUnplanned ? this.checked.places.unplanned.length : 0;
  }

  private readNow(): SheetNow {
    const grid = this.deps.store.read();
    if (!grid) throw new Error(`the ${ROSTER_SHEET} sheet is gone`);
    const places = placeRows(this.planned, grid);
    if (typeof places === 'string') throw new Error(places);
    return (this.known = { grid, places });
  }

  /**
   * Writes `outcomes` (keyed by planned row) where their rows are now. `runRows`: the run row, when the run ends
   * with this write; `othersWritten`: another sheet was written (Spaces), to be made visible by the same flush.
   */
  write(outcomes: readonly RowOutcome[], runRows: readonly string[][] = [], othersWritten = false): void {
    const { store, clock } = this.deps;
    const startedAt = clock.now();
    this.notes?.keep(outcomes);
    const final = this.checked !== null;
    const logNow = final || this.progressFlushes++ % LOG_EVERY_FLUSHES === 0;
    const now = this.checked ?? this.progressCheck(outcomes);
    this.checked = null;
    const plan = now ? this.plan(now, outcomes, final) : { blocks: [], runs: [] };
    const placeOf = (sheetRow: number) => (now ?? this.known)?.places.placeOf.get(sheetRow);
    const writes = plan.blocks.length + plan.runs.length;
    if (writes > 0) {
      try {
        if (plan.blocks.length > 0) store.write(plan.blocks);
        if (plan.runs.length > 0) store.writeRuns?.(plan.runs);
      } catch (thrown) {
        this.known = null;
        this.logHeld([], placeOf);
        throw thrown;
      }
      if (now) wrote(now.grid, plan);
    }
    const logged = logNow && this.logHeld(runRows, placeOf);
    // The final write always flushes: the log's rows may be all it has, and they must show before the lock goes.
    if (writes > 0 || logged || othersWritten || final) store.flush();
    if (!final) this.lastProgressMs = clock.now() - startedAt;
  }

  private plan(now: SheetNow, outcomes: readonly RowOutcome[], final: boolean): Writeback {
    const { clock, store } = this.deps;
    return writeback({
      grid: now.grid, columns: now.places.columns, outcomes: this.placed(outcomes, now.places, final),
      stamp: clock.stamp(clock.now()),
      formatDate: (ms) => clock.stamp(ms),
    }, final
      ? { maxCalls: FINAL_CALLS, overflow: 'bridge', runs: store.writeRuns !== undefined }
      : { maxCalls: FLUSH_STATUS_CALLS, overflow: 'defer', runs: store.writeRuns !== undefined });
  }

  /**
   * A progress flush's check: null when no row would change; else the rows it writes read again (or the whole
   * sheet, the first time and whenever those rows aren't what the writer knows).
   */
  private progressCheck(outcomes: readonly RowOutcome[]): SheetNow | null {
    const known = this.known;
    if (!known || !this.deps.store.readRows) return this.readNow();
    const rows = rowsOf(this.plan(known, outcomes, false));
    if (rows.length === 0) return null;
    const first = rows[0];
    const last = rows[rows.length - 1];
    const columns = known.places.columns;
    const kept = [columns.member, columns.space, columns.role, columns.action, columns.status, columns.details]
      .filter((index): index is number => index !== null);
    // The columns up to the last one checked: the inputs, Status and Details (Updated is only ever written).
    const fresh = this.deps.store.readRows(first, last - first + 1, Math.max(...kept) + 1);
    if (!fresh) throw new Error(`the ${ROSTER_SHEET} sheet is gone`);
    const same = fresh.every((row, r) => kept.every((index) => cellText(row[index]) === cellText(known.grid[first - 1 + r]?.[index])));
    if (!same) return this.readNow();
    fresh.forEach((row, r) => {
      const knownRow = (known.grid[first - 1 + r] ??= []);
      row.forEach((value, c) => {
        knownRow[c] = value;
      });
    });
    return known;
  }

  /** Each outcome at its row's place now (none for a row no longer there), and, at the final write, the queued unplanned rows. */
  private placed(outcomes: readonly RowOutcome[], places: RowPlaces, final = true): RowCells[] {
    const cells: RowCells[] = [];
    for (const outcome of outcomes) {
      const at = places.placeOf.get(outcome.sheetRow);
      if (at !== undefined) cells.push({ ...rendered(outcome), sheetRow: at });
    }
    if (this.queueUnplanned && final) for (const row of places.unplanned) cells.push(rendered(changedOutcome(row.sheetRow)));
    return cells;
  }

  /** The log is a record, not the checkpoint: if it can't be written, its rows wait for the next flush. */
  private logHeld(runRows: readonly string[][], placeOf: (sheetRow: number) => number | undefined): boolean {
    try {
      return this.log?.flush(runRows, placeOf) ?? false;
    } catch {
      // Held for the next flush (a protected or deleted log sheet must not stop the run).
      return false;
    }
  }
}

/** The first and last sheet rows a plan writes (sorted, the two ends are what matter). */
function rowsOf(plan: Writeback): number[] {
  const rows = [
    ...plan.blocks.flatMap((block) => [block.row, block.row + block.values.length - 1]),
    ...plan.runs.flatMap((run) => run.rows.flatMap((span) => [span.first, span.last])),
  ];
  return rows.sort((a, b) => a - b);
}

/** The grid as it is once `plan` is written (the apostrophe that keeps text plain isn't part of a value). */
function wrote(grid: unknown[][], plan: Writeback): void {
  const set = (row: number, column: number, value: string) => {
    (grid[row - 1] ??= [])[column - 1] = value.startsWith("'") ? value.slice(1) : value;
  };
  for (const block of plan.blocks) {
    block.values.forEach((values, r) => values.forEach((value, c) => set(block.row + r, block.column + c, value)));
  }
  for (const run of plan.runs) {
    for (const span of run.rows) for (let row = span.first; row <= span.last; row++) set(row, run.column, run.value);
  }
}
