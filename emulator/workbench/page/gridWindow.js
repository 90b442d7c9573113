// @ts-check
/**
 * Which rows the grid draws. Up to VIRTUAL_ABOVE rows it draws them all (tests and small sheets read every
 * row); above, only the frozen rows and those around the scrolled-to place, with spacers standing in for
 * the rest at the same height, so a 5,000-row sheet costs what 100 rows do. A classic script loaded before app.js.
 */

const GRID_VIRTUAL_ABOVE = 1000;
const GRID_OVERSCAN = 40;

/**
 * @param {{ height: number, frozen: number, scrollTop: number, viewport: number, rowHeight: number }} at
 * @returns {{ first: number, last: number }} 1-based rows after the frozen ones to draw (first > last: none)
 */
// Called from app.js: a global of the page, as classic scripts share one.
// eslint-disable-next-line no-unused-vars
function gridWindow(at) {
  const { height, frozen, scrollTop, viewport, rowHeight } = at;
  if (height <= GRID_VIRTUAL_ABOVE) return { first: frozen + 1, last: height };
  const top = Math.floor(scrollTop / rowHeight) + 1;
  const first = Math.max(frozen + 1, top - GRID_OVERSCAN);
  const last = Math.min(height, top + Math.ceil(viewport / rowHeight) + GRID_OVERSCAN);
  return { first, last };
}
