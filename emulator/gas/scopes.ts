/**
 * OAuth scopes a user can grant the add-on, and the Apps Script services that need them
 * (reference/chat-api-scopes.md §3, reference/apps-script-limits.md §3).
 */
const AUTH = 'https://www.googleapis.com/auth/';

/** deploy/appsscript.json's scopes plus script.scriptapp (needed by ScriptApp trigger calls). */
export const DEFAULT_SCOPES: readonly string[] = [
  `${AUTH}spreadsheets.currentonly`,
  `${AUTH}script.container.ui`,
  `${AUTH}userinfo.email`,
  `${AUTH}script.external_request`,
  `${AUTH}script.scriptapp`,
  `${AUTH}chat.memberships`,
  `${AUTH}chat.memberships.app`,
  `${AUTH}chat.spaces.readonly`,
  `${AUTH}chat.admin.memberships`,
  `${AUTH}chat.admin.spaces.readonly`,
  `${AUTH}admin.directory.user.readonly`,
  `${AUTH}admin.directory.group.readonly`,
];

/** Apps Script service → scopes of which one must be granted. */
export const SERVICE_SCOPES = {
  spreadsheet: [`${AUTH}spreadsheets.currentonly`, `${AUTH}spreadsheets`],
  ui: [`${AUTH}script.container.ui`],
  urlFetch: [`${AUTH}script.external_request`],
  scriptApp: [`${AUTH}script.scriptapp`],
} as const;
