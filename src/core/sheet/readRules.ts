/**
 * The Rules sheet's layout (DESIGN.md §3) and the parse of its one read, as for the Spaces sheet: headers
 * found by name in any order and case, other columns ignored, blank rows skipped. The sheet is optional:
 * without it (or without a Source column) there are no rules.
 */
import { cellText, headerColumns } from './cells';
import type { RulesRow } from '../model';
import { HEADERS } from './readRoster';
import type { OutputColumns } from './writeBack';

export const RULES_SHEET = 'Rules';

export const RULES_INPUT_HEADERS = { source: 'Source', space: 'Space', role: 'Role' } as const;
/** Every header, in the order Set up roster sheet lays them out; the output columns are the Roster's. */
export const RULES_HEADERS: readonly string[] = [
  RULES_INPUT_HEADERS.source, RULES_INPUT_HEADERS.space, RULES_INPUT_HEADERS.role,
  HEADERS.status, HEADERS.details, HEADERS.updated,
];
export const RULES_OUTPUT_HEADERS: readonly string[] = [HEADERS.status, HEADERS.details, HEADERS.updated];

export interface ParsedRules {
  rows: RulesRow[];
  columns: OutputColumns;
}

/** The Rules rows of a grid whose row 0 holds the headers; null when it has no Source column (no sheet to speak of). */
export function parseRules(grid: readonly (readonly unknown[])[]): ParsedRules | null {
  const found = headerColumns(grid[0] ?? []);
  const at = (header: string): number | null => found.get(header.toLowerCase()) ?? null;
  const source = at(RULES_INPUT_HEADERS.source);
  if (source === null) return null;
  const space = at(RULES_INPUT_HEADERS.space);
  const role = at(RULES_INPUT_HEADERS.role);
  const text = (row: readonly unknown[], index: number | null) => (index === null ? '' : cellText(row[index]).trim());
  const rows: RulesRow[] = [];
  for (let index = 1; index < grid.length; index++) {
    const row = grid[index];
    const cells = { source: text(row, source), space: text(row, space), role: text(row, role) };
    if (!cells.source && !cells.space && !cells.role) continue;
    rows.push({ sheetRow: index + 1, ...cells });
  }
  const width = grid.reduce((widest, row) => Math.max(widest, row.length), 0);
  return {
    rows,
    columns: { status: at(HEADERS.status), details: at(HEADERS.details), updated: at(HEADERS.updated), width },
  };
}
