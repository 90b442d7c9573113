/**
 * The Roster sheet's layout (DESIGN.md §3) and the parse of its one read: headers found by name in any
 * order and case, other columns ignored, blank rows skipped.
 */
import { cellText, headerColumns } from './cells';
import type { RosterRow } from '../model';

export const ROSTER_SHEET = 'Roster';

export const HEADERS = {
  member: 'Member',
  space: 'Space',
  role: 'Role',
  action: 'Action',
  status: 'Status',
  details: 'Details',
  updated: 'Updated',
} as const;

export type ColumnKey = keyof typeof HEADERS;

/** Other names the Member column goes by (DESIGN.md §3), lower-case, after `Member` itself in precedence. */
export const MEMBER_ALIASES: readonly string[] = ['email', 'user'];

export const INPUT_HEADERS: readonly string[] = [HEADERS.member, HEADERS.space, HEADERS.role, HEADERS.action];
export const OUTPUT_HEADERS: readonly string[] = [HEADERS.status, HEADERS.details, HEADERS.updated];
/** Every header, in the order Set up roster sheet lays them out. */
export const ROSTER_HEADERS: readonly string[] = [...INPUT_HEADERS, ...OUTPUT_HEADERS];

/** 0-based column index of each header (null when absent); `width` = columns in use. */
export interface ColumnMap {
  member: number;
  space: number;
  role: number | null;
  action: number | null;
  status: number | null;
  details: number | null;
  updated: number | null;
  width: number;
}

export type ParsedRoster =
  | { ok: true; rows: RosterRow[]; columns: ColumnMap }
  | { ok: false; message: string };

export const SETUP_HINT = 'run Chat Roster › Set up roster sheet, which adds the missing headers to row 1';

/** The header map of a grid whose row 0 holds the headers, or the message that says what is missing. */
export function columnMap(grid: readonly (readonly unknown[])[]): ColumnMap | string {
  const found = headerColumns(grid[0] ?? []);
  const at = (key: ColumnKey): number | null => found.get(HEADERS[key].toLowerCase()) ?? null;
  const member = [HEADERS.member.toLowerCase(), ...MEMBER_ALIASES].map((name) => found.get(name)).find((index) => index !== undefined) ?? null;
  const space = at('space');
  const missing = [member === null ? HEADERS.member : '', space === null ? HEADERS.space : ''].filter(Boolean);
  if (member === null || space === null) {
    return `The ${ROSTER_SHEET} sheet has no ${missing.map((name) => `"${name}"`).join(' or ')} column: ${SETUP_HINT}.`;
  }
  const width = grid.reduce((widest, row) => Math.max(widest, row.length), 0);
  return {
    member, space, role: at('role'), action: at('action'),
    status: at('status'), details: at('details'), updated: at('updated'), width,
  };
}

function textAt(row: readonly unknown[], index: number | null): string {
  return index === null ? '' : cellText(row[index]).trim();
}

/** Parses the whole data range (row 0 = headers) into the non-blank rows; sheetRow is 1-based. */
export function parseRoster(grid: readonly (readonly unknown[])[]): ParsedRoster {
  const columns = columnMap(grid);
  if (typeof columns === 'string') return { ok: false, message: columns };
  // Sized once and cut to the rows kept: grown by push, a million-row array is copied some thirty times.
  const rows = new Array<RosterRow>(Math.max(0, grid.length - 1));
  let count = 0;
  for (let index = 1; index < grid.length; index++) {
    const cells = grid[index];
    const member = textAt(cells, columns.member);
    const space = textAt(cells, columns.space);
    const role = textAt(cells, columns.role);
    const action = textAt(cells, columns.action);
    if (!member && !space && !role && !action) continue;
    const status = textAt(cells, columns.status);
    const details = status === 'PENDING' ? textAt(cells, columns.details) : '';
    rows[count++] = { sheetRow: index + 1, member, space, role, action, status, details };
  }
  rows.length = count;
  return { ok: true, rows, columns };
}
