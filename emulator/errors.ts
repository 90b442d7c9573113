/**
 * Google's error model (AIP-193, reference/chat-api-memberships.md §12): every failure of the emulated API
 * is a GoogleError thrown by a handler and rendered here, so all faces return the same JSON.
 */
import type { HttpResponse } from './http';

export type RpcStatus =
  | 'INVALID_ARGUMENT' | 'FAILED_PRECONDITION' | 'OUT_OF_RANGE' | 'UNAUTHENTICATED' | 'PERMISSION_DENIED'
  | 'NOT_FOUND' | 'ALREADY_EXISTS' | 'RESOURCE_EXHAUSTED' | 'INTERNAL' | 'UNAVAILABLE' | 'UNIMPLEMENTED';

export class GoogleError extends Error {
  constructor(
    readonly code: number,
    readonly status: RpcStatus,
    message: string,
    /** ErrorInfo.reason; defaults to the status name. */
    readonly reason: string = status,
    readonly metadata?: Record<string, string>,
    /** Only injected faults set this: Chat doesn't document Retry-After (chat-api-limits.md §6). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const invalidArgument = (message: string): GoogleError => new GoogleError(400, 'INVALID_ARGUMENT', message);
export const failedPrecondition = (message: string): GoogleError => new GoogleError(400, 'FAILED_PRECONDITION', message);
export const permissionDenied = (message: string, reason?: string): GoogleError =>
  new GoogleError(403, 'PERMISSION_DENIED', message, reason);
export const notFound = (message: string): GoogleError => new GoogleError(404, 'NOT_FOUND', message);
export const alreadyExists = (message: string): GoogleError => new GoogleError(409, 'ALREADY_EXISTS', message);
export const unimplemented = (message: string): GoogleError => new GoogleError(501, 'UNIMPLEMENTED', message);

export const INSUFFICIENT_SCOPES = 'Request had insufficient authentication scopes.';
export const insufficientScopes = (): GoogleError =>
  permissionDenied(INSUFFICIENT_SCOPES, 'ACCESS_TOKEN_SCOPE_INSUFFICIENT');

/** The status name Google pairs with each HTTP code an injected fault may carry. */
export function statusForCode(code: number): RpcStatus {
  switch (code) {
    case 400: return 'INVALID_ARGUMENT';
    case 401: return 'UNAUTHENTICATED';
    case 403: return 'PERMISSION_DENIED';
    case 404: return 'NOT_FOUND';
    case 409: return 'ALREADY_EXISTS';
    case 429: return 'RESOURCE_EXHAUSTED';
    case 501: return 'UNIMPLEMENTED';
    case 503: return 'UNAVAILABLE';
    default: return 'INTERNAL';
  }
}

const JSON_TYPE = 'application/json; charset=UTF-8';

export function jsonResponse(status: number, body: unknown): HttpResponse {
  return { status, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify(body) };
}

/**
 * `legacyErrors` adds the `errors: [{message, domain, reason}]` array that the Admin SDK Directory API
 * (an older, discovery-era API) still sends next to code and message.
 */
export function errorResponse(error: GoogleError, legacyErrors = false): HttpResponse {
  const info: Record<string, unknown> = {
    '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
    reason: error.reason,
    domain: 'googleapis.com',
  };
  if (error.metadata) info.metadata = error.metadata;
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  if (legacyErrors) body.errors = [{ message: error.message, domain: 'global', reason: legacyReason(error.code) }];
  body.status = error.status;
  body.details = [info];
  const response = jsonResponse(error.code, { error: body });
  if (error.retryAfterSeconds !== undefined) response.headers['retry-after'] = String(error.retryAfterSeconds);
  return response;
}

function legacyReason(code: number): string {
  switch (code) {
    case 400: return 'invalid';
    case 401: return 'required';
    case 403: return 'forbidden';
    case 404: return 'notFound';
    case 429: return 'rateLimitExceeded';
    default: return 'backendError';
  }
}
