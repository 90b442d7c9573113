// @ts-check
/**
 * Typing into the workbench page's grid, as in Sheets: a double click, Enter, F2 or a typed character edits the
 * selected cell (with its dropdown's choices), Enter, Tab and the arrows move, Delete clears, the formula bar
 * edits too, and a paste of tab-separated rows fills the block in one write. Each change is saved to the
 * emulated spreadsheet, then the page refreshes. A classic script loaded before app.js, which calls cellEditing().
 */

/**
 * Wires the grid, its scroller and the formula bar for editing.
 * @param {PageState} app  the page's state (app.js)
 * @param {ReturnType<typeof sheetGrid>} sheet  the grid's drawing and selection (sheetGrid.js)
 * @param {(path: string, body?: unknown) => Promise<any>} api  the workbench's JSON API
 * @param {() => Promise<void>} refresh
 * @param {(error: unknown) => void} reportError
 */
// Called from app.js: a global of the page, as classic scripts share one.
// eslint-disable-next-line no-unused-vars
function cellEditing(app, sheet, api, refresh, reportError) {
  const { select, cellAt, rawValue, renderGrid, letters } = sheet;
  const grid = /** @type {HTMLTableElement} */ ($('grid'));
  const formula = /** @type {HTMLInputElement} */ ($('formula'));

  /**
   * A user types into a cell: saved to the emulated spreadsheet, then everything is refreshed.
   * @param {number} row @param {number} column @param {string} value
   */
  async function saveCell(row, column, value) {
    try {
      await api('/api/sheet', { sheet: app.sheet, row, column, value });
    } catch (error) {
      reportError(error);
    }
    await refresh();
  }

  /** @param {number} row @param {number} column @param {string} [initial] */
  function startEdit(row, column, initial) {
    if (app.editing) return;
    select(row, column);
    const td = cellAt(row, column);
    if (!td) return;
    const input = el('input');
    input.value = initial === undefined ? rawValue(row, column) : initial;
    input.setAttribute('aria-label', `Edit ${letters(column)}${row}`);
    const choices = app.view && app.view.choices[`${row}:${column}`];
    if (choices) {
      const list = el('datalist');
      list.id = 'cell-choices';
      for (const choice of choices) list.append(Object.assign(el('option'), { value: choice }));
      td.append(list);
      input.setAttribute('list', 'cell-choices');
    }
    td.append(input);
    app.editing = input;
    input.focus();
    let done = false;
    /** @param {boolean} commit @param {number} dRow @param {number} dColumn */
    const finish = (commit, dRow, dColumn) => {
      if (done) return;
      done = true;
      app.editing = null;
      const value = input.value;
      const changed = commit && value !== rawValue(row, column);
      input.remove();
      td.querySelector('datalist')?.remove();
      if (changed) td.textContent = value;
      select(row + dRow, column + dColumn);
      $('grid-scroll').focus();
      if (changed) saveCell(row, column, value).catch(reportError);
      else if (app.renderLater) { app.renderLater = false; renderGrid(); }
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') { event.preventDefault(); finish(true, 1, 0); }
      else if (event.key === 'Tab') { event.preventDefault(); finish(true, 0, event.shiftKey ? -1 : 1); }
      else if (event.key === 'Escape') { event.preventDefault(); finish(false, 0, 0); }
    });
    input.addEventListener('blur', () => finish(true, 0, 0));
  }

  grid.addEventListener('mousedown', (event) => {
    const td = /** @type {HTMLElement} */ (event.target).closest('td[data-row]');
    if (!(td instanceof HTMLTableCellElement) || app.editing) return;
    select(Number(td.dataset.row), Number(td.dataset.column));
  });
  grid.addEventListener('dblclick', (event) => {
    const td = /** @type {HTMLElement} */ (event.target).closest('td[data-row]');
    if (td instanceof HTMLTableCellElement) startEdit(Number(td.dataset.row), Number(td.dataset.column));
  });
  $('grid-scroll').addEventListener('keydown', (event) => {
    if (app.editing || event.target !== $('grid-scroll')) return;
    const { row, column } = app.selected;
    /** @type {Record<string, [number, number]>} */
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, 1] };
    const move = moves[event.key];
    if (move) { event.preventDefault(); select(row + move[0], column + move[1]); }
    else if (event.key === 'Enter' || event.key === 'F2') { event.preventDefault(); startEdit(row, column); }
    else if (event.key === 'Delete' || event.key === 'Backspace') { event.preventDefault(); saveCell(row, column, '').catch(reportError); }
    else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) { event.preventDefault(); startEdit(row, column, event.key); }
  });
  // Pasting tab-separated rows at the selected cell fills the block in one write (the sheet grows to fit).
  $('grid-scroll').addEventListener('paste', (event) => {
    if (app.editing || !event.clipboardData) return;
    const text = event.clipboardData.getData('text/plain');
    if (text === '') return;
    event.preventDefault();
    const cells = parseTsv(text);
    const { row, column } = app.selected;
    api('/api/sheet/paste', { sheet: app.sheet, row, column, cells })
      .then(() => toast(`Pasted ${cells.length} row${cells.length === 1 ? '' : 's'} at ${letters(column)}${row}`))
      .catch(reportError)
      .finally(() => { refresh().catch(reportError); });
  });
  formula.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const { row, column } = app.selected;
      const value = formula.value;
      formula.blur();
      saveCell(row, column, value).catch(reportError);
    } else if (event.key === 'Escape') {
      formula.value = rawValue(app.selected.row, app.selected.column);
      formula.blur();
    }
  });}
