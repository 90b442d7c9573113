/**
 * The Advanced Chat service (`Chat`) and the Admin SDK Directory service (`AdminDirectory`)
 * (reference/apps-script-advanced-chat.md §2–4). Each call builds the REST request, sends it with the
 * user's token, advances the clock by google.latencyMs and returns the parsed JSON. A non-2xx answer throws
 * an Error named 'GoogleJsonResponseException' whose message is localized to the user's locale and ends
 * with the API's error.message; like Google's, the error has no status code, `details` or response.
 * Arguments follow the advanced-services rule: body first, then path parameters, then optional query
 * parameters, then request headers (which may carry app auth).
 * Not modelled: other methods (spaces.setup/create/patch, messages, Directory members other than list, …), automatic retries
 * (there are none in Apps Script either), the service being disabled in the manifest, an empty response
 * ({} is returned), and whether these calls count toward URL Fetch quota (they spend it here: stricter).
 */
import type { chat_v1 } from '@googleapis/chat';
import type { HttpMethod, HttpRequest } from '../http';
import type { DailyQuota } from './dailyQuota';
import type { ExecutionContext, Locale } from './execution';
import { CHAT_API_ROOT, DIRECTORY_API_ROOT } from './googleApi';

type Query = Record<string, unknown>;
type Headers = Record<string, string>;

const FAILURE_MESSAGES: Record<Locale, (method: string, message: string) => string> = {
  en: (method, message) => `API call to ${method} failed with error: ${message}`,
  es: (method, message) => `No se ha podido llamar a la API ${method}; error: ${message}`,
};

function queryString(query: Query | undefined): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** `{+name}` expansion: slashes stay, reserved characters such as '@' stay. */
const reservedPath = (name: string) =>
  String(name).split('/').map((segment) => encodeURIComponent(segment).replace(/%40/g, '@').replace(/%3A/gi, ':')).join('/');
/** `{userKey}` expansion: one encoded segment. */
const simplePath = (key: string) => encodeURIComponent(String(key));

interface ApiCall {
  /** the Apps Script service and method, for the scope table, e.g. Chat.spaces.members.create */
  service: string;
  /** discovery name, e.g. chat.spaces.members.create */
  method: string;
  httpMethod: HttpMethod;
  url: string;
  body?: unknown;
  headers?: Headers;
}

export class AdvancedServiceCaller {
  private token?: string;

  constructor(private readonly ctx: ExecutionContext, private readonly quota: DailyQuota) {}

  call<T>(call: ApiCall): T {
    const { ctx } = this;
    ctx.enter(call.service);
    ctx.requireAuthorization();
    this.token ??= ctx.google.issueToken(ctx.user, [...ctx.settings.scopes]);
    const headers: Headers = { authorization: `Bearer ${this.token}` };
    for (const [name, value] of Object.entries(call.headers ?? {})) headers[name.toLowerCase()] = String(value);
    const request: HttpRequest = { method: call.httpMethod, url: call.url, headers };
    if (call.body !== undefined) {
      request.body = JSON.stringify(call.body);
      headers['content-type'] = 'application/json';
    }
    ctx.beforeApiCall();
    if (!this.quota.spend(ctx.user, ctx.now())) throw ctx.error('Service invoked too many times for one day: urlfetch.');
    ctx.counters.advancedCalls++;
    const response = ctx.google.fetch(request);
    ctx.advance(ctx.google.latencyMs);
    ctx.checkDeadline();
    if (response.status >= 200 && response.status < 300) return ctx.parseJson(response.body || '{}') as T;
    throw ctx.error(FAILURE_MESSAGES[ctx.settings.locale](call.method, errorMessage(response.body, response.status)), 'GoogleJsonResponseException');
  }
}

function errorMessage(body: string, status: number): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } };
    if (typeof parsed.error?.message === 'string') return parsed.error.message;
  } catch {
    // not JSON: fall through
  }
  return body || `HTTP ${status}`;
}

export function createChatService(api: AdvancedServiceCaller) {
  const chat = (method: string, httpMethod: HttpMethod, path: string, query?: Query, body?: unknown, headers?: Headers) =>
    api.call<unknown>({ service: `Chat.${method}`, method: `chat.${method}`, httpMethod, url: CHAT_API_ROOT + path + queryString(query), body, headers });
  return {
    Spaces: {
      get: (name: string, optionalArgs?: Query, headers?: Headers) =>
        chat('spaces.get', 'GET', reservedPath(name), optionalArgs, undefined, headers) as chat_v1.Schema$Space,
      list: (optionalArgs?: Query, headers?: Headers) =>
        chat('spaces.list', 'GET', 'spaces', optionalArgs, undefined, headers) as chat_v1.Schema$ListSpacesResponse,
      search: (optionalArgs: Query, headers?: Headers) =>
        chat('spaces.search', 'GET', 'spaces:search', optionalArgs, undefined, headers) as chat_v1.Schema$SearchSpacesResponse,
      Members: {
        create: (membership: chat_v1.Schema$Membership, parent: string, optionalArgs?: Query, headers?: Headers) =>
          chat('spaces.members.create', 'POST', `${reservedPath(parent)}/members`, optionalArgs, membership, headers) as chat_v1.Schema$Membership,
        get: (name: string, optionalArgs?: Query, headers?: Headers) =>
          chat('spaces.members.get', 'GET', reservedPath(name), optionalArgs, undefined, headers) as chat_v1.Schema$Membership,
        list: (parent: string, optionalArgs?: Query, headers?: Headers) =>
          chat('spaces.members.list', 'GET', `${reservedPath(parent)}/members`, optionalArgs, undefined, headers) as chat_v1.Schema$ListMembershipsResponse,
        patch: (membership: chat_v1.Schema$Membership, name: string, optionalArgs?: Query, headers?: Headers) =>
          chat('spaces.members.patch', 'PATCH', reservedPath(name), optionalArgs, membership, headers) as chat_v1.Schema$Membership,
        remove: (name: string, optionalArgs?: Query, headers?: Headers) =>
          chat('spaces.members.delete', 'DELETE', reservedPath(name), optionalArgs, undefined, headers) as chat_v1.Schema$Membership,
      },
    },
  };
}

export type FakeChatService = ReturnType<typeof createChatService>;

export function createAdminDirectoryService(api: AdvancedServiceCaller) {
  const directory = (method: string, path: string, query?: Query) =>
    api.call<unknown>({ service: `AdminDirectory.${method}`, method: `directory.${method}`, httpMethod: 'GET', url: DIRECTORY_API_ROOT + path + queryString(query) });
  return {
    Users: {
      get: (userKey: string, optionalArgs?: Query) =>
        directory('users.get', `users/${simplePath(userKey)}`, optionalArgs) as GoogleAppsScript.AdminDirectory.Schema.User,
      list: (optionalArgs?: Query) => directory('users.list', 'users', optionalArgs) as GoogleAppsScript.AdminDirectory.Schema.Users,
    },
    Groups: {
      get: (groupKey: string) => directory('groups.get', `groups/${simplePath(groupKey)}`) as GoogleAppsScript.AdminDirectory.Schema.Group,
      list: (optionalArgs?: Query) => directory('groups.list', 'groups', optionalArgs) as GoogleAppsScript.AdminDirectory.Schema.Groups,
    },
    Members: {
      list: (groupKey: string, optionalArgs?: Query) =>
        directory('members.list', `groups/${simplePath(groupKey)}/members`, optionalArgs) as GoogleAppsScript.AdminDirectory.Schema.Members,
    },
  };
}

export type FakeAdminDirectoryService = ReturnType<typeof createAdminDirectoryService>;
