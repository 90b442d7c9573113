// @ts-check
/**
 * The workbench page's view of the emulated Google: the virtual clock and its speed, Advance 1 hour (installed
 * triggers fire), the counters, the spaces with their members, the units, the Setup panel, fault injection and
 * the executions list; and the Acting as chip in the header, shown from the same state. A classic script loaded
 * before app.js, which calls googlePanel().
 */

/**
 * Builds the panels and wires their controls; returns what shows each new state.
 * @param {PageState} app  the page's state (app.js)
 * @param {(path: string, body?: unknown) => Promise<any>} api  the workbench's JSON API
 * @param {() => Promise<void>} refresh
 * @param {(error: unknown) => void} reportError
 * @param {{ running: string[], showRunning: () => void }} runs  the executions under way, shown in the header
 * @param {(message: string, reopenSidebar: boolean) => Promise<void>} reopen  after a switch of user (app.js)
 * @returns {() => void}
 */
// Called from app.js: a global of the page, as classic scripts share one.
// eslint-disable-next-line no-unused-vars
function googlePanel(app, api, refresh, reportError, runs, reopen) {
  const { running, showRunning } = runs;

  /** @param {number} ms */
  function duration(ms) {
    if (ms < 1000) return `${ms} ms`;
    const s = Math.round(ms / 1000);
    return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
  }

  /** @param {number} ms epoch: in the spreadsheet's time zone, named (as the sheet's stamps are) */
  const clockText = (ms) => zonedClock(ms, app.state ? app.state.timeZone : 'UTC').text;

  /** @param {import('../api').SpaceView} space */
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

  /** @param {import('../api').ActivityEntry} entry */
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
  $('fault-clear').addEventListener('click', () => { api('/api/faults/clear', {}).then(refresh).catch(reportError); });

  return renderGoogle;
}
