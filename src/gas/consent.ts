/**
 * Granular consent (reference/first-deploy.md §1): an administrator may grant only some of the scopes the
 * manifest asks for, so every entry point checks the ones it needs before it starts and, when one is
 * missing, says in a sentence which permission and what it is for. The admin-only scopes are needed only
 * while admin access is on.
 */
import { ADMIN_SENTENCE_PREFIX } from '../shared/sentences';

const AUTH = 'https://www.googleapis.com/auth/';

export interface ScopeUse {
  scope: string;
  /** What Chat Roster does with it, completing "Chat Roster needs your permission to …". */
  purpose: string;
}

/** Every scope of appsscript.json (the manifest), with what it is for (README's table says the same). */
export const SCOPES = {
  sheet: { scope: `${AUTH}spreadsheets.currentonly`, purpose: 'read the roster and write statuses in this spreadsheet' },
  ui: { scope: `${AUTH}script.container.ui`, purpose: 'show its menu and sidebar' },
  email: { scope: `${AUTH}userinfo.email`, purpose: 'know which account runs it (so it never removes you from a space)' },
  fetch: { scope: `${AUTH}script.external_request`, purpose: 'send membership changes to Google Chat' },
  triggers: { scope: `${AUTH}script.scriptapp`, purpose: 'install the hourly trigger of the nightly sync' },
  memberships: { scope: `${AUTH}chat.memberships`, purpose: 'read and change the members of your spaces' },
  app: { scope: `${AUTH}chat.memberships.app`, purpose: 'add or remove its own Chat app (app rows)' },
  spaces: { scope: `${AUTH}chat.spaces.readonly`, purpose: 'find spaces by ID, link or name' },
  adminMemberships: { scope: `${AUTH}chat.admin.memberships`, purpose: 'manage members of any space of your organisation (admin access)' },
  adminSpaces: { scope: `${AUTH}chat.admin.spaces.readonly`, purpose: 'find any space of your organisation (admin access)' },
  directoryUsers: { scope: `${AUTH}admin.directory.user.readonly`, purpose: 'look people up in your directory in bulk' },
  directoryGroups: { scope: `${AUTH}admin.directory.group.readonly`, purpose: 'look Google Groups up in your directory' },
} as const satisfies Record<string, ScopeUse>;

type ScopeName = keyof typeof SCOPES;

/** What each kind of entry point needs; the Directory scopes are optional (Chat Roster falls back to one lookup per person). */
export const NEEDS = {
  sidebar: ['ui', 'sheet', 'email'],
  sheet: ['sheet'],
  run: ['sheet', 'email', 'fetch', 'memberships', 'app', 'spaces'],
  triggers: ['sheet', 'triggers'],
  /** importMemberships: reads the spaces and their members (chat.memberships covers the reads), appends to the sheet. */
  import: ['sheet', 'email', 'fetch', 'memberships', 'spaces'],
  adminAccess: ['adminMemberships', 'adminSpaces'],
  directory: ['directoryUsers', 'directoryGroups'],
} as const satisfies Record<string, readonly ScopeName[]>;

export type Need = keyof typeof NEEDS;

/** Thrown by requireGrants; entry points that return a report turn it into the report's message. */
export class ConsentError extends Error {
  constructor(readonly missing: readonly ScopeUse[]) {
    super(consentSentence(missing));
    this.name = 'ConsentError';
  }
}

export function consentSentence(missing: readonly ScopeUse[]): string {
  const what = missing.map((use) => `${use.purpose} (${use.scope.slice(AUTH.length)})`).join('; and to ');
  return `${ADMIN_SENTENCE_PREFIX}your permission to ${what}. Open Extensions › Chat Roster again and allow ${missing.length > 1 ? 'them' : 'it'} on Google's consent screen.`;
}

/**
 * @types/google-apps-script predates granular consent: getAuthorizationInfo(authMode, oAuthScopes) and
 * AuthorizationInfo.getAuthorizedScopes() ("returns the authorized scopes from the specified list",
 * https://developers.google.com/apps-script/reference/script/authorization-info).
 */
interface GranularScriptApp {
  getAuthorizationInfo(authMode: GoogleAppsScript.Script.AuthMode, oAuthScopes: string[]): { getAuthorizedScopes(): string[] | null };
}

/** The scopes of `needs` this user has not granted. */
export function missingGrants(...needs: Need[]): ScopeUse[] {
  const uses = [...new Set(needs.flatMap((need) => NEEDS[need] as readonly ScopeName[]))].map((name) => SCOPES[name]);
  const scriptApp = ScriptApp as unknown as GranularScriptApp;
  const info = scriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, uses.map((use) => use.scope));
  const granted = new Set(info.getAuthorizedScopes() ?? []);
  return uses.filter((use) => !granted.has(use.scope));
}

/** Throws a ConsentError naming every missing scope of `needs`. */
export function requireGrants(...needs: Need[]): void {
  const missing = missingGrants(...needs);
  if (missing.length > 0) throw new ConsentError(missing);
}
