// @ts-check
/**
 * The workbench page's sheet: its tabs, and the grid drawn from the sheet's view (values, colours, the
 * frozen rows; a long sheet only around where it is scrolled, gridWindow.js), the selected cell with the name
 * box and formula bar. A classic script loaded before app.js, which calls sheetGrid(); cellEditing.js types
 * into it.
 */

/**
 * Builds the grid's drawing over the page's state and returns what draws and selects.
 * @param {PageState} app  the page's state (app.js): the sheet shown, its view, the selection, the cell being edited
 * @param {() => Promise<void>} refresh  reads the sheet and the Google view again
 * @param {(error: unknown) => void} reportError
 */
// Called from app.js: a global of the page, as classic scripts share one.
// eslint-disable-next-line no-unused-vars
function sheetGrid(app, refresh, reportError) {
  const grid = /** @type {HTMLTableElement} */ ($('grid'));
  const formula = /** @type {HTMLInputElement} */ ($('formula'));

  function renderTabs() {
    const tabs = $('tabs');
    tabs.replaceChildren();
    for (const name of app.state ? app.state.sheetNames : []) {
      const tab = el('button', name);
      tab.type = 'button';
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-selected', String(name === app.sheet));
      tab.addEventListener('click', () => {
        if (app.sheet === name) return;
        app.sheet = name;
        app.selected = { row: 1, column: 1 };
        refresh().catch(reportError);
      });
      tabs.append(tab);
    }
  }

  /** @param {number} column 1-based */
  function letters(column) {
    let text = '';
    for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
    return text;
  }

  function gridSize() {
    const rows = app.view ? app.view.rows : [];
    const width = Math.max(8, (rows[0] ? rows[0].length : 0) + 2);
    return { height: Math.max(30, rows.length + 20), width };
  }

  const WIDTHS = /** @type {Record<string, number>} */ ({ member: 230, source: 170, space: 250, details: 360, updated: 150, status: 120 });

  /** a drawn row's height in px, measured after drawing (spacers stand in for undrawn rows at this height) */
  let rowHeight = 22;
  /** the rows last drawn after the frozen ones, to redraw only when scrolling leaves them */
  let drawn = { first: 1, last: 0 };

  function renderGrid() {
    if (app.editing) { app.renderLater = true; return; }
    const view = app.view;
    if (!view) return;
    const started = performance.now();
    const scroller = $('grid-scroll');
    const { height, width } = gridSize();
    const frozen = Math.min(view.frozenRows, height);
    drawn = gridWindow({ height, frozen, scrollTop: scroller.scrollTop, viewport: scroller.clientHeight, rowHeight });
    const headers = (view.rows[0] || []).map((h) => String(h).trim().toLowerCase());
    const colgroup = el('colgroup');
    const numbers = el('col');
    numbers.style.width = '46px';
    colgroup.append(numbers);
    let total = 46;
    for (let c = 1; c <= width; c++) {
      const col = el('col');
      const px = WIDTHS[headers[c - 1] || ''] || 110;
      col.style.width = `${px}px`;
      total += px;
      colgroup.append(col);
    }
    grid.style.width = `${total}px`;
    const head = el('thead');
    const headRow = el('tr');
    headRow.append(el('th', '', 'corner'));
    for (let c = 1; c <= width; c++) headRow.append(el('th', letters(c)));
    head.append(headRow);
    const body = el('tbody');
    for (let r = 1; r <= frozen; r++) body.append(gridRow(view, r, width));
    body.append(...spacer(drawn.first - frozen - 1, width));
    for (let r = drawn.first; r <= drawn.last; r++) body.append(gridRow(view, r, width));
    body.append(...spacer(height - drawn.last, width));
    grid.replaceChildren(colgroup, head, body);
    const sample = body.querySelector('tr:not(.spacer)');
    if (sample instanceof HTMLElement && sample.offsetHeight > 0) rowHeight = sample.offsetHeight;
    showSelection();
    // Read by the browser tests (how long drawing took), never asserted on.
    document.body.dataset.renderMs = String(Math.round(performance.now() - started));
    document.body.dataset.renderedRows = String(body.children.length);
  }

  /** @param {import('../api').SheetView} view @param {number} r @param {number} width */
  function gridRow(view, r, width) {
    const tr = el('tr');
    if (r <= view.frozenRows) tr.className = 'frozen';
    tr.append(el('td', String(r), 'rownum'));
    const values = view.rows[r - 1] || [];
    for (let c = 1; c <= width; c++) {
      const text = values[c - 1] === undefined ? '' : values[c - 1];
      const td = el('td', text);
      td.dataset.row = String(r);
      td.dataset.column = String(c);
      if (text.length > 12) td.title = text;
      if (/^-?\d+(\.\d+)?$/.test(text)) td.classList.add('number');
      const style = view.styles[`${r}:${c}`];
      if (style) {
        if (style.background) td.style.backgroundColor = style.background;
        if (style.color) td.style.color = style.color;
        if (style.bold) td.style.fontWeight = 'bold';
      }
      if (r === app.selected.row && c === app.selected.column) td.classList.add('selected');
      tr.append(td);
    }
    return tr;
  }

  /** Stands in for `count` undrawn rows at their height (none when count is 0). @param {number} count @param {number} width */
  function spacer(count, width) {
    if (count <= 0) return [];
    const tr = el('tr', undefined, 'spacer');
    const td = el('td');
    td.colSpan = width + 1;
    td.style.height = `${count * rowHeight}px`;
    tr.append(td);
    return [tr];
  }

  // Scrolling a long sheet past the drawn rows draws the ones now in view (once per frame).
  let scrollFrame = 0;
  $('grid-scroll').addEventListener('scroll', () => {
    if (scrollFrame || !app.view || gridSize().height <= GRID_VIRTUAL_ABOVE) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      const scroller = $('grid-scroll');
      const { height } = gridSize();
      const want = gridWindow({ height, frozen: Math.min(app.view ? app.view.frozenRows : 0, height), scrollTop: scroller.scrollTop, viewport: scroller.clientHeight, rowHeight });
      if (want.first < drawn.first || want.last > drawn.last) renderGrid();
    });
  });

  /** @param {number} row @param {number} column */
  function cellAt(row, column) {
    return /** @type {HTMLTableCellElement | null} */ (grid.querySelector(`td[data-row="${row}"][data-column="${column}"]`));
  }

  /** @param {number} row @param {number} column */
  function rawValue(row, column) {
    const view = app.view;
    if (!view) return '';
    const f = view.formulas[row - 1] && view.formulas[row - 1][column - 1];
    if (f) return f;
    const value = view.rows[row - 1] && view.rows[row - 1][column - 1];
    return value === undefined ? '' : value;
  }

  function showSelection() {
    const { row, column } = app.selected;
    $('name-box').textContent = `${letters(column)}${row}`;
    if (document.activeElement !== formula) formula.value = rawValue(row, column);
  }

  /** @param {number} row @param {number} column */
  function select(row, column) {
    const { height, width } = gridSize();
    const r = Math.min(Math.max(row, 1), height);
    const c = Math.min(Math.max(column, 1), width);
    const old = cellAt(app.selected.row, app.selected.column);
    if (old) old.classList.remove('selected');
    app.selected = { row: r, column: c };
    if (!cellAt(r, c) && app.view && r > app.view.frozenRows) {
      // Not drawn (a long sheet): scroll it into the middle of the view, then draw around it.
      const scroller = $('grid-scroll');
      scroller.scrollTop = Math.max(0, (r - 1) * rowHeight - scroller.clientHeight / 2);
      renderGrid();
    }
    const td = cellAt(r, c);
    if (td) {
      td.classList.add('selected');
      td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
    showSelection();
  }

  return { renderTabs, renderGrid, select, cellAt, rawValue, letters };
}
