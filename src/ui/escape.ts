/**
 * Text that reaches the sidebar from users (space names, emails, Details, messages) is only ever shown
 * through textContent, setAttribute or a text node — never parsed as HTML (DESIGN.md §6). These helpers
 * make that text tidy for display; they are pure, so tests run without a DOM.
 */

/** C0/C1 control characters (but tab and newline) and bidi overrides, which can disguise text. */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** The longest piece of server text shown as it is; longer text ends in an ellipsis. */
export const MAX_DISPLAY_CHARS = 500;

/** Any value as a plain, bounded display string (never HTML). */
export function displayText(value: unknown, max: number = MAX_DISPLAY_CHARS): string {
  const text = value === null || value === undefined ? '' : String(value);
  const clean = text.replace(UNSAFE, '');
  return clean.length > max ? `${clean.slice(0, Math.max(0, max - 1))}…` : clean;
}

/**
 * HTML-escapes text. The sidebar itself never needs it (it builds DOM nodes), but anything that ever has
 * to put text into markup (a test fixture, a fake page) must go through this.
 */
export function escapeHtml(value: unknown): string {
  return displayText(value, Number.MAX_SAFE_INTEGER)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
