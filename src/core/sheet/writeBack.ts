/**
 * Outcomes → the writes of Status / Details / Updated (DESIGN.md §1, §5): only the rows whose Status or Details
 * change, in as few calls as the caller allows (sheetWriter.ts), the cells written within 1.5 × the cells that
 * change. Two shapes:
 * - blocks (one setValues each): adjacent changed rows in one block, nearby blocks joined (the rows between
 *   rewritten with what they hold) while the cells stay within the ratio; each run of adjacent output columns
 *   gets the same row spans;
 * - value runs (one RangeList.setValue each): the changed cells of one column that get the same value, wherever
 *   they are: rows changed all over the roster (many spaces progressing at once) cost one call per distinct
 *   Status, Details and Updated instead of one per row (Google's advice for scattered cells: RangeList).
 * Missing output headers are added after the last used column, in one block from row 1.
 */
import { cellText, plainText } from './cells';
import type { RowCells } from '../model';
import type { CellBlock, RowSpan, ValueRun } from '../ports';
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
export function changedRows(input: Pick<WritebackInput, 'grid' | 'columns' | 'outcomes'>): Map<number, RowCells> {
  const { grid, columns } = input;
  const read = (sheetRow: number, index: number | null): string =>
    index === null ? '' : cellText(grid[sheetRow - 1]?.[index]);
  const changed = new Map<number, RowCells>();
  for (const cells of input.outcomes) {
    if (SAID.some((key) => read(cells.sheetRow, columns[key]) !== cells[key])) changed.set(cells.sheetRow, cells);
  }
  return changed;
}

/**
 * Groups the changed rows (sorted) into spans: adjacent rows share one; then the smallest gaps between spans
 * are bridged (their rows rewritten with what they hold) while the cells written stay within `ratio` × the
 * cells that change, and further until at most `maxSpans` are left.
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

/** Cells written at most this many times the cells that change (DESIGN.md §5). */
export const WRITE_RATIO = 1.5;

/** The writes of one check: `blocks` (one setValues each) and `runs` (one RangeList.setValue each). */
export interface Writeback {
  blocks: CellBlock[];
  runs: ValueRun[];
}

export interface WritebackLimits {
  /** Calls (blocks + runs) at most; default: one block per run of adjacent output columns. */
  maxCalls?: number;
  /** The caller can write value runs (RosterStore.writeRuns). */
  runs?: boolean;
  /**
   * Past maxCalls: 'defer' writes the rows that fit (the others wait for a later write), 'bridge' joins blocks
   * until they fit (every row is written, rows between rewritten as they are).
   */
  overflow?: 'defer' | 'bridge';
}

