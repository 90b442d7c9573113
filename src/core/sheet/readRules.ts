/**
 * The Rules sheet's layout (DESIGN.md §3) and the parse of its one read, as for the Spaces sheet: headers
 * found by name in any order and case, other columns ignored, blank rows skipped. The sheet is optional:
 * without it (or without a Source column) there are no rules.
 */
import { parseSettingRows } from './settingRows';
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
  return parseSettingRows(grid, RULES_INPUT_HEADERS, 'source');
}
