/**
 * ScriptApp's side of granular consent (https://developers.google.com/apps-script/concepts/scopes,
 * reference/script/script-app and reference/script/authorization-info): what the user granted of the scopes
 * the manifest asks, and asking for the rest.
 * - getAuthorizationInfo(authMode[, oAuthScopes]): REQUIRED when, in AuthMode FULL, one of the scopes asked
 *   about (default: all the manifest's) isn't granted; getAuthorizedScopes() gives the granted ones ("the
 *   authorized scopes from the specified list"); getAuthorizationUrl() is null when nothing is required.
 *   Other modes: NOT_REQUIRED ("no other authorization mode requires that users grant authorization").
 * - requireScopes(authMode, oAuthScopes) / requireAllScopes(authMode): if a consent is missing, the method
 *   "ends the current execution and renders an authorization prompt". The text it ends with isn't
 *   documented: stricter reading, an Exception 'Authorization is required to perform that action.' (the
 *   troubleshooting guide's heading for unauthorized calls) that every later service call throws again;
 *   the prompt is recorded in `execution.ui.authorizationPrompts`.
 * - "Scopes that are invalid or not required by the script lead to an error": a scope the manifest doesn't
 *   list throws `Invalid argument: oAuthScopes (<scope> is not requested by the script)` (text assumed).
 * Not modelled: which surfaces support granular consent (the reference says unsupported ones prompt for
 * every scope at the start of the execution; here the world's grant stands until changed).
 */
import { AUTHORIZATION_REQUIRED, type ExecutionContext } from './execution';

export const AuthMode = { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' } as const;
export const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;
type AuthModeValue = (typeof AuthMode)[keyof typeof AuthMode];

const AUTHORIZATION_URL = 'https://script.google.com/macros/d/emulated/authorize';

export interface FakeAuthorizationInfo {
  getAuthorizationStatus(): string;
  getAuthorizationUrl(): string | null;
  getAuthorizedScopes(): string[];
}

export function createAuthorization(ctx: ExecutionContext) {
  const mode = (authMode: unknown): AuthModeValue => {
    const value = Object.values(AuthMode).find((known) => known === authMode);
    if (!value) throw ctx.error('Invalid argument: authMode');
    return value;
  };
  /** The scopes asked about; each must be one the manifest requests. */
  const asked = (oAuthScopes: unknown): string[] => {
    if (!Array.isArray(oAuthScopes)) throw ctx.error('Invalid argument: oAuthScopes');
    const scopes = oAuthScopes.map(String);
    const stray = scopes.find((scope) => !ctx.settings.requestedScopes.includes(scope));
    if (stray !== undefined) throw ctx.error(`Invalid argument: oAuthScopes (${stray} is not requested by the script)`);
    return scopes;
  };
  const missing = (scopes: readonly string[]) => scopes.filter((scope) => !ctx.settings.scopes.includes(scope));

  const demand = (authMode: unknown, scopes: readonly string[]): void => {
    const lacking = missing(scopes);
    if (mode(authMode) !== AuthMode.FULL || lacking.length === 0) return;
    ctx.ui.authorizationPrompts.push(lacking);
    ctx.halt(AUTHORIZATION_REQUIRED);
  };

  return {
    getAuthorizationInfo(authMode: unknown, oAuthScopes?: unknown): FakeAuthorizationInfo {
      ctx.enter('ScriptApp.getAuthorizationInfo');
      const full = mode(authMode) === AuthMode.FULL;
      const scopes = oAuthScopes === undefined ? [...ctx.settings.requestedScopes] : asked(oAuthScopes);
      const required = full && missing(scopes).length > 0;
      const authorized = scopes.filter((scope) => ctx.settings.scopes.includes(scope));
      return {
        getAuthorizationStatus: () => (required ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED),
        getAuthorizationUrl: () => (required ? AUTHORIZATION_URL : null),
        getAuthorizedScopes: () => [...authorized],
      };
    },

    requireScopes(authMode: unknown, oAuthScopes: unknown): void {
      ctx.enter('ScriptApp.requireScopes');
      demand(authMode, asked(oAuthScopes));
    },

    requireAllScopes(authMode: unknown): void {
      ctx.enter('ScriptApp.requireAllScopes');
      demand(authMode, ctx.settings.requestedScopes);
    },
  };
}
