/**
 * A failed server call as one plain sentence that says what to do (no DOM, unit-tested in Node): what the
 * sidebar was doing, and the cause read from Apps Script's message — time-out, network, permission, quota,
 * Google's own trouble, an outdated copy — with Resume named when an apply run was under way.
 */
import { ADMIN_SENTENCE_PREFIX } from '../shared/sentences';
import { displayText } from './escape';

/** What the sidebar was doing when a call failed, for the sentence that says so. */
export type Action = 'load' | 'preview' | 'apply' | 'stop' | 'nightly' | 'admin' | 'setup' | 'check' | 'import';

const DOING: Record<Action, string> = {
  load: 'load the roster',
  preview: 'preview the roster',
  apply: 'apply the roster',
  stop: 'stop the run',
  nightly: 'change the nightly sync',
  admin: 'change admin access',
  setup: 'set up the Roster sheet',
  check: 'check the setup',
  import: 'import the members',
};

/** The message of whatever a failure handler received (an Error, a string, anything). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return typeof error === 'string' ? error : '';
}

const RESUME_HINT = ' The rows not done yet stay PENDING: press Resume to continue.';

/** A failed google.script.run call as one plain sentence that says what to do. */
export function errorSentence(action: Action, error: unknown): string {
  const raw = displayText(errorMessage(error), 300).replace(/^(Exception|Error|TypeError|ScriptError):\s*/i, '').trim();
  const during = action === 'apply' ? RESUME_HINT : '';
  if (raw.startsWith(ADMIN_SENTENCE_PREFIX)) return raw;
  if (/exceeded maximum execution time|timed? ?out/i.test(raw)) {
    return `The last step ran out of time (Apps Script stops a call after 6 minutes).${action === 'apply' ? RESUME_HINT : ' Try again.'}`;
  }
  if (/networkerror|network error|failed to fetch|connection|http 0\b|offline|could not connect|unable to connect/i.test(raw)) {
    return `Chat Roster couldn't reach Google Sheets: check your connection and try again.${during}`;
  }
  if (/authori[sz]ation is required|not authori[sz]ed|permission|permission_denied|access denied|access not granted/i.test(raw)) {
    return `Chat Roster doesn't have permission to ${DOING[action]}: reopen it from Extensions › Chat Roster and allow access, or ask your Workspace admin.${during}`;
  }
  if (/too many times|quota|rate limit|limit exceeded/i.test(raw)) {
    return `Google's usage limit for your account is reached for now: try again later.${during}`;
  }
  if (/server error|internal error|backend error|service unavailable|temporarily unavailable|try again later/i.test(raw)) {
    return `Google had a temporary problem: try again in a minute.${during}`;
  }
  if (/script function not found|is not a function|not found:/i.test(raw)) {
    return 'This copy of Chat Roster is out of date: reload the spreadsheet and open the sidebar again.';
  }
  const reason = raw.replace(/[.\s]+$/, '');
  const next = action === 'apply' ? RESUME_HINT : ' Try again.';
  return reason
    ? `Chat Roster couldn't ${DOING[action]}: ${reason}.${next}`
    : `Chat Roster couldn't ${DOING[action]}.${next}`;
}
