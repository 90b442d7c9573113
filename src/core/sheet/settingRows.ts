/**
 * The parse of an optional settings sheet's one read (DESIGN.md §3: `Spaces`, `Rules`): headers found by
 * name in any order and case, other columns ignored, blank rows skipped, every input cell trimmed text; the
 * output columns are the Roster's. No key column means no sheet to speak of.
 */
import { cellText, headerColumns } from './cells';
import { HEADERS } from './readRoster';
import type { OutputColumns } from './writeBack';

export interface ParsedSettingRows<Field extends string> {
  rows: ({ sheetRow: number } & Record<Field, string>)[];
  columns: OutputColumns;
}

/** `inputs`: each field's header; `key`: the field whose column must exist. */
export function parseSettingRows<Field extends string>(
  grid: readonly (readonly unknown[])[], inputs: Readonly<Record<Field, string>>, key: NoInfer<Field>,
): ParsedSettingRows<Field> | null {
  const found = headerColumns(grid[0] ?? []);
  const at = (header: string): number | null => found.get(header.toLowerCase()) ?? null;
  if (at(inputs[key]) === null) return null;
  const fields = Object.keys(inputs) as Field[];
  const columns = fields.map((field) => [field, at(inputs[field])] as const);
  const rows: ({ sheetRow: number } & Record<Field, string>)[] = [];
  for (let index = 1; index < grid.length; index++) {
    const row = grid[index];
    const cells = {} as Record<Field, string>;
    let blank = true;
    for (const [field, column] of columns) {
      const text = column === null ? '' : cellText(row[column]).trim();
      cells[field] = text;
      if (text) blank = false;
    }
    if (!blank) rows.push({ sheetRow: index + 1, ...cells });
  }
  const width = grid.reduce((widest, row) => Math.max(widest, row.length), 0);
  return { rows, columns: { status: at(HEADERS.status), details: at(HEADERS.details), updated: at(HEADERS.updated), width } };
}
