// @ts-check
/**
 * The workbench page's two ways to tell the user something, as Sheets does: an alert (a modal dialog; a second
 * message while one shows is added below it) and a toast that goes after five seconds. A classic script
 * loaded before app.js, which calls alertBox() and toast().
 */

/** @param {string} text */
// Called from app.js: a global of the page, as classic scripts share one.
// eslint-disable-next-line no-unused-vars
function alertBox(text) {
  const dialog = /** @type {HTMLDialogElement} */ ($('alert'));
  const p = $('alert-text');
  p.textContent = dialog.open && p.textContent ? `${p.textContent}\n\n${text}` : text;
  if (!dialog.open) dialog.showModal();
}

/** @type {number | undefined} */
let toastTimer;
/** @param {string} text */
// Called from app.js: a global of the page, as classic scripts share one.
// eslint-disable-next-line no-unused-vars
function toast(text) {
  const box = $('toast');
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => { box.hidden = true; }, 5000);
}
