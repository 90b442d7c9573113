/**
 * Google's errors as data: what a port threw, what a non-2xx reply carried. How they read in Details is
 * details.ts's business (httpNote, explain).
 */
import type { ApiError, MemberReply } from './ports';

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
