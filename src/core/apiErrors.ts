/**
 * Google's refusals in plain language, always ending with the HTTP status and Google's own message so an
 * administrator (or support) can look it up: "… (HTTP 403 PERMISSION_DENIED: <google message>)".
 */
import type { ApiError, MemberReply } from './ports';

/** Google's messages can be long; Details stays readable. */
const MAX_MESSAGE = 300;

/** An exception from a port as an error with unknown status. No instanceof: errors may come from another realm. */
export function thrownError(thrown: unknown): ApiError {
  let message = 'unknown error';
  if (typeof thrown === 'string') message = thrown;
  else if (typeof thrown === 'object' && thrown !== null && 'message' in thrown && typeof thrown.message === 'string') message = thrown.message;
  return { code: 0, status: '', message };
}

/** The error of a non-2xx reply, even when the adapter gave no body. */
export function replyError(reply: MemberReply): ApiError {
  return reply.error ?? { code: reply.code, status: '', message: `HTTP ${reply.code}` };
}

/** "(HTTP 403 PERMISSION_DENIED: message)"; code 0 means the status is unknown (Advanced Service errors). */
export function httpNote(error: ApiError): string {
  const message = error.message.length > MAX_MESSAGE ? `${error.message.slice(0, MAX_MESSAGE)}…` : error.message;
  const head = error.code === 0 ? 'HTTP status unknown' : `HTTP ${error.code}${error.status ? ` ${error.status}` : ''}`;
  return message ? `(${head}: ${message})` : `(${head})`;
}

/** What an administrator can do about a refused membership call. */
function hint(error: ApiError): string {
  const code = error.code;
  if (code === 400) return 'Google Chat rejected the request.';
  if (code === 401) return 'Your authorisation has expired: reload the spreadsheet and run again.';
  if (code === 403) {
    return 'Google Chat refused: check that you are a manager of this space (or turn on admin access) and, for people outside your organisation, that the space allows them.';
  }
  if (code === 404) return "Google Chat couldn't find it: the space or the person may not exist, or you can't see them.";
  if (code === 409) return 'Google Chat reported a conflict.';
  if (code === 429) return "Google Chat's rate limit was reached: run again in a few minutes.";
  if (code >= 500) return 'Google Chat had a temporary problem: run again.';
  return 'The call to Google Chat failed.';
}

/** "<plain reason> (HTTP …)". `prefix` says what was being done, e.g. "Added, but the role could not be set:". */
export function explain(error: ApiError, prefix = ''): string {
  return `${prefix ? `${prefix} ` : ''}${hint(error)} ${httpNote(error)}`;
}
