/**
 * The slice of the emulated Google (emulator/google.ts) that the Apps Script fakes use. Declared here as a
 * structural type so the fakes don't depend on the rest of the emulator: any `Google` fits, and so does a
 * small stub in unit tests.
 */
import type { HttpRequest, HttpResponse } from '../http';

export interface VirtualClock {
  /** epoch ms */
  now(): number;
  advance(ms: number): void;
}

export interface EmulatedGoogle {
  readonly clock: VirtualClock;
  /** virtual time each API call takes */
  readonly latencyMs: number;
  fetch(request: HttpRequest): HttpResponse;
  /** a bearer token for `email` with `scopes`; sent as `authorization: Bearer <token>` */
  issueToken(email: string, scopes: string[]): string;
}

export const CHAT_API_ROOT = 'https://chat.googleapis.com/v1/';
export const DIRECTORY_API_ROOT = 'https://admin.googleapis.com/admin/directory/v1/';
