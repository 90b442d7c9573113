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
 * MAX_FLUSH_CALLS: the blocks that change the most cells go, the other rows wait for the next flush. The final
 * write (after `check`, a whole read that also finds the rows edited during the run) writes every row left, in
 * one block.
 *
 * The run's notes go first (rowNotes.ts), the log's rows (changeLog.ts) right after the statuses, before the
 * one flush that makes both visible.
 */
import { rendered } from '../details';
import type { RosterRow, RowCells, RowOutcome } from '../model';
import type { CellBlock, Clock, RosterStore } from '../ports';
import { placeRows, type RowPlaces } from '../sheet/rowPlaces';
import { ROSTER_SHEET } from '../sheet/readRoster';
import { cellText } from '../sheet/cells';
import { writebackBlocks } from '../sheet/writeBack';
import type { ChangeLog } from './changeLog';
import { changedOutcome } from './outcomes';
import type { RowNotes } from './rowNotes';

interface SheetNow { grid: unknown[][]; places: RowPlaces }

/**
 * Sheets calls a progress flush makes at most (DESIGN.md §5): the check's read, the flush, and status blocks
 * and the log's batch in the two calls left. Each call costs a round trip (~200 ms) during which no membership
 * write goes out, so blocks past that wait 15 s for the next flush rather than cost a call more.
 */
export const MAX_FLUSH_CALLS = 4;
/** The log's rows ride on every this-many-th progress flush (once a minute), and on the final write. */
export const LOG_EVERY_FLUSHES = 4;
/** The final write's status blocks: one, as the base count of an execution's Sheets calls has it. */
const FINAL_BLOCKS = 1;

export class SheetWriter {
  /** The sheet as the last check read it, until a write uses it. */
  private checked: SheetNow | null = null;
  /** The sheet as last read whole, with the rows read since and this writer's writes: what a flush expects. */
  private known: SheetNow | null = null;
  private progressFlushes = 0;

  /**
   * `planned`: every non-blank row of the read the execution planned from; `queueUnplanned`: an apply, whose
   * next execution takes up PENDING rows (a preview leaves edited rows as they are).
   */
  constructor(
    private readonly planned: readonly RosterRow[],
    private readonly deps: { store: RosterStore; clock: Clock },
    private readonly notes: RowNotes | null,
    private readonly log: ChangeLog | null,
    private readonly queueUnplanned: boolean,
  ) {}

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
    const { store } = this.deps;
    this.notes?.keep(outcomes);
    const final = this.checked !== null;
    const logNow = final || this.progressFlushes++ % LOG_EVERY_FLUSHES === 0;
    const maxBlocks = final ? FINAL_BLOCKS : MAX_FLUSH_CALLS - 2 - (logNow && this.log ? 1 : 0);
    const now = this.checked ?? this.progressCheck(outcomes, maxBlocks);
    this.checked = null;
    const blocks = now ? this.blocks(now, outcomes, final, maxBlocks) : [];
    const placeOf = (sheetRow: number) => (now ?? this.known)?.places.placeOf.get(sheetRow);
    if (blocks.length > 0) {
      try {
        store.write(blocks);
      } catch (thrown) {
        this.known = null;
        this.logHeld([], placeOf);
        throw thrown;
      }
      if (now) wrote(now.grid, blocks);
    }
    if (logNow) this.logHeld(runRows, placeOf);
    if (blocks.length > 0 || othersWritten) store.flush();
  }

  private blocks(now: SheetNow, outcomes: readonly RowOutcome[], final: boolean, maxBlocks: number): CellBlock[] {
    const { clock } = this.deps;
    return writebackBlocks({
      grid: now.grid, columns: now.places.columns, outcomes: this.placed(outcomes, now.places, final),
      stamp: clock.stamp(clock.now()),
      formatDate: (ms) => clock.stamp(ms),
      maxBlocks, overflow: final ? 'bridge' : 'defer',
    });
  }

  /**
   * A progress flush's check: null when no row would change; else the rows it writes read again (or the whole
   * sheet, the first time and whenever those rows aren't what the writer knows).
   */
  private progressCheck(outcomes: readonly RowOutcome[], maxBlocks: number): SheetNow | null {
    const known = this.known;
    if (!known || !this.deps.store.readRows) return this.readNow();
    const planned = this.blocks(known, outcomes, false, maxBlocks);
    if (planned.length === 0) return null;
    const first = Math.min(...planned.map((block) => block.row));
    const last = Math.max(...planned.map((block) => block.row + block.values.length - 1));
    const width = Math.max(1, ...known.grid.map((row) => row.length));
    const fresh = this.deps.store.readRows(first, last - first + 1, width);
    if (!fresh) throw new Error(`the ${ROSTER_SHEET} sheet is gone`);
    const columns = known.places.columns;
    const kept = [columns.member, columns.space, columns.role, columns.action, columns.status, columns.details]
      .filter((index): index is number => index !== null);
    const same = fresh.every((row, r) => kept.every((index) => cellText(row[index]) === cellText(known.grid[first - 1 + r]?.[index])));
    if (!same) return this.readNow();
    fresh.forEach((row, r) => {
      known.grid[first - 1 + r] = row;
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
  private logHeld(runRows: readonly string[][], placeOf: (sheetRow: number) => number | undefined): void {
    try {
      this.log?.flush(runRows, placeOf);
    } catch {
      // Held for the next flush (a protected or deleted log sheet must not stop the run).
    }
  }
}

/** The grid as it is once `blocks` are written (the apostrophe that keeps text plain isn't part of a value). */
function wrote(grid: unknown[][], blocks: readonly CellBlock[]): void {
  for (const block of blocks) {
    block.values.forEach((values, r) => {
      const row = (grid[block.row - 1 + r] ??= []);
      values.forEach((value, c) => {
        row[block.column - 1 + c] = value.startsWith("'") ? value.slice(1) : value;
      });
    });
  }
}
