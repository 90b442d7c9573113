/**
 * POST /api/sheet/paste: a block of cells pasted at one cell, checked before the model sees it (the page
 * parses the clipboard's tab-separated text, page/paste.js).
 */
import type { PasteRequest } from './api';

/** Enough for an HR export; a bigger paste is refused rather than stalling the server. */
export const MAX_PASTE_CELLS = 200_000;

export function parsePaste(body: unknown): PasteRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('Send an object.');
  const { sheet, row, column, cells } = body as Record<string, unknown>;
  if (typeof sheet !== 'string') throw new Error('sheet must be a sheet\'s name.');
  if (!Number.isInteger(row) || !Number.isInteger(column) || (row as number) < 1 || (column as number) < 1) {
    throw new Error('row and column must be whole numbers from 1.');
  }
  if (!Array.isArray(cells) || cells.length === 0 || !cells.every((values): values is string[] => Array.isArray(values) && values.every((v) => typeof v === 'string'))) {
    throw new Error('cells must be rows of strings.');
  }
  if (cells.reduce((sum, values) => sum + values.length, 0) > MAX_PASTE_CELLS) throw new Error(`Paste at most ${MAX_PASTE_CELLS} cells at once.`);
  return { sheet, row: row as number, column: column as number, cells };
}
