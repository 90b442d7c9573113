/**
 * The Spaces sheet's layout (DESIGN.md §3) and the parse of its one read: headers found by name in any
 * order and case, other columns ignored, blank rows skipped. The sheet is optional: without it (or without
 * a Space column) every space is add-only, as before the sheet existed.
 */
import { parseSettingRows } from './settingRows';
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
  return parseSettingRows(grid, SPACES_INPUT_HEADERS, 'space');
}
