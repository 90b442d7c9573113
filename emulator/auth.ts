/**
 * Bearer tokens and OAuth scopes (reference/chat-api-scopes.md §1–§2). The emulator speaks user
 * authentication only: a token names a user and the scopes that user granted.
 */
import { GoogleError, insufficientScopes, permissionDenied } from './errors';
import type { OrgState, UserRecord } from './state';

export const SCOPE_PREFIX = 'https://www.googleapis.com/auth/';
const scopes = (...names: string[]): string[] => names.map((n) => SCOPE_PREFIX + n);

export interface Caller {
  user: UserRecord;
  scopes: ReadonlySet<string>;
}

/**
 * Tokens survive reset() and seed(): they only bind an email to scopes, and the user is looked up at call
 * time, so a harness can issue tokens once and re-seed between cases.
 */
export class TokenStore {
  private readonly tokens = new Map<string, { email: string; scopes: ReadonlySet<string> }>();
  private counter = 0;

  issue(email: string, granted: string[]): string {
    this.counter += 1;
    const token = `ya29.emulated-${this.counter.toString(36)}-${email.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
    this.tokens.set(token, { email: email.toLowerCase(), scopes: new Set(granted) });
    return token;
  }

  /** The email a request's token names, for the call log even when the call fails. */
  emailOf(authorization: string | undefined): string {
    const token = bearer(authorization);
    return (token && this.tokens.get(token)?.email) || '';
  }

  authenticate(authorization: string | undefined, state: OrgState): Caller {
    const token = bearer(authorization);
    if (!token) {
      throw new GoogleError(401, 'UNAUTHENTICATED',
        'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
        'CREDENTIALS_MISSING');
    }
    const grant = this.tokens.get(token);
    const user = grant && state.userByEmail(grant.email);
    if (!grant || !user) {
      throw new GoogleError(401, 'UNAUTHENTICATED',
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
        'ACCESS_TOKEN_TYPE_UNSUPPORTED');
    }
    return { user, scopes: grant.scopes };
  }
}

function bearer(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

/**
 * Scopes that grant each method in each mode, for a user-auth caller. These are chat_v1.yaml's lists
 * (chat-api-scopes.md §1) minus the app-auth scopes (chat.app.*, chat.bot) and chat.import (import-mode
 * spaces only), which a user token can't use here; admin scopes count only with useAdminAccess=true
 * (stricter reading, §2). `chat.memberships.app` is the only scope for adding/removing the calling app.
 */
export const METHOD_SCOPES = {
  'chat.spaces.members.create': { user: scopes('chat.memberships'), app: scopes('chat.memberships.app'), admin: scopes('chat.admin.memberships') },
  'chat.spaces.members.delete': { user: scopes('chat.memberships'), app: scopes('chat.memberships.app'), admin: scopes('chat.admin.memberships') },
  'chat.spaces.members.patch': { user: scopes('chat.memberships'), app: [], admin: scopes('chat.admin.memberships') },
  'chat.spaces.members.get': {
    user: scopes('chat.memberships', 'chat.memberships.readonly'), app: [],
    admin: scopes('chat.admin.memberships', 'chat.admin.memberships.readonly'),
  },
  'chat.spaces.members.list': {
    user: scopes('chat.memberships', 'chat.memberships.readonly'), app: [],
    admin: scopes('chat.admin.memberships', 'chat.admin.memberships.readonly'),
  },
  'chat.spaces.get': { user: scopes('chat.spaces', 'chat.spaces.readonly'), app: [], admin: scopes('chat.admin.spaces', 'chat.admin.spaces.readonly') },
  'chat.spaces.list': { user: scopes('chat.spaces', 'chat.spaces.readonly'), app: [], admin: [] },
  'chat.spaces.search': { user: scopes('chat.spaces', 'chat.spaces.readonly'), app: [], admin: scopes('chat.admin.spaces', 'chat.admin.spaces.readonly') },
  'admin.directory.users.get': { user: scopes('admin.directory.user.readonly', 'admin.directory.user'), app: [], admin: [] },
  'admin.directory.users.list': { user: scopes('admin.directory.user.readonly', 'admin.directory.user'), app: [], admin: [] },
  'admin.directory.groups.get': { user: scopes('admin.directory.group.readonly', 'admin.directory.group'), app: [], admin: [] },
  'admin.directory.groups.list': { user: scopes('admin.directory.group.readonly', 'admin.directory.group'), app: [], admin: [] },
  // members.list reference, "Authorization scopes" (the legacy apps-apis.google.com feed scope left out).
  'admin.directory.members.list': {
    user: scopes('admin.directory.group', 'admin.directory.group.member', 'admin.directory.group.member.readonly', 'admin.directory.group.readonly'),
    app: [], admin: [],
  },
} as const satisfies Record<string, { user: readonly string[]; app: readonly string[]; admin: readonly string[] }>;

export type MethodId = keyof typeof METHOD_SCOPES;

/** Throws 403 unless the caller holds one of the scopes for this method and mode. */
export function requireScopes(caller: Caller, methodId: MethodId, mode: 'user' | 'app' | 'admin'): void {
  const accepted: readonly string[] = METHOD_SCOPES[methodId][mode];
  if (!accepted.some((s) => caller.scopes.has(s))) throw insufficientScopes();
}

/**
 * useAdminAccess needs all three (chat-api-scopes.md §2): the privilege, the flag and the admin scope.
 * Scopes are checked first, as Google's front end does before the backend looks at the user.
 */
export function requireChatAdmin(caller: Caller, methodId: MethodId): void {
  requireScopes(caller, methodId, 'admin');
  if (!caller.user.chatAdmin) {
    throw permissionDenied('The caller must be a Google Workspace administrator with the "manage chat and spaces conversations" privilege to use admin access.');
  }
}
