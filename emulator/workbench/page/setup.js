// @ts-check
/**
 * The workbench page's Setup panel: break what checkSetup() checks, one fact at a time — the Chat app,
 * directory sharing, the user's admin privilege, their membership of one space the roster names, the scopes
 * they granted — then run Extensions › Chat Roster › Check setup and read what it says. A classic script
 * loaded before app.js, which calls setupPanel(). Built with DOM APIs; every text goes in as textContent.
 */

/**
 * Builds the panel into `container` once and returns what shows each new SetupView.
 * @param {HTMLElement} container
 * @param {(change: import('../api').SetupChange) => Promise<void>} send  changes the setup, then refreshes the page
 * @returns {(setup: import('../api').SetupView) => void}
 */
// Called from app.js: a global of the page, as classic scripts share one.
// eslint-disable-next-line no-unused-vars
function setupPanel(container, send) {
  const AUTH = 'https://www.googleapis.com/auth/';

  const fieldset = el('fieldset');
  // In the title row, so it stays in sight however far the panel is scrolled.
  const repair = el('button', 'Repair all');
  repair.type = 'button';
  repair.id = 'setup-repair';
  repair.title = 'Back to a sound setup: every switch on, every scope granted';
  /** Sends one change with the panel disabled, so clicks can't overtake it. @param {import('../api').SetupChange} request */
  const change = (request) => {
    fieldset.disabled = true;
    repair.disabled = true;
    container.dataset.busy = 'true';
    send(request).finally(() => {
      fieldset.disabled = false;
      repair.disabled = false;
      delete container.dataset.busy;
    });
  };

  /**
   * A switch: a checkbox, what it is, and where an administrator flips it for real.
   * @param {string} id @param {string} label @param {string} hint @param {(on: boolean) => import('../api').SetupChange} changeFor
   */
  function toggle(id, label, hint, changeFor) {
    const row = el('div', undefined, 'setup-switch');
    const box = el('input');
    box.type = 'checkbox';
    box.id = id;
    box.addEventListener('change', () => change(changeFor(box.checked)));
    const text = el('label');
    text.htmlFor = id;
    text.append(el('span', label), el('span', hint, 'setup-hint'));
    row.append(box, text);
    fieldset.append(row);
    return { row, box, text };
  }

  const title = el('div', undefined, 'box-title setup-title');
  const intro = el('p', 'Break one, then run Extensions › Chat Roster › Check setup.', 'setup-intro muted');
  const status = el('p', '', 'setup-status');
  status.id = 'setup-status';
  const app = toggle('setup-app-configured', 'Chat app configured', 'Cloud console › Chat API › Configuration',
    (on) => ({ appConfigured: on }));
  const admin = toggle('setup-chat-admin', 'Your admin privilege', 'Manage chat and spaces conversations',
    (on) => ({ chatAdmin: on }));
  const sharing = toggle('setup-directory-sharing', 'Directory sharing', 'Admin console; counts without the privilege',
    (on) => ({ directorySharing: on }));
  const space = toggle('setup-in-space', 'You are in the space', 'the roster names it', (on) => ({ inSpace: on }));

  const scopes = el('details', undefined, 'setup-scopes');
  scopes.id = 'setup-scopes';
  const summary = el('summary');
  const scopeList = el('ul', undefined, 'plain');
  const grantAll = el('button', 'Grant all');
  grantAll.type = 'button';
  grantAll.id = 'setup-scopes-all';
  grantAll.addEventListener('click', () => change({ grantedScopes: null }));
  scopes.append(summary, scopeList, grantAll);
  fieldset.append(scopes);

  title.append(el('span', 'Setup'), repair);
  container.replaceChildren(title, intro, status, fieldset);

  /** @type {HTMLInputElement[]} */
  let scopeBoxes = [];
  /** @type {import('../api').SetupView | null} */
  let shown = null;
  repair.addEventListener('click', () => change({
    appConfigured: true, directorySharing: true, chatAdmin: true, grantedScopes: null, ...(shown && shown.space ? { inSpace: true } : {}),
  }));

  /** One checkbox per scope of the manifest, named without the common prefix. @param {import('../api').ScopeGrant[]} grants */
  function buildScopes(grants) {
    scopeList.replaceChildren();
    scopeBoxes = [];
    for (const grant of grants) {
      const box = el('input');
      box.type = 'checkbox';
      box.dataset.scope = grant.scope;
      box.addEventListener('change', () => change({ grantedScopes: scopeBoxes.filter((b) => b.checked).map((b) => String(b.dataset.scope)) }));
      const label = el('label');
      label.title = grant.scope;
      label.append(box, el('span', grant.scope.startsWith(AUTH) ? grant.scope.slice(AUTH.length) : grant.scope));
      const item = el('li');
      item.append(label);
      scopeList.append(item);
      scopeBoxes.push(box);
    }
  }

  /** What differs from a sound setup, in a few words. @param {import('../api').SetupView} setup */
  function broken(setup) {
    const missing = setup.scopes.filter((grant) => !grant.granted).length;
    return [
      setup.appConfigured ? '' : 'no Chat app',
      setup.chatAdmin ? '' : 'no admin privilege',
      setup.directorySharing ? '' : 'no directory sharing',
      setup.space && !setup.space.member ? `you left ${setup.space.displayName || setup.space.name}` : '',
      missing ? `${missing} ${missing === 1 ? 'scope' : 'scopes'} withheld` : '',
    ].filter(Boolean);
  }

  return (setup) => {
    shown = setup;
    if (scopeBoxes.length !== setup.scopes.length) buildScopes(setup.scopes);
    app.box.checked = setup.appConfigured;
    admin.box.checked = setup.chatAdmin;
    sharing.box.checked = setup.directorySharing;
    space.row.hidden = !setup.space;
    if (setup.space) {
      space.box.checked = setup.space.member;
      /** @type {HTMLElement} */ (space.text.firstChild).textContent = `You are in ${setup.space.displayName || setup.space.name}`;
    }
    setup.scopes.forEach((grant, index) => { scopeBoxes[index].checked = grant.granted; });
    const granted = setup.scopes.filter((grant) => grant.granted).length;
    summary.textContent = `Scopes granted: ${granted} of ${setup.scopes.length}`;
    const changes = broken(setup);
    status.textContent = changes.length ? `Broken on purpose: ${changes.join(', ')}.` : 'Sound: Check setup should report every check OK.';
    status.classList.toggle('broken', changes.length > 0);
  };
}
