/**
 * Sheet cells as text. Cells arrive from getValues as strings, numbers, booleans, Dates or empty values;
 * they are turned into text without ever being evaluated, and text going back out is kept plain text.
 */

/** A Date from any realm (Apps Script and test VMs have their own Date constructors, so no instanceof). */
function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * The text of one cell value. Objects other than Dates become '' rather than calling their toString:
 * a cell is data, never code. `formatDate` renders Dates (e.g. Clock.stamp); ISO 8601 otherwise.
 */
export function cellText(value: unknown, formatDate?: (ms: number) => string): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? String(value) : '';
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    case 'bigint':
      return value.toString();
    default:
      break;
  }
  if (isDate(value)) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return '';
    return formatDate ? formatDate(ms) : value.toISOString();
  }
  return '';
}

/** Characters that make Sheets read a typed value as a formula (reference/apps-script-limits.md §10). */
const FORMULA_START = /^[=+\-@]/;

/** Whether Sheets would read `text` as a formula if it were written as it is. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * A string that Sheets stores as the same plain text: a leading apostrophe stops `=`, `+`, `-` or `@`
 * from becoming a formula. The apostrophe isn't part of the cell's value, so reading it back gives `text`.
 */
export function plainText(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/**
 * The 0-based column of each header of a sheet's row 1, by its trimmed lower-cased text (headers match in
 * any case and order); the first of two equal headers wins, as in Set up roster sheet.
 */
export function headerColumns(headerRow: readonly unknown[]): Map<string, number> {
  const found = new Map<string, number>();
  headerRow.forEach((value, index) => {
    const key = cellText(value).trim().toLowerCase();
    if (key && !found.has(key)) found.set(key, index);
  });
  return found;
}