/** One write plan for the changed rows (see the header). */
export function writeback(input: WritebackInput, limits: WritebackLimits = {}): Writeback {
  const changed = changedRows(input);
  const existing = (sheetRow: number, index: number): string =>
    cellText(input.grid[sheetRow - 1]?.[index], input.formatDate);
  const columns = outputColumns(input.columns, input.stamp);
  const runsOfColumns = contiguousRuns(columns);
  // A row's cells that change: Updated changes with them unless the stamp is the same second's.
  const changes = (sheetRow: number) => columns.filter((column) => column.isNew || column.value(changed.get(sheetRow)!) !== existing(sheetRow, column.index));
  const cellsOf = (sheetRow: number) => changes(sheetRow).length;
  const rows = [...changed.keys()].sort((a, b) => a - b);
  const valueAt = (sheetRow: number, column: OutputColumn): string => {
    if (sheetRow === 1) return plainText(column.isNew ? column.header : existing(1, column.index));
    const outcome = changed.get(sheetRow);
    return plainText(outcome ? column.value(outcome) : existing(sheetRow, column.index));
  };
  const blocksOf = (spans: readonly RowSpan[], run: OutputColumn[]): CellBlock[] => spans.map((span) => {
    const values: string[][] = [];
    for (let sheetRow = span.first; sheetRow <= span.last; sheetRow++) values.push(run.map((column) => valueAt(sheetRow, column)));
    return { row: span.first, column: run[0].index + 1, values };
  });
  const asBlocks = (spans: readonly RowSpan[]): Writeback => ({ blocks: runsOfColumns.flatMap((run) => blocksOf(spans, run)), runs: [] });
  const valueRuns = (some: readonly number[]): ValueRun[] => {
    const byValue = new Map<string, ValueRun>();
    for (const sheetRow of some) {
      for (const column of changes(sheetRow)) {
        const value = plainText(column.value(changed.get(sheetRow)!));
        const key = `${column.index}\n${value}`;
        let run = byValue.get(key);
        if (!run) byValue.set(key, (run = { column: column.index + 1, value, rows: [] }));
        const last = run.rows[run.rows.length - 1];
        if (last && last.last + 1 === sheetRow) last.last = sheetRow;
        else run.rows.push({ first: sheetRow, last: sheetRow });
      }
    }
    return [...byValue.values()];
  };

  if (rows.length === 0 && !columns.some((column) => column.isNew)) return { blocks: [], runs: [] };
  // A new header column is written from row 1 down, once (every row below then gets its first status).
  if (columns.some((column) => column.isNew)) return asBlocks([{ first: 1, last: Math.max(1, rows[rows.length - 1] ?? 1) }]);
  const maxCalls = limits.maxCalls ?? runsOfColumns.length;
  const maxSpans = Math.max(1, Math.floor(maxCalls / runsOfColumns.length));
  const spans = rowSpans(rows, cellsOf, columns.length, WRITE_RATIO);
  const runs = limits.runs ? valueRuns(rows) : null;
  // Whichever takes fewer calls (blocks on a tie): both keep within the ratio.
  if (spans.length <= maxSpans && (!runs || spans.length * runsOfColumns.length <= runs.length)) return asBlocks(spans);
  if (runs && runs.length <= maxCalls) return { blocks: [], runs };
  if (limits.overflow !== 'defer') return asBlocks(rowSpans(rows, cellsOf, columns.length, WRITE_RATIO, maxSpans));
  return deferred(rows, spans, maxSpans, maxCalls, cellsOf, changed, limits.runs ? valueRuns : null, asBlocks);
}

/**
 * What fits in `maxCalls` when not every row does: the larger of the biggest spans as blocks, and (value runs)
 * the rows of the most common Status and Details, kind by kind while their runs fit.
 */
function deferred(
  rows: readonly number[], spans: readonly RowSpan[], maxSpans: number, maxCalls: number, cellsOf: (row: number) => number,
  changed: ReadonlyMap<number, RowCells>, valueRuns: ((rows: readonly number[]) => ValueRun[]) | null,
  asBlocks: (spans: readonly RowSpan[]) => Writeback,
): Writeback {
  const inSpan = (span: RowSpan) => rows.filter((row) => row >= span.first && row <= span.last);
  const weight = (some: readonly number[]) => some.reduce((sum, row) => sum + cellsOf(row), 0);
  const biggest = [...spans].sort((a, b) => weight(inSpan(b)) - weight(inSpan(a))).slice(0, maxSpans).sort((a, b) => a.first - b.first);
  const byBlocks = { plan: asBlocks(biggest), cells: biggest.reduce((sum, span) => sum + weight(inSpan(span)), 0) };
  if (!valueRuns) return byBlocks.plan;
  const kinds = new Map<string, number[]>();
  for (const row of rows) {
    const cells = changed.get(row)!;
    const key = `${cells.status}\n${cells.details}`;
    kinds.set(key, [...(kinds.get(key) ?? []), row]);
  }
  let chosen: number[] = [];
  for (const kind of [...kinds.values()].sort((a, b) => b.length - a.length)) {
    const more = [...chosen, ...kind].sort((a, b) => a - b);
    if (valueRuns(more).length <= maxCalls) chosen = more;
  }
  return weight(chosen) >= byBlocks.cells ? { blocks: [], runs: valueRuns(chosen) } : byBlocks.plan;
}

/** The blocks of a sheet with few rows (Spaces, Rules): one per run of adjacent output columns, first to last changed row. */
export function writebackBlocks(input: WritebackInput): CellBlock[] {
  return writeback(input).blocks;
}
