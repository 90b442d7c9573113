// @ts-check
/**
 * The workbench page's two DOM helpers: an element of the page by id, and a new element whose content is
 * plain text (textContent, never HTML). A classic script loaded before the page's other scripts, which call
 * $() and el().
 */

/** @template {HTMLElement} T @param {string} id @returns {T} */
// Called from the page's scripts: a global of the page, as classic scripts share one.
// eslint-disable-next-line no-unused-vars
const $ = (id) => /** @type {T} */ (document.getElementById(id));

/**
 * A new element with plain-text content.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag @param {string} [text] @param {string} [className]
 * @returns {HTMLElementTagNameMap[K]}
 */
// Called from the page's scripts: a global of the page, as classic scripts share one.
// eslint-disable-next-line no-unused-vars
function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}
