// @ts-check
/**
 * The workbench page: the emulated spreadsheet as an editable grid, the add-on menu, the add-on's sidebar in
 * a sandboxed frame (its google.script.run calls arrive here by postMessage, see shim.js), and a view of the
 * emulated Google. Everything that comes from users (cells, space names, emails, messages) reaches the DOM
 * through textContent, title or value only — never as HTML. This script holds the page's state, its calls to
 * the workbench and the running of the add-on's functions, and puts the parts together: dom.js, dialogs.js,
 * menu.js, sidebarFrame.js, sheetGrid.js, cellEditing.js and googlePanel.js, classic scripts loaded before it.
 */

/**
 * The page's state, shared by its parts: the sheet shown and its view, the latest state of the workbench, the
 * selected cell, the cell being edited, and whether the grid is to be drawn again once the edit ends.
 * @typedef {{ sheet: string, view: import('../api').SheetView | null, state: import('../api').StateView | null, selected: { row: number, column: number }, editing: HTMLInputElement | null, renderLater: boolean }} PageState
 */

(function () {
  /** @typedef {import('../api').StateView} StateView */
  /** @typedef {import('../api').RunResponse} RunResponse */

  /** @type {PageState} */
  const app = {
    sheet: 'Roster', view: null, state: null, selected: { row: 1, column: 1 }, editing: null, renderLater: false,
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

  // ---------- the page's parts ----------

  const { renderMenu, closeMenu } = addOnMenu(runFunction, reportError);
  const { openSidebar, closeSidebar } = sidebarFrame(runFunction);
  const sheet = sheetGrid(app, refresh, reportError);
  const { renderTabs, renderGrid } = sheet;
  cellEditing(app, sheet, api, refresh, reportError);
  const renderGoogle = googlePanel(app, api, refresh, reportError, { running, showRunning }, reopen);

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
