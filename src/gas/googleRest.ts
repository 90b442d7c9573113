/**
 * GET over REST with UrlFetchApp, for the HTTP status Google's reply carries: the advanced services throw
 * status-less, localized errors, so the core couldn't tell a refused request from Google failing
 * (reference/apps-script-advanced-chat.md §4–5). Shared by the Chat (chatRest.ts) and Directory
 * (peopleDirectory.ts) adapters.
 */
import { thrownError } from '../core/apiErrors';
import type { ApiError, Result } from '../core/ports';

/** Encodes each path segment (emails may appear as aliases) and keeps the slashes. */
export function encodePath(name: string): string {
  return name.split('/').map(encodeURIComponent).join('/');
}

/** `?key=value&…` of the parameters set; false and undefined ones are left out, as Google's defaults. */
export function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const parts = Object.keys(params)
    .filter((key) => params[key] !== undefined && params[key] !== false)
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(String(params[key]))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The reply's JSON; a body that isn't JSON (a proxy's HTML page) becomes an error message. */
export function parseJson(text: string): unknown {
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return { error: { message: text.slice(0, 200) } };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Google's error JSON (`{error: {code, status, message}}`) with the reply's HTTP status as the code. */
export function apiErrorFrom(code: number, json: unknown): ApiError {
  const error = isRecord(json) && isRecord(json.error) ? json.error : {};
  return {
    code,
    status: typeof error.status === 'string' ? error.status : '',
    message: typeof error.message === 'string' ? error.message : `HTTP ${code}`,
  };
}

/** One GET with the user's token: the JSON on 2xx, Google's error otherwise, code 0 when the fetch threw. */
export function getJson(url: string): Result<unknown> {
  try {
    const response = UrlFetchApp.fetch(url, {
      method: 'get', headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` }, muteHttpExceptions: true,
      // The URL is encoded by the caller; Apps Script's own escaping would encode the % signs again.
      escaping: false,
    });
    const code = response.getResponseCode();
    const json = parseJson(response.getContentText());
    if (code >= 200 && code < 300) return { ok: true, value: json };
    return { ok: false, error: apiErrorFrom(code, json) };
  } catch (thrown) {
    return { ok: false, error: thrownError(thrown) };
  }
}
