/**
 * Where the rows an execution planned are now (DESIGN.md §1: "each row written back is checked to still hold
 * the inputs it was planned from"). An administrator may insert, delete or sort rows, or edit a row's inputs,
 * while a run goes on; before each write of the statuses the sheet is read again, and this decides, from that
 * read alone, which row each planned row now is: the same row number if it still holds the same inputs, else
 * the row that now holds them (rows with identical inputs taken in order). A planned row no row holds any more
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
  const rowAt = new Map(now.rows.map((row) => [row.sheetRow, row]));
  const placeOf = new Map<number, number>();
  const taken = new Set<number>();
  const moved: RosterRow[] = [];
  // Unchanged rows first (the usual case, one lookup each), so a moved row never takes a row that stayed.
  for (const row of planned) {
    const there = rowAt.get(row.sheetRow);
    if (there && inputsOf(there) === inputsOf(row)) {
      placeOf.set(row.sheetRow, row.sheetRow);
      taken.add(row.sheetRow);
    } else {
      moved.push(row);
    }
  }
  if (moved.length > 0) {
    const freeByInputs = new Map<string, number[]>();
    for (const row of now.rows) {
      if (taken.has(row.sheetRow)) continue;
      const key = inputsOf(row);
      const free = freeByInputs.get(key);
      if (free) free.push(row.sheetRow);
      else freeByInputs.set(key, [row.sheetRow]);
    }
    for (const row of moved) {
      const at = freeByInputs.get(inputsOf(row))?.shift();
      if (at === undefined) continue;
      placeOf.set(row.sheetRow, at);
      taken.add(at);
    }
  }
  return { columns: now.columns, placeOf, unplanned: now.rows.filter((row) => !taken.has(row.sheetRow)) };
}
