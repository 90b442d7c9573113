/**
 * What Sheets calls cost on the virtual clock, and what they moved (FIDELITY.md, "Sheets cost").
 *
 * Every round trip (sheetEnv.ts: every call but the handle getters) costs `roundTripMs`; every cell a value
 * read returns costs `readCellMs`, every cell a value write covers `writeCellMs`. The time passes inside the
 * call, after its effect: a write that runs past the time limit is applied and the execution dies at its
 * next call (as a fetch whose reply is lost, urlFetch.ts).
 *
 * Cells are counted per sheet: written (every cell a setValues/setValue/appendRow covers) and changed (whose
 * value or formula is not what it was), row 1 (headers) apart, so the benchmark can hold cells written to
 * at most 1.5 × cells changed (DESIGN.md §5).
 */
import { isDate, type Cell, type CellValue } from './sheetData';

export interface SheetsCost {
  roundTripMs: number;
  readCellMs: number;
  writeCellMs: number;
}

/**
 * Published measurements, fitted and rounded up (FIDELITY.md gives the sources): a round trip 160–175 ms on a
 * small sheet, taken as 200 ms; a 4,000-cell setValues and its flush (two round trips) 610 ms, so a written
 * cell 0.06 ms; no measurement isolates reads: moving a cell into the script took 0.0125 ms, taken as 0.02 ms.
 */
export const SHEETS_COST: SheetsCost = { roundTripMs: 200, readCellMs: 0.02, writeCellMs: 0.06 };

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
  cellsRead: number;
  /** cells written by sheet name */
  bySheet: Record<string, CellCounts>;
}

export const newSheetsIo = (): SheetsIo => ({ virtualMs: 0, cellsRead: 0, bySheet: {} });

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
