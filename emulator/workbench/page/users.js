// @ts-check
/**
 * Whom the workbench acts as: the header names them, and *Switch user…* offers the Directory's people who
 * can sign in (Chat administrators marked) — the same document opened by another account, so the menu and
 * the sidebar run as them. A classic script loaded before app.js, which calls actingUserControl().
 */

/**
 * @param {HTMLElement} chip shows the acting user's email
 * @param {HTMLSelectElement} picker the Switch user… dropdown
 * @param {(email: string) => void} switchTo
 * @returns {(state: import('../api').StateView) => void} shows each new state
 */
// Called from app.js: a global of the page, as classic scripts share one.
// eslint-disable-next-line no-unused-vars
function actingUserControl(chip, picker, switchTo) {
  let shown = '';
  picker.addEventListener('change', () => {
    const email = picker.value;
    picker.value = '';
    if (email) switchTo(email);
  });
  return (state) => {
    chip.textContent = state.user;
    const admin = state.users.find((user) => user.email === state.user);
    chip.title = `The account the add-on runs as${admin && admin.chatAdmin ? ' (a Chat administrator)' : ' (not a Chat administrator)'}`;
    const key = JSON.stringify([state.user, state.users]);
    if (key === shown) return; // keep an open dropdown open
    shown = key;
    const first = document.createElement('option');
    first.value = '';
    first.textContent = 'Switch user…';
    const options = state.users.filter((user) => user.email !== state.user).map((user) => {
      const option = document.createElement('option');
      option.value = user.email;
      option.textContent = user.chatAdmin ? `${user.email} (Chat admin)` : user.email;
      return option;
    });
    picker.replaceChildren(first, ...options);
    picker.value = '';
  };
}
