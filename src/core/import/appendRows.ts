/**
 * Imported rows → the cell blocks that append them below the Roster's last row, in one write (plus one
 * for the output headers the sheet lacks, side by side). Each row: Member, Space, Role, an empty Action
 * (add), Status UNCHANGED (it says what Chat already has), Details, Updated. Columns the Roster doesn't
 * use are left empty; every value is plain text (cells.ts plainText).
 */
import { importedDetails } from '../details';
import type { CellBlock } from '../ports';
import { plainText } from '../sheet/cells';
import { HEADERS, type ColumnMap } from '../sheet/readRoster';
import type { ImportedRow } from './importRows';

/** An imported row says what Chat already has: applying it changes nothing. */
export const IMPORTED_STATUS = 'UNCHANGED';

type Column = 'member' | 'space' | 'role' | 'action' | 'status' | 'details' | 'updated';
const OPTIONAL: readonly Exclude<Column, 'member' | 'space'>[] = ['role', 'action', 'status', 'details', 'updated'];

/** Where each column goes: its index in the sheet, or a new one after the last used column (with its header). */
function placed(columns: ColumnMap): { at: Record<Column, number>; newHeaders: { index: number; header: string }[] } {
  let next = columns.width;
  const newHeaders: { index: number; header: string }[] = [];
  const at = { member: columns.member, space: columns.space } as Record<Column, number>;
  for (const key of OPTIONAL) {
    const index = columns[key];
    if (index !== null) {
      at[key] = index;
    } else {
      at[key] = next;
      newHeaders.push({ index: next++, header: HEADERS[key] });
    }
  }
  return { at, newHeaders };
}

/**
 * The blocks that append `rows` after the `dataRows` rows the sheet's data range holds (headers included):
 * one block, as wide as the columns it fills, and one per new header.
 */
export function appendBlocks(columns: ColumnMap, dataRows: number, rows: readonly ImportedRow[], stamp: string): CellBlock[] {
  if (rows.length === 0) return [];
  const { at, newHeaders } = placed(columns);
  const width = Math.max(...Object.values(at)) + 1;
  const values = rows.map((row) => {
    const cells: string[] = new Array<string>(width).fill('');
    cells[at.member] = row.member;
    cells[at.space] = row.space;
    cells[at.role] = row.role;
    cells[at.action] = '';
    cells[at.status] = IMPORTED_STATUS;
    cells[at.details] = importedDetails(row.note);
    cells[at.updated] = stamp;
    return cells.map(plainText);
  });
  // New headers sit side by side after the last used column: one block.
  const headerBlocks: CellBlock[] = newHeaders.length === 0 ? [] : [{ row: 1, column: newHeaders[0].index + 1, values: [newHeaders.map(({ header }) => header)] }];
  return [...headerBlocks, { row: Math.max(dataRows, 1) + 1, column: 1, values }];
}
