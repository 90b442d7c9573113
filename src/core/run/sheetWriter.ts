/**
 * Writes a run's outcomes to the Roster sheet in column blocks (writeBack.ts), each write checked against the
 * sheet as it is now (DESIGN.md §1): the sheet is read again first, each planned row's status goes to the row
 * that holds its inputs now (rowPlaces.ts), and rows in between keep what they hold now. A row whose inputs
 * nobody planned (the administrator edited or inserted it during the run) gets no stale status: an apply
 * queues it PENDING, so the next execution applies it as it is now. Cost: one read (one Sheets call) per write.
 *
 * The run's notes go first (rowNotes.ts), the log's rows (changeLog.ts) right after the statuses, before the
 * one flush that makes both visible.
 */
import { rendered } from '../details';
import type { RosterRow, RowCells, RowOutcome } from '../model';
import type { Clock, RosterStore } from '../ports';
import { placeRows, type RowPlaces } from '../sheet/rowPlaces';
import { ROSTER_SHEET } from '../sheet/readRoster';
import { writebackBlocks } from '../sheet/writeBack';
import type { ChangeLog } from './changeLog';
import { changedOutcome } from './outcomes';
import type { RowNotes } from './rowNotes';

interface SheetNow { grid: unknown[][]; places: RowPlaces }

export class SheetWriter {
  /** The sheet as the last check read it, until a write uses it. */
  private checked: SheetNow | null = null;

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
   * Reads the sheet again for the next write; returns how many rows it will queue because they changed since
   * the plan (0 for a preview). Throws when the sheet can't be read or has lost its Member or Space header.
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
    return { grid, places };
  }

  /**
   * Writes `outcomes` (keyed by planned row) where their rows are now. `runRows`: the run row, when the run ends
   * with this write; `othersWritten`: another sheet was written (Spaces), to be made visible by the same flush.
   */
  write(outcomes: readonly RowOutcome[], runRows: readonly string[][] = [], othersWritten = false): void {
    const { clock, store } = this.deps;
    this.notes?.keep(outcomes);
    const { grid, places } = this.checked ?? this.readNow();
    this.checked = null;
    const blocks = writebackBlocks({
      grid, columns: places.columns, outcomes: this.placed(outcomes, places),
      stamp: clock.stamp(clock.now()),
      formatDate: (ms) => clock.stamp(ms),
    });
    const placeOf = (sheetRow: number) => places.placeOf.get(sheetRow);
    if (blocks.length > 0) {
      try {
        store.write(blocks);
      } catch (thrown) {
        this.logHeld([], placeOf);
        throw thrown;
      }
    }
    this.logHeld(runRows, placeOf);
    if (blocks.length > 0 || othersWritten) store.flush();
  }

  /** Each outcome at its row's place now (none for a row no longer there), and the queued unplanned rows. */
  private placed(outcomes: readonly RowOutcome[], places: RowPlaces): RowCells[] {
    const cells: RowCells[] = [];
    for (const outcome of outcomes) {
      const at = places.placeOf.get(outcome.sheetRow);
      if (at !== undefined) cells.push({ ...rendered(outcome), sheetRow: at });
    }
    if (this.queueUnplanned) for (const row of places.unplanned) cells.push(rendered(changedOutcome(row.sheetRow)));
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
