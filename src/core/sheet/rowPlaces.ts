/**
 * Where the rows an execution planned are now (DESIGN.md §1: "each row written back is checked to still hold
 * the inputs it was planned from"). An administrator may insert, delete or sort rows, or edit a row's inputs,
 * while a run goes on; before each write of the statuses the sheet is read again, and this decides, from that
 * read alone, which row each planned row now is: the same row number if it still holds the same inputs, else
 * the row that now holds them (rows with identical inputs keep their order). A planned row no row holds any more
 * (deleted, or its inputs edited) gets no status; a row holding inputs nobody planned (edited, or inserted with
 * content) is `unplanned`: the caller queues it for the next execution instead of writing a stale status on it.
 */
import type { RosterRow } from '../model';
import { parseRoster, type ColumnMap } from './readRoster';

export interface RowPlaces {
  columns: ColumnMap;
  /** planned sheet row → the sheet row that holds its inputs now (absent: no row does) */
  placeOf: ReadonlyMap<number, number>;
  /** Rows, in sheet order, whose inputs no planned row had: edited or inserted since the plan. */
  unplanned: readonly RosterRow[];
}

/** What a row asks for: its four input cells, as parseRoster reads them. */
function inputsOf(row: Pick<RosterRow, 'member' | 'space' | 'role' | 'action'>): string {
  return `${row.member}\n${row.space}\n${row.role}\n${row.action}`;
}

/** `planned`: every non-blank row of the read the plan came from; `grid`: the sheet as read now. */
export function placeRows(planned: readonly RosterRow[], grid: readonly (readonly unknown[])[]): RowPlaces | string {
  const now = parseRoster(grid);
  if (!now.ok) return now.message;
  // Rows with the same inputs keep their order (an insert, a delete or a stable sort keeps it): the k-th
  // planned row with some inputs is the k-th row holding them now.
  const rowsNowByInputs = new Map<string, number[]>();
  for (const row of now.rows) {
    const key = inputsOf(row);
    const rows = rowsNowByInputs.get(key);
    if (rows) rows.push(row.sheetRow);
    else rowsNowByInputs.set(key, [row.sheetRow]);
  }
  const placeOf = new Map<number, number>();
  const taken = new Set<number>();
  for (const row of planned) {
    const at = rowsNowByInputs.get(inputsOf(row))?.shift();
    if (at === undefined) continue;
    placeOf.set(row.sheetRow, at);
    taken.add(at);
  }
  return { columns: now.columns, placeOf, unplanned: now.rows.filter((row) => !taken.has(row.sheetRow)) };
}
