/**
 * What the page's grid shows of one sheet of the emulated spreadsheet: its values and formulas, the colours
 * of its formatting and of its "text is exactly" conditional rules, each dropdown's choices, the frozen rows,
 * and room to type beyond the data, like a fresh Sheets grid.
 */
import type { FakeSpreadsheet } from '../gas/fakeSpreadsheet';
import type { CellStyle, SheetView } from './api';

/** Extra empty rows and columns the grid offers for typing, like a fresh Sheets grid. */
export const GRID_MIN_ROWS = 30;
export const GRID_MIN_COLUMNS = 8;

export function sheetView(spreadsheet: FakeSpreadsheet, name: string): SheetView | undefined {
  const data = spreadsheet.sheetData(name);
  const rows = spreadsheet.sheet(name);
  const formulas = spreadsheet.formulas(name);
  if (!data || !rows || !formulas) return undefined;
  const styles: Record<string, CellStyle> = {};
  const choices: Record<string, string[]> = {};
  const height = Math.min(data.maxRows, Math.max(rows.length + 20, GRID_MIN_ROWS));
  const width = Math.min(data.maxColumns, Math.max((rows[0]?.length ?? 0) + 2, GRID_MIN_COLUMNS));
  for (let r = 1; r <= height; r++) {
    for (let c = 1; c <= width; c++) {
      const cell = data.cell(r, c);
      if (!cell) continue;
      const style: CellStyle = {};
      if (cell.background) style.background = cell.background;
      if (cell.fontWeight === 'bold') style.bold = true;
      if (Object.keys(style).length) styles[`${r}:${c}`] = style;
      if (cell.validation && cell.validation.criteria === 'VALUE_IN_LIST') choices[`${r}:${c}`] = [...cell.validation.values];
    }
  }
  // Conditional formatting: only "text is exactly" rules exist in the emulator.
  for (const rule of data.conditionalRules) {
    if (rule.textEqualTo === undefined) continue;
    for (const range of rule.ranges) {
      const lastRow = Math.min(range.row + range.numRows - 1, rows.length);
      for (let r = range.row; r <= lastRow; r++) {
        for (let c = range.column; c < range.column + range.numColumns; c++) {
          if (rows[r - 1]?.[c - 1] !== rule.textEqualTo) continue;
          const key = `${r}:${c}`;
          styles[key] = { ...styles[key], ...(rule.background ? { background: rule.background } : {}), ...(rule.fontColor ? { color: rule.fontColor } : {}) };
        }
      }
    }
  }
  return { name, rows, formulas, styles, choices, frozenRows: data.frozenRows };
}
