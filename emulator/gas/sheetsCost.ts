/**
 * What Sheets calls cost on the virtual clock, and what they moved (FIDELITY.md, "Sheets cost").
 *
 * Apps Script keeps writes in a write cache and commits them at `SpreadsheetApp.flush()` or before the next
 * read (Google's best-practices page; its 2010 blog "Every time you do a read, we must first empty (commit) the
 * write cache"). So: a write call (CACHED_WRITES) costs `writeCallMs`; a flush costs a round trip; any other
 * round trip (sheetEnv.ts: every call but the handle getters) costs `roundTripMs`, and one more when it first
 * commits pending writes. Every cell a value read returns costs `readCellMs`, every cell a value write covers
 * `writeCellMs`. The time passes inside the call, after its effect: a write that runs past the time limit is
 * applied and the execution dies at its next call (as a fetch whose reply is lost, urlFetch.ts). The count of
 * Sheets calls (sheetEnv.ts) still counts every write as a round trip: that count never flatters.
 *
 * Cells are counted per sheet: written (every cell a setValues/setValue/appendRow covers) and changed (whose
 * value or formula is not what it was), row 1 (headers) apart, so the benchmark can hold cells written to
 * at most 1.5 × cells changed (DESIGN.md §5).
 */
import { isDate, type Cell, type CellValue } from './sheetData';

export interface SheetsCost {
  roundTripMs: number;
  /** a write call that goes to the write cache */
  writeCallMs: number;
  readCellMs: number;
  writeCellMs: number;
}

/**
 * Published measurements, the slower where they differ, fitted and rounded up (FIDELITY.md gives the sources):
 * a round trip 160–175 ms on a small sheet, so 175 ms; 400 cached setValues 164 ms, so 0.5 ms a write call; a
 * 4,000-cell setValues < 50 ms and its flush 560 ms more, so 0.1 ms a written cell; no measurement isolates
 * reads (stricter reading): moving a cell into the script took 0.0125 ms at most, taken as 0.02 ms.
 */
export const SHEETS_COST: SheetsCost = { roundTripMs: 175, writeCallMs: 0.5, readCellMs: 0.02, writeCellMs: 0.1 };

/** Writes that Apps Script keeps in its write cache until a flush or a read. */
export const CACHED_WRITES: ReadonlySet<string> = new Set([
  'setValues', 'setValue', 'appendRow', 'clearContent', 'setNumberFormat', 'setNumberFormats', 'setBackground',
  'setFontWeight', 'setDataValidation',
]);

export interface CellCounts {
  written: number;
  changed: number;
  /** of those, in row 1 */
  headerWritten: number;
  headerChanged: number;
}

export interface SheetsIo {
  /** virtual ms the execution's Sheets calls took */
  virtualMs: number;
  /** the same by what took it: a method's round trips or write calls, 'commit', 'cells read', 'cells written' */
  msBy: Record<string, number>;
  cellsRead: number;
  /** cells written by sheet name */
  bySheet: Record<string, CellCounts>;
}

export const newSheetsIo = (): SheetsIo => ({ virtualMs: 0, msBy: {}, cellsRead: 0, bySheet: {} });

/** The sum over sheets (all of them, or those `keep` keeps). */
export function totalCells(io: SheetsIo, keep: (sheet: string) => boolean = () => true): CellCounts {
  const total: CellCounts = { written: 0, changed: 0, headerWritten: 0, headerChanged: 0 };
  for (const [sheet, counts] of Object.entries(io.bySheet)) {
    if (!keep(sheet)) continue;
    total.written += counts.written;
    total.changed += counts.changed;
    total.headerWritten += counts.headerWritten;
    total.headerChanged += counts.headerChanged;
  }
  return total;
}

const sameValue = (a: CellValue, b: CellValue): boolean =>
  isDate(a) && isDate(b) ? a.getTime() === b.getTime() : a === b;

/** Whether writing `after` into a cell that held `before` changes what it holds. */
export function cellChanges(before: Cell | undefined, after: Pick<Cell, 'value' | 'formula'>): boolean {
  return !sameValue(before?.value ?? '', after.value) || (before?.formula ?? undefined) !== after.formula;
}

/** Counts one written cell of `sheet` at `row`. */
export function countWritten(io: SheetsIo, sheet: string, row: number, changed: boolean): void {
  const counts = (io.bySheet[sheet] ??= { written: 0, changed: 0, headerWritten: 0, headerChanged: 0 });
  counts.written++;
  if (changed) counts.changed++;
  if (row === 1) {
    counts.headerWritten++;
    if (changed) counts.headerChanged++;
  }
}
