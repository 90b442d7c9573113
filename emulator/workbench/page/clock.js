// @ts-check
/**
 * Virtual time as the page shows it: in the spreadsheet's time zone, named, the way the add-on stamps the
 * sheet ('yyyy-MM-dd HH:mm:ss' in that zone), so the grid's Updated column, the executions and the header
 * agree; UTC goes in the tooltip. A classic script loaded before app.js.
 */

/** @type {Map<string, Intl.DateTimeFormat>} */
const clockFormats = new Map();

/**
 * @param {number} ms epoch
 * @param {string} timeZone IANA, e.g. America/New_York
 * @returns {{ text: string, utc: string }} text: '2026-11-23 04:00:00 (America/New_York)'; utc: '2026-11-23 09:00:00 UTC'
 */
// Called from app.js: a global of the page, as classic scripts share one.
// eslint-disable-next-line no-unused-vars
function zonedClock(ms, timeZone) {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    clockFormats.set(timeZone, format);
  }
  /** @type {Record<string, string>} */
  const p = {};
  for (const part of format.formatToParts(new Date(ms))) p[part.type] = part.value;
  return {
    text: `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} (${timeZone})`,
    utc: `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} UTC`,
  };
}
