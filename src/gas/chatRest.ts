/**
 * Membership traffic over REST: UrlFetchApp.fetchAll against chat.googleapis.com with the user's token and
 * muteHttpExceptions, because the Advanced Chat Service is sequential and its errors carry no HTTP status
 * (reference/apps-script-advanced-chat.md §4–6).
 */
import type { MemberCall, MemberReply, Result } from '../core/ports';
import type { Membership, Space } from '../core/model';
import { apiErrorFrom, encodePath, getJson, isRecord, parseJson, queryString } from './googleRest';

type FetchRequest = GoogleAppsScript.URL_Fetch.URLFetchRequest;
type FetchResponse = GoogleAppsScript.URL_Fetch.HTTPResponse;

export const CHAT_API = 'https://chat.googleapis.com/v1/';

/** The REST request for one call: method, URL and JSON body. */
export function restRequestFor(call: MemberCall, token: string): FetchRequest {
  const admin = call.useAdminAccess === true;
  let method: GoogleAppsScript.URL_Fetch.HttpMethod = 'get';
  let url: string;
  let body: unknown;
  switch (call.method) {
    case 'list':
      url = encodePath(`${call.parent}/members`) + queryString({
        pageSize: call.pageSize, pageToken: call.pageToken, filter: call.filter,
        showInvited: call.showInvited, showGroups: call.showGroups, useAdminAccess: admin,
      });
      break;
    case 'get':
      url = encodePath(call.name) + queryString({ useAdminAccess: admin });
      break;
    case 'create':
      method = 'post';
      url = encodePath(`${call.parent}/members`) + queryString({ useAdminAccess: admin });
      body = call.membership;
      break;
    case 'patch':
      method = 'patch';
      url = encodePath(call.name) + queryString({ updateMask: 'role', useAdminAccess: admin });
      body = { name: call.name, role: call.role };
      break;
    case 'delete':
      method = 'delete';
      url = encodePath(call.name) + queryString({ useAdminAccess: admin });
      break;
  }
  const request: FetchRequest = {
    url: CHAT_API + url,
    method,
    headers: { Authorization: `Bearer ${token}` },
    muteHttpExceptions: true,
    // The URL is encoded above; Apps Script's own escaping would encode the % signs again.
    escaping: false,
  };
  if (body !== undefined) {
    request.contentType = 'application/json';
    // An object payload would be sent as form fields: JSON must be a string.
    request.payload = JSON.stringify(body);
  }
  return request;
}

function retryAfterSeconds(response: FetchResponse): number | undefined {
  const headers = response.getHeaders() as Record<string, string>;
  const key = Object.keys(headers).find((name) => name.toLowerCase() === 'retry-after');
  const seconds = key ? Number(headers[key]) : NaN;
  return Number.isFinite(seconds) ? seconds : undefined;
}

/** Parses one HTTP reply into the shape the core reads. */
export function memberReplyFrom(call: MemberCall, response: FetchResponse): MemberReply {
  const code = response.getResponseCode();
  const json = parseJson(response.getContentText());
  if (code < 200 || code > 299) {
    return { code, error: apiErrorFrom(code, json), retryAfterSeconds: retryAfterSeconds(response) };
  }
  const body = isRecord(json) ? json : {};
  if (call.method === 'list') {
    return {
      code,
      memberships: Array.isArray(body.memberships) ? (body.memberships as Membership[]) : undefined,
      nextPageToken: typeof body.nextPageToken === 'string' && body.nextPageToken ? body.nextPageToken : undefined,
    };
  }
  return { code, membership: body as Membership };
}

/** Sends independent calls in one UrlFetchApp.fetchAll; replies come back in the same order. */
export function sendMemberCalls(calls: MemberCall[]): MemberReply[] {
  if (calls.length === 0) return [];
  const token = ScriptApp.getOAuthToken();
  const responses = UrlFetchApp.fetchAll(calls.map((call) => restRequestFor(call, token)));
  return calls.map((call, index) => memberReplyFrom(call, responses[index]));
}

/** Admin search needs the customer and the space type in its query (reference/chat-api-memberships.md §11). */
const ADMIN_SEARCH_QUERY = 'customer = "customers/my_customer" AND space_type = "SPACE"';

function readOnce(url: string): Result<true> {
  const read = getJson(url);
  return read.ok ? { ok: true, value: true } : read;
}

/**
 * spaces.get over REST: its status tells a space that isn't there for the caller (400/403/404: the row is
 * wrong) from Google failing (5xx, 429, transport: try again), which the Advanced Service's thrown,
 * status-less error can't (reference/apps-script-advanced-chat.md §4).
 */
export function getSpaceOverRest(name: string, useAdminAccess: boolean): Result<Space> {
  const read = getJson(`${CHAT_API}${encodePath(name)}${queryString({ useAdminAccess })}`);
  if (!read.ok) return read;
  return isRecord(read.value) && typeof read.value.name === 'string' ? { ok: true, value: read.value as Space } : { ok: false, error: { code: 0, status: '', message: 'Google Chat answered without a space.' } };
}

/** spaces.search with admin access and one result: a 403 means the caller lacks the admin privilege. */
export function verifyAdminAccess(): Result<true> {
  return readOnce(`${CHAT_API}spaces:search${queryString({ useAdminAccess: true, pageSize: 1, query: ADMIN_SEARCH_QUERY })}`);
}

/** spaces.list with one result: Google answers 404 "Google Chat app not found" while the Chat app isn't configured. */
export function readOneSpace(): Result<true> {
  return readOnce(`${CHAT_API}spaces${queryString({ pageSize: 1 })}`);
}
