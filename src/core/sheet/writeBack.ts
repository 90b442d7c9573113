/**
 * Outcomes → the cell blocks that write Status / Details / Updated back (DESIGN.md §1 "one read, one write").
 * Each run of adjacent output columns is ONE block spanning the first to the last changed row, whatever
 * the number of rows: rows in between are rewritten with the values just read, which costs nothing in
 * Sheets calls and keeps their content. Missing output headers are added after the last used column.
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

export function writebackBlocks(input: WritebackInput): CellBlock[] {
  const changed = changedRows(input);
  let firstRow = Infinity;
  let lastRow = 0;
  for (const sheetRow of changed.keys()) {
    firstRow = Math.min(firstRow, sheetRow);
    lastRow = Math.max(lastRow, sheetRow);
  }
  const existing = (sheetRow: number, index: number): string =>
    cellText(input.grid[sheetRow - 1]?.[index], input.formatDate);

  const blocks: CellBlock[] = [];
  for (const run of contiguousRuns(outputColumns(input.columns, input.stamp))) {
    const addsHeader = run.some((column) => column.isNew);
    if (!addsHeader && changed.size === 0) continue;
    const top = addsHeader ? 1 : firstRow;
    const bottom = Math.max(lastRow, top);
    const values: string[][] = [];
    for (let sheetRow = top; sheetRow <= bottom; sheetRow++) {
      const outcome = changed.get(sheetRow);
      values.push(run.map((column) => {
        if (sheetRow === 1) return plainText(column.isNew ? column.header : existing(1, column.index));
        return plainText(outcome ? column.value(outcome) : existing(sheetRow, column.index));
      }));
    }
    blocks.push({ row: top, column: run[0].index + 1, values });
  }
  return blocks;
}
