/**
 * Outcomes → the cell blocks that write Status / Details / Updated back (DESIGN.md §1, §5): only the rows
 * whose Status or Details change, adjacent rows in one block, and nearby blocks joined (the rows between
 * rewritten with what they hold) while the cells written stay within 1.5 × the cells that change. Each run
 * of adjacent output columns gets the same row spans. Missing output headers are added after the last used
 * column. How many of the blocks a flush writes is the caller's choice (sheetWriter.ts).
 */
import { cellText, plainText } from './cells';
import type { RowCells } from '../model';
import type { CellBlock } from '../ports';
import { HEADERS, type ColumnMap } from './readRoster';

type Grid = readonly (readonly unknown[])[];

/** Where a sheet's output columns are (0-based, null when absent) and how wide it is: the Roster's, or the Spaces sheet's. */
export type OutputColumns = Pick<ColumnMap, 'status' | 'details' | 'updated' | 'width'>;

export interface WritebackInput {
  grid: Grid;
  columns: OutputColumns;
  /** What each row's Status and Details now say (details.ts `rendered`). */
  outcomes: readonly RowCells[];
  /** Clock.stamp(now): the Updated value of every row whose status or details change. */
  stamp: string;
  /** Renders Date cells read back from Updated (Clock.stamp), so rewriting them keeps their look. */
  formatDate: (ms: number) => string;
  /**
   * At most this many row spans (default: all): 'defer' keeps those that change the most cells (the others wait
   * for a later write), 'bridge' joins the nearest spans until that many are left (every row is written).
   */
  maxBlocks?: number;
  overflow?: 'defer' | 'bridge';
}

interface OutputColumn {
  index: number;
  header: string;
  isNew: boolean;
  /** The value this column gets in a changed row. */
  value: (cells: RowCells) => string;
}

/** The columns that say what happened to a row: a row whose cells here differ from what it now says has changed. */
const SAID: readonly ('status' | 'details')[] = ['status', 'details'];

function outputColumns(columns: OutputColumns, stamp: string): OutputColumn[] {
  let next = columns.width;
  const place = (index: number | null, header: string, value: OutputColumn['value']): OutputColumn =>
    index === null ? { index: next++, header, isNew: true, value } : { index, header, isNew: false, value };
  return [
    ...SAID.map((key) => place(columns[key], HEADERS[key], (cells) => cells[key])),
    place(columns.updated, HEADERS.updated, () => stamp),
  ].sort((a, b) => a.index - b.index);
}

/** Adjacent columns share a block. */
function contiguousRuns(columns: OutputColumn[]): OutputColumn[][] {
  const runs: OutputColumn[][] = [];
  for (const column of columns) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1].index + 1 === column.index) last.push(column);
    else runs.push([column]);
  }
  return runs;
}

/** Rows whose Status or Details cells differ from what the sheet holds now (cell against cell: nothing is decided by what they say). */
function changedRows(input: WritebackInput): Map<number, RowCells> {
  const { grid, columns } = input;
  const read = (sheetRow: number, index: number | null): string =>
    index === null ? '' : cellText(grid[sheetRow - 1]?.[index]);
  const changed = new Map<number, RowCells>();
  for (const cells of input.outcomes) {
    if (SAID.some((key) => read(cells.sheetRow, columns[key]) !== cells[key])) changed.set(cells.sheetRow, cells);
  }
  return changed;
}

/** Rows first..last (1-based, inclusive). */
export interface RowSpan { first: number; last: number }

/**
 * Groups the changed rows (sorted) into spans: adjacent rows share one; then the smallest gaps between spans
 * are bridged (their rows rewritten with what they hold) while the cells written stay within `ratio` × the
 * cells that change, so a flush costs few calls without rewriting the roster.
 */
export function rowSpans(rows: readonly number[], cellsOf: (row: number) => number, width: number, ratio: number, maxSpans = Infinity): RowSpan[] {
  const spans: RowSpan[] = [];
  for (const row of rows) {
    const last = spans[spans.length - 1];
    if (last && last.last + 1 === row) last.last = row;
    else spans.push({ first: row, last: row });
  }
  const changedCells = rows.reduce((sum, row) => sum + cellsOf(row), 0);
  let written = rows.length * width;
  const gaps = spans.slice(1).map((span, index) => ({ index, rows: span.first - spans[index].last - 1 }))
    .sort((a, b) => a.rows - b.rows || a.index - b.index);
  const bridged = new Set<number>();
  let count = spans.length;
  for (const gap of gaps) {
    if (written + gap.rows * width > ratio * changedCells && count <= maxSpans) break;
    count--;
    written += gap.rows * width;
    bridged.add(gap.index);
  }
  const merged: RowSpan[] = [];
  spans.forEach((span, index) => {
    if (index > 0 && bridged.has(index - 1)) merged[merged.length - 1].last = span.last;
    else merged.push({ ...span });
  });
  return merged;
}

/** The `max` spans (in sheet order) holding the most changed cells; all of them without a max. */
function largest(spans: RowSpan[], rows: readonly number[], cellsOf: (row: number) => number, max?: number): RowSpan[] {
  if (max === undefined || spans.length <= max) return spans;
  const weight = (span: RowSpan) => rows.filter((row) => row >= span.first && row <= span.last).reduce((sum, row) => sum + cellsOf(row), 0);
  const kept = new Set(spans.map((span) => ({ span, weight: weight(span) })).sort((a, b) => b.weight - a.weight).slice(0, max).map(({ span }) => span));
  return spans.filter((span) => kept.has(span));
}

/** Cells written at most this many times the cells that change (DESIGN.md §5). */
export const WRITE_RATIO = 1.5;

export function writebackBlocks(input: WritebackInput): CellBlock[] {
  const changed = changedRows(input);
  const existing = (sheetRow: number, index: number): string =>
    cellText(input.grid[sheetRow - 1]?.[index], input.formatDate);
  const columns = outputColumns(input.columns, input.stamp);
  const newValue = (outcome: RowCells, column: OutputColumn) => column.value(outcome);
  // What a row's cells change: Updated changes with them unless the stamp is the same second's.
  const cellsOf = (sheetRow: number) => {
    const outcome = changed.get(sheetRow)!;
    return columns.filter((column) => column.isNew || newValue(outcome, column) !== existing(sheetRow, column.index)).length;
  };
  const rows = [...changed.keys()].sort((a, b) => a - b);
  const valueAt = (sheetRow: number, column: OutputColumn): string => {
    if (sheetRow === 1) return plainText(column.isNew ? column.header : existing(1, column.index));
    const outcome = changed.get(sheetRow);
    return plainText(outcome ? newValue(outcome, column) : existing(sheetRow, column.index));
  };

  const blocks: CellBlock[] = [];
  for (const run of contiguousRuns(columns)) {
    // A new header column is written from row 1 down, once (every row below then gets its first status).
    const spans = run.some((column) => column.isNew)
      ? [{ first: 1, last: Math.max(1, rows[rows.length - 1] ?? 1) }]
      : input.overflow === 'bridge'
        ? rowSpans(rows, cellsOf, columns.length, WRITE_RATIO, input.maxBlocks)
        : largest(rowSpans(rows, cellsOf, columns.length, WRITE_RATIO), rows, cellsOf, input.maxBlocks);
    for (const span of spans) {
      const values: string[][] = [];
      for (let sheetRow = span.first; sheetRow <= span.last; sheetRow++) values.push(run.map((column) => valueAt(sheetRow, column)));
      blocks.push({ row: span.first, column: run[0].index + 1, values });
    }
  }
  return blocks;
}
