// @ts-check
/**
 * The workbench page's Extensions menu: the add-on menu onOpen built, each item running its function as one
 * execution; it opens on a click, closes on a click elsewhere or Escape (focus back on Extensions). A classic
 * script loaded before app.js, which calls addOnMenu().
 */

/**
 * Wires the Extensions button and returns what draws the menus and closes them.
 * @param {(name: string, args: unknown[], via: string) => Promise<unknown>} runFunction  runs one function of the add-on
 * @param {(error: unknown) => void} reportError
 * @returns {{ renderMenu: (menus: import('../api').MenuView[]) => void, closeMenu: () => void }}
 */
// Called from app.js: a global of the page, as classic scripts share one.
// eslint-disable-next-line no-unused-vars
function addOnMenu(runFunction, reportError) {
  /** @param {import('../api').MenuView[]} menus */
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
  return { renderMenu, closeMenu };
}
