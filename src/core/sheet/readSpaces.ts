/**
 * The Spaces sheet's layout (DESIGN.md §3) and the parse of its one read: headers found by name in any
 * order and case, other columns ignored, blank rows skipped. The sheet is optional: without it (or without
 * a Space column) every space is add-only, as before the sheet existed.
 */
import { cellText, headerColumns } from './cells';
import type { SpacesRow } from '../model';
import { HEADERS } from './readRoster';
import type { OutputColumns } from './writeBack';

export const SPACES_SHEET = 'Spaces';

export const SPACES_INPUT_HEADERS = { space: 'Space', mode: 'Mode', maxRemoval: 'Max removal %' } as const;
/** Every header, in the order Set up roster sheet lays them out; the output columns are the Roster's. */
export const SPACES_HEADERS: readonly string[] = [
  SPACES_INPUT_HEADERS.space, SPACES_INPUT_HEADERS.mode, SPACES_INPUT_HEADERS.maxRemoval,
  HEADERS.status, HEADERS.details, HEADERS.updated,
];
export const SPACES_OUTPUT_HEADERS: readonly string[] = [HEADERS.status, HEADERS.details, HEADERS.updated];

export interface ParsedSpaces {
  rows: SpacesRow[];
  columns: OutputColumns;
}

/** The Spaces rows of a grid whose row 0 holds the headers; null when it has no Space column (no sheet to speak of). */
export function parseSpaces(grid: readonly (readonly unknown[])[]): ParsedSpaces | null {
  const found = headerColumns(grid[0] ?? []);
  const at = (header: string): number | null => found.get(header.toLowerCase()) ?? null;
  const space = at(SPACES_INPUT_HEADERS.space);
  if (space === null) return null;
  const mode = at(SPACES_INPUT_HEADERS.mode);
  const maxRemoval = at(SPACES_INPUT_HEADERS.maxRemoval);
  const text = (row: readonly unknown[], index: number | null) => (index === null ? '' : cellText(row[index]).trim());
  const rows: SpacesRow[] = [];
  for (let index = 1; index < grid.length; index++) {
    const row = grid[index];
    const cells = { space: text(row, space), mode: text(row, mode), maxRemoval: text(row, maxRemoval) };
    if (!cells.space && !cells.mode && !cells.maxRemoval) continue;
    rows.push({ sheetRow: index + 1, ...cells });
  }
  const width = grid.reduce((widest, row) => Math.max(widest, row.length), 0);
  return {
    rows,
    columns: { status: at(HEADERS.status), details: at(HEADERS.details), updated: at(HEADERS.updated), width },
  };
}
