// @ts-check
/**
 * Reading pasted text as Sheets does: rows split by newlines, cells by tabs (what copying a range from a
 * spreadsheet or an HR export gives). A cell that holds a tab, a newline or a quote comes quoted, with its
 * quotes doubled; one trailing newline ends the last row rather than adding an empty one. Rows may be
 * ragged. A classic script loaded before app.js.
 */

/**
 * @param {string} text
 * @returns {string[][]} at least one row
 */
// Called from app.js: a global of the page, as classic scripts share one.
// eslint-disable-next-line no-unused-vars
function parseTsv(text) {
  const source = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  /** @type {string[][]} */
  const rows = [];
  /** @type {string[]} */
  let row = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (source[i] === '"') {
      // Quoted: up to the quote that isn't doubled; then whatever follows up to the next separator.
      i++;
      for (;;) {
        const quote = source.indexOf('"', i);
        if (quote < 0) { cell += source.slice(i); i = source.length; break; }
        cell += source.slice(i, quote);
        i = quote + 1;
        if (source[i] === '"') { cell += '"'; i++; } else break;
      }
    }
    while (i < source.length && source[i] !== '\t' && source[i] !== '\n') cell += source[i++];
    row.push(cell);
    if (i >= source.length) break;
    if (source[i++] === '\n') { rows.push(row); row = []; }
  }
  rows.push(row);
  return rows;
}
