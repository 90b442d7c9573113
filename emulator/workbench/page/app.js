// @ts-check
/**
 * The workbench page: the emulated spreadsheet as an editable grid, the add-on menu, the add-on's sidebar in
 * a sandboxed frame (its google.script.run calls arrive here by postMessage, see shim.js), and a view of the
 * emulated Google. Everything that comes from users (cells, space names, emails, messages) reaches the DOM
 * through textContent, title or value only — never as HTML.
 */
(function () {
  /** @typedef {import('../api').SheetView} SheetView */
  /** @typedef {import('../api').StateView} StateView */
  /** @typedef {import('../api').MenuView} MenuView */
  /** @typedef {import('../api').RunResponse} RunResponse */
  /** @typedef {import('../api').SpaceView} SpaceView */
  /** @typedef {import('../api').ActivityEntry} ActivityEntry */

  /** @template {HTMLElement} T @param {string} id @returns {T} */
  const $ = (id) => /** @type {T} */ (document.getElementById(id));

  /**
   * A new element with plain-text content.
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag @param {string} [text] @param {string} [className]
   * @returns {HTMLElementTagNameMap[K]}
   */
  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  const grid = /** @type {HTMLTableElement} */ ($('grid'));
  const formula = /** @type {HTMLInputElement} */ ($('formula'));
  const frame = /** @type {HTMLIFrameElement} */ ($('sidebar-frame'));

  /** @type {{ sheet: string, view: SheetView | null, state: StateView | null, selected: { row: number, column: number }, editing: HTMLInputElement | null, sidebarGeneration: number, renderLater: boolean }} */
  const app = {
    sheet: 'Roster', view: null, state: null, selected: { row: 1, column: 1 }, editing: null,
    sidebarGeneration: 0, renderLater: false,
  };

  // ---------- server calls ----------

  /** @param {string} path @param {unknown} [body] @returns {Promise<any>} */
  async function api(path, body) {
    const response = await fetch(path, body === undefined ? {} : {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    const value = await response.json();
    if (!response.ok) throw new Error(value && typeof value.error === 'string' ? value.error : `HTTP ${response.status}`);
    return value;
  }

  /** Names of the functions whose executions are under way (shown, and readable by tests as body[data-running]). */
  /** @type {string[]} */
  const running = [];

  function showRunning() {
    const chip = $('running');
    chip.hidden = running.length === 0;
    chip.textContent = `Running ${running.join(', ')}…`;
    document.body.dataset.running = running.join(' ');
  }

  /**
   * Runs one function of the add-on as one execution, shows what the execution showed (sidebar, alerts,
   * toasts), then refreshes the sheet and the Google view.
   * @param {string} name @param {unknown[]} args @param {string} via @returns {Promise<RunResponse>}
   */
  async function runFunction(name, args, via) {
    running.push(name);
    showRunning();
    try {
      /** @type {RunResponse} */
      const answer = await api(`/api/run/${encodeURIComponent(name)}`, { args, via });
      if (answer.sidebar) openSidebar(answer.sidebar.id, answer.sidebar.title);
      for (const text of answer.toasts) toast(text);
      for (const text of answer.alerts) alertBox(text);
      if (via === 'menu' && answer.error !== undefined) alertBox(`Error: ${answer.error}`);
      return answer;
    } finally {
      running.splice(running.indexOf(name), 1);
      showRunning();
      refresh().catch(reportError);
    }
  }

  /** @param {unknown} error */
  function reportError(error) {
    alertBox(error instanceof Error ? error.message : String(error));
  }

  let refreshes = 0;
  /** Refreshes under way: readable by tests as body[data-refreshing], so "idle" means the page shows the latest. */
  let refreshing = 0;
  async function refresh() {
    refreshing++;
    document.body.dataset.refreshing = String(refreshing);
    try {
      await refreshNow();
    } finally {
      refreshing--;
      if (refreshing === 0) delete document.body.dataset.refreshing;
      else document.body.dataset.refreshing = String(refreshing);
    }
  }

  async function refreshNow() {
    const mine = ++refreshes;
    /** @type {StateView} */
    const state = await api('/api/state');
    const sheet = state.sheetNames.includes(app.sheet) ? app.sheet : state.sheetNames[0];
    const view = await api(`/api/sheet?name=${encodeURIComponent(sheet)}`);
    if (mine !== refreshes) return; // a later refresh started: it shows newer data
    app.state = state;
    app.sheet = sheet;
    app.view = view;
    // Counts the sheet views shown, so a reader scrolling through a long grid knows when it changed under it.
    document.body.dataset.sheetVersion = String(Number(document.body.dataset.sheetVersion || 0) + 1);
    renderTabs();
    renderGrid();
    renderGoogle();
  }

  // ---------- dialogs ----------

  /** @param {string} text */
  function alertBox(text) {
    const dialog = /** @type {HTMLDialogElement} */ ($('alert'));
    const p = $('alert-text');
    p.textContent = dialog.open && p.textContent ? `${p.textContent}\n\n${text}` : text;
    if (!dialog.open) dialog.showModal();
  }

  /** @type {number | undefined} */
  let toastTimer;
  /** @param {string} text */
  function toast(text) {
    const box = $('toast');
    box.textContent = text;
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = window.setTimeout(() => { box.hidden = true; }, 5000);
  }

  // ---------- menu ----------

  /** @param {MenuView[]} menus */
  function renderMenu(menus) {
    const popup = $('menu-extensions-popup');
    popup.replaceChildren();
    if (menus.length === 0) popup.append(el('div', 'No add-on menu (onOpen added none)', 'muted'));
    for (const menu of menus) {
      const group = el('div', undefined, 'menu-group');
      const title = el('button', menu.name);
      title.type = 'button';
      const sub = el('div', undefined, 'submenu');
      sub.setAttribute('role', 'menu');
      sub.hidden = true;
      for (const item of menu.items) {
        const button = el('button', item.caption);
        button.type = 'button';
        button.setAttribute('role', 'menuitem');
        button.dataset.function = item.functionName;
        button.addEventListener('click', () => {
          closeMenu();
          runFunction(item.functionName, [], 'menu').catch(reportError);
        });
        sub.append(button);
      }
      title.addEventListener('click', () => { sub.hidden = false; });
      title.dataset.menu = menu.name;
      group.addEventListener('mouseenter', () => { sub.hidden = false; });
      group.addEventListener('mouseleave', () => { sub.hidden = true; });
      group.append(title, sub);
      popup.append(group);
    }
  }

  function closeMenu() {
    for (const sub of $('menu-extensions-popup').querySelectorAll('.submenu')) /** @type {HTMLElement} */ (sub).hidden = true;
    $('menu-extensions-popup').hidden = true;
    $('menu-extensions-button').setAttribute('aria-expanded', 'false');
  }

  $('menu-extensions-button').addEventListener('click', (event) => {
    event.stopPropagation();
    const popup = $('menu-extensions-popup');
    popup.hidden = !popup.hidden;
    $('menu-extensions-button').setAttribute('aria-expanded', String(!popup.hidden));
  });
  document.addEventListener('click', (event) => {
    if (!$('menu-extensions').contains(/** @type {Node} */ (event.target))) closeMenu();
  });
  // Escape closes the open menu and its submenus, and gives focus back to Extensions (where the user was).
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || $('menu-extensions-popup').hidden) return;
    event.preventDefault();
    closeMenu();
    $('menu-extensions-button').focus();
  });

  // ---------- sidebar ----------

  /** @param {number} id @param {string} title */
  function openSidebar(id, title) {
    app.sidebarGeneration++;
    $('sidebar-title').textContent = title || 'Sidebar';
    $('sidebar-panel').hidden = false;
    frame.src = `/sidebar/${id}`;
  }

  function closeSidebar() {
    app.sidebarGeneration++;
    $('sidebar-panel').hidden = true;
    frame.src = 'about:blank';
  }

  $('sidebar-close').addEventListener('click', closeSidebar);

  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || !event.data) return;
    const run = event.data.chatRosterRun;
    if (run && typeof run.name === 'string' && typeof run.id === 'number') {
      const generation = app.sidebarGeneration;
      const reply = (/** @type {object} */ answer) => {
        // A reply for a sidebar that has since been closed or replaced goes nowhere, as in Apps Script.
        if (generation === app.sidebarGeneration && frame.contentWindow) {
          frame.contentWindow.postMessage({ chatRosterReply: { id: run.id, ...answer } }, '*');
        }
      };
      runFunction(run.name, Array.isArray(run.args) ? run.args : [], 'sidebar')
        .then((answer) => reply(answer.error !== undefined ? { error: answer.error } : { value: answer.value }))
        .catch((error) => reply({ error: error instanceof Error ? error.message : String(error) }));
      return;
    }
    const host = event.data.chatRosterHost;
    if (host && host.action === 'close') closeSidebar();
  });

  // ---------- sheet tabs and grid ----------

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

  /** @param {SheetView} view @param {number} r @param {number} width */
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
  });

  // ---------- the emulated Google ----------

  /** @param {number} ms */
  function duration(ms) {
    if (ms < 1000) return `${ms} ms`;
    const s = Math.round(ms / 1000);
    return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
  }

  /** @param {number} ms epoch: in the spreadsheet's time zone, named (as the sheet's stamps are) */
  const clockText = (ms) => zonedClock(ms, app.state ? app.state.timeZone : 'UTC').text;

  /** @param {SpaceView} space */
  function spaceCard(space) {
    const card = el('div', undefined, 'space');
    card.dataset.space = space.name;
    const kind = space.spaceType === 'GROUP_CHAT' ? '(group chat)' : space.spaceType === 'DIRECT_MESSAGE' ? '(direct message)' : '(unnamed space)';
    card.append(el('div', space.displayName || kind, 'space-title'));
    card.append(el('div', `${space.name} · ${space.members.length} member${space.members.length === 1 ? '' : 's'}`, 'space-name'));
    const table = el('table');
    for (const m of space.members) {
      const tr = el('tr');
      tr.dataset.member = m.member;
      tr.append(el('td', m.member, 'member'), el('td', m.role, 'role'));
      const state = el('td', undefined, 'state');
      state.append(el('span', m.state, m.state === 'invited' ? 'badge invited' : 'badge'));
      tr.append(state);
      table.append(tr);
    }
    card.append(table);
    return card;
  }

  /** @param {ActivityEntry} entry */
  function activityItem(entry) {
    const li = el('li');
    li.dataset.name = entry.name;
    li.append(el('strong', entry.name), el('span', ` · ${entry.via} · ${duration(entry.virtualMs)} virtual · ${entry.sheetCalls} Sheets calls, ${entry.urlFetchCalls} URL fetches`, 'muted'));
    if (entry.outcome !== 'ok') li.append(el('div', `Threw: ${entry.outcome}`, 'error'));
    else if (entry.summary) li.append(el('div', entry.summary));
    return li;
  }

  const renderSetup = setupPanel($('setup-panel'), (change) => api('/api/setup', change).then(refresh).catch(reportError));
  const renderUser = actingUserControl($('user'), /** @type {HTMLSelectElement} */ ($('acting-user')), (email) => {
    api('/api/user', { email }).then(() => reopen(`Now acting as ${email}`, true)).catch(reportError);
  });
  const renderUnits = unitsPanel($('units-panel'), (move) => api('/api/directory/move', move).then(refresh).catch(reportError));

  let faultOptionsShown = false;
  function renderGoogle() {
    const state = app.state;
    if (!state) return;
    const g = state.google;
    renderUser(state);
    const clock = zonedClock(g.now, state.timeZone);
    $('clock').textContent = clock.text;
    $('clock').title = clock.utc;
    $('counters').textContent = `${g.calls} API calls, ${g.writes} membership writes`;
    const speed = /** @type {HTMLSelectElement} */ ($('speed'));
    if (document.activeElement !== speed) speed.value = String(g.speed);
    $('triggers').textContent = g.triggers.length === 0 ? 'No trigger installed'
      : g.triggers.map((t) => `Trigger ${t.handler}: next ${t.nextRunAt === null ? 'never' : clockText(t.nextRunAt)}`).join('; ');
    renderUnits(g.units);
    $('spaces').replaceChildren(...g.spaces.map(spaceCard));
    $('activity').replaceChildren(...g.activity.filter((entry) => entry.via !== 'open').map(activityItem));
    renderSetup(state.setup);
    $('fault-list').replaceChildren(...g.faults.map((f) => el('li', `${f.methodId} → HTTP ${f.code}, probability ${f.probability}`)));
    if (!faultOptionsShown) {
      faultOptionsShown = true;
      $('fault-method').replaceChildren(...state.faultMethods.map((m) => Object.assign(el('option', m === '*' ? '* (every call)' : m), { value: m })));
      /** @type {HTMLSelectElement} */ ($('fault-method')).value = 'chat.spaces.members.create';
      $('fault-code').replaceChildren(...state.faultCodes.map((c) => Object.assign(el('option', String(c)), { value: String(c) })));
    }
  }

  $('speed').addEventListener('change', () => {
    api('/api/speed', { speed: Number(/** @type {HTMLSelectElement} */ ($('speed')).value) }).then(refresh).catch(reportError);
  });
  $('advance-hour').addEventListener('click', () => {
    running.push('triggers');
    showRunning();
    api('/api/advance', { ms: 3600_000 })
      .finally(() => { running.splice(running.indexOf('triggers'), 1); showRunning(); })
      .then(refresh).catch(reportError);
  });
  $('fault-form').addEventListener('submit', (event) => {
    event.preventDefault();
    api('/api/faults', {
      methodId: /** @type {HTMLSelectElement} */ ($('fault-method')).value,
      code: Number(/** @type {HTMLSelectElement} */ ($('fault-code')).value),
      probability: Number(/** @type {HTMLInputElement} */ ($('fault-probability')).value),
    }).then(refresh).catch(reportError);
  });
  // Reset demo: the server goes back to its seeded start; the page drops what belonged to the old document.
  $('reset-demo').addEventListener('click', () => {
    api('/api/reset', {}).then(() => {
      app.sheet = 'Roster';
      app.selected = { row: 1, column: 1 };
      $('grid-scroll').scrollTop = 0;
      return reopen('Demo reset: organisation, sheets, triggers, properties, clock and faults as they started', false);
    }).catch(reportError);
  });

  /**
   * After a reset or a switch of user: the menu is built again by onOpen as whoever acts now, and the
   * sidebar closes (it ran as someone else, on what may be gone) — reopened by the new user on a switch.
   * @param {string} message @param {boolean} reopenSidebar
   */
  async function reopen(message, reopenSidebar) {
    const sidebarWasOpen = !$('sidebar-panel').hidden;
    closeSidebar();
    closeMenu();
    renderMenu(await api('/api/menu'));
    await refresh();
    toast(message);
    if (sidebarWasOpen && reopenSidebar) await runFunction('showSidebar', [], 'menu');
  }

  $('fault-clear').addEventListener('click', () => { api('/api/faults/clear', {}).then(refresh).catch(reportError); });

  // ---------- start ----------

  async function start() {
    showRunning();
    renderMenu(await api('/api/menu'));
    await refresh();
    $('grid-scroll').focus();
    document.body.dataset.ready = 'true';
  }
  start().catch(reportError);
})();
