/**
 * The scope table: for every Apps Script method the fakes implement, the scopes its reference page's
 * "Authorization" list gives ("Scripts that use this method require authorization with one or more of the
 * following scopes": any one suffices), with the page per class. `ExecutionContext.enter(method)` looks a
 * method up here; a method missing from the table is an emulator bug and throws.
 *
 * `[]` means the page lists no scope. Readings where the page is silent are marked "stricter reading" (the
 * fake then asks for a scope) or "AuthMode NONE" (menus must build in an add-on's onOpen before any grant).
 * Permission messages: see `permissionDenied`.
 */
import shippedManifest from '../../appsscript.json';
import type { Locale } from './execution';

const AUTH = 'https://www.googleapis.com/auth/';
export const SCOPE = {
  userinfoEmail: `${AUTH}userinfo.email`,
  spreadsheetsCurrentOnly: `${AUTH}spreadsheets.currentonly`,
  spreadsheets: `${AUTH}spreadsheets`,
  containerUi: `${AUTH}script.container.ui`,
  externalRequest: `${AUTH}script.external_request`,
  scriptApp: `${AUTH}script.scriptapp`,
} as const;

/** The scopes the shipped manifest asks (appsscript.json at the project root): a world without a manifest asks these. */
export const DEFAULT_SCOPES: readonly string[] = shippedManifest.oauthScopes;

const REF = 'https://developers.google.com/apps-script/reference/';
const SHEETS = [SCOPE.spreadsheetsCurrentOnly, SCOPE.spreadsheets];
const NONE: readonly string[] = [];

export interface ServiceScopes {
  /** the reference page the lists come from */
  readonly source: string;
  /** method → scopes of which one must be granted; '*' = every other method of the class */
  readonly methods: Readonly<Record<string, readonly string[]>>;
}

export const SCOPE_TABLE: Readonly<Record<string, ServiceScopes>> = {
  Session: {
    source: `${REF}base/session`,
    methods: { getActiveUser: [SCOPE.userinfoEmail], getEffectiveUser: [SCOPE.userinfoEmail], getScriptTimeZone: NONE, getActiveUserLocale: NONE },
  },
  // Every method of the Spreadsheet service pages lists both scopes. getUi lists none we rely on: AuthMode NONE.
  // newDataValidation/newConditionalFormatRule and the builders' methods: stricter reading, the same two scopes.
  SpreadsheetApp: { source: `${REF}spreadsheet/spreadsheet-app`, methods: { getUi: NONE, '*': SHEETS } },
  Spreadsheet: { source: `${REF}spreadsheet/spreadsheet`, methods: { '*': SHEETS } },
  Sheet: { source: `${REF}spreadsheet/sheet`, methods: { '*': SHEETS } },
  Range: { source: `${REF}spreadsheet/range`, methods: { '*': SHEETS } },
  RangeList: { source: `${REF}spreadsheet/range-list`, methods: { '*': SHEETS } },
  DataValidationBuilder: { source: `${REF}spreadsheet/data-validation-builder`, methods: { '*': SHEETS } },
  ConditionalFormatRuleBuilder: { source: `${REF}spreadsheet/conditional-format-rule-builder`, methods: { '*': SHEETS } },
  // The Ui page lists no scope; Apps Script refuses showSidebar without script.container.ui (its own message,
  // reference/chat-api-scopes.md §3). alert: stricter reading, the same. Menus: AuthMode NONE, no scope.
  Ui: { source: `${REF}base/ui`, methods: { createAddonMenu: NONE, createMenu: NONE, showSidebar: [SCOPE.containerUi], alert: [SCOPE.containerUi] } },
  Menu: { source: `${REF}base/menu`, methods: { '*': NONE } },
  UrlFetchApp: { source: `${REF}url-fetch/url-fetch-app`, methods: { '*': [SCOPE.externalRequest] } },
  ScriptApp: {
    source: `${REF}script/script-app`,
    methods: {
      newTrigger: [SCOPE.scriptApp], getProjectTriggers: [SCOPE.scriptApp], getUserTriggers: [SCOPE.scriptApp], deleteTrigger: [SCOPE.scriptApp],
      getOAuthToken: NONE, getAuthorizationInfo: NONE, requireScopes: NONE, requireAllScopes: NONE,
    },
  },
  Trigger: { source: `${REF}script/trigger`, methods: { '*': [SCOPE.scriptApp] } },
  ClockTriggerBuilder: { source: `${REF}script/clock-trigger-builder`, methods: { '*': NONE } },
  PropertiesService: { source: `${REF}properties/properties-service`, methods: { '*': NONE } },
  Properties: { source: `${REF}properties/properties`, methods: { '*': NONE } },
  CacheService: { source: `${REF}cache/cache-service`, methods: { '*': NONE } },
  Cache: { source: `${REF}cache/cache`, methods: { '*': NONE } },
  LockService: { source: `${REF}lock/lock-service`, methods: { '*': NONE } },
  Lock: { source: `${REF}lock/lock`, methods: { '*': NONE } },
  Utilities: { source: `${REF}utilities/utilities`, methods: { '*': NONE } },
  HtmlService: { source: `${REF}html/html-service`, methods: { '*': NONE } },
  // Value objects the fakes hand out without a service call (no time or scope check): none listed either.
  HtmlOutput: { source: `${REF}html/html-output`, methods: { '*': NONE } },
  HtmlTemplate: { source: `${REF}html/html-template`, methods: { '*': NONE } },
  HTTPResponse: { source: `${REF}url-fetch/http-response`, methods: { '*': NONE } },
  Blob: { source: `${REF}base/blob`, methods: { '*': NONE } },
  Logger: { source: `${REF}base/logger`, methods: { '*': NONE } },
  console: { source: `${REF}base/console`, methods: { '*': NONE } },
  // Advanced services: Apps Script checks nothing itself; the API refuses a token without the scope (403,
  // surfaced as GoogleJsonResponseException) — the emulated Google does that (emulator/auth.ts).
  Chat: { source: 'https://developers.google.com/apps-script/advanced/chat', methods: { '*': NONE } },
  AdminDirectory: { source: 'https://developers.google.com/apps-script/advanced/admin-sdk-directory', methods: { '*': NONE } },
};

/** 'Session.getEffectiveUser' → the scopes of which one must be granted. */
export function scopesFor(method: string): readonly string[] {
  const dot = method.indexOf('.');
  const service = SCOPE_TABLE[method.slice(0, dot)];
  const scopes = service?.methods[method.slice(dot + 1)] ?? service?.methods['*'];
  if (!scopes) throw new Error(`emulator: ${method} is not in the scope table (emulator/gas/scopes.ts)`);
  return scopes;
}

const TROUBLESHOOTING = 'https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is';

/**
 * Apps Script's refusal, as seen in 2025 executions: one scope bare, several as `(A || B)` in the page's
 * order, then a link to the troubleshooting guide; localized like the rest of its messages. The same text
 * whether the manifest lacks the scope or the user didn't grant it (older runtimes also said "Specified
 * permissions are not sufficient to call …" for the former: match neither).
 */
export function permissionDenied(method: string, anyOf: readonly string[], locale: Locale): string {
  const required = anyOf.length === 1 ? anyOf[0] : `(${anyOf.join(' || ')})`;
  return locale === 'es'
    ? `No cuentas con el permiso para llamar a ${method}. Permisos necesarios: ${required}. Para obtener más información, consulta ${TROUBLESHOOTING}`
    : `You do not have permission to call ${method}. Required permissions: ${required}. For more information, see ${TROUBLESHOOTING}`;
}
