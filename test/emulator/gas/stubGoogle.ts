/**
 * A tiny stand-in for the emulated Google, so the fakes' own behaviour (translation of requests, latency,
 * errors) is tested without the Chat emulator: it records every request and answers like a JSON API —
 * a body that isn't JSON gets Google's 400, a path ending in /missing gets 404, anything else 200 echoing
 * the request.
 */
import type { HttpRequest, HttpResponse } from '../../../emulator/http';
import type { EmulatedGoogle } from '../../../emulator/gas/googleApi';

export const START = Date.UTC(2026, 0, 5, 14, 0, 0); // Monday 09:00 in New York

const json = (status: number, body: unknown): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=UTF-8' },
  body: JSON.stringify(body),
});

const googleError = (code: number, status: string, message: string) => json(code, { error: { code, message, status } });

export class StubGoogle implements EmulatedGoogle {
  private time = START;
  latencyMs = 300;
  readonly requests: { at: number; request: HttpRequest }[] = [];
  readonly clock = {
    now: () => this.time,
    advance: (ms: number) => {
      this.time += ms;
    },
  };

  readonly tokens: { token: string; email: string; scopes: string[] }[] = [];

  issueToken(email: string, scopes: string[]): string {
    const token = `token-${this.tokens.length + 1}`;
    this.tokens.push({ token, email, scopes });
    return token;
  }

  fetch(request: HttpRequest): HttpResponse {
    this.requests.push({ at: this.time, request });
    if (request.body !== undefined && request.headers['content-type']?.startsWith('application/json')) {
      try {
        JSON.parse(request.body);
      } catch {
        return googleError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
      }
    } else if (request.body !== undefined) {
      return googleError(400, 'INVALID_ARGUMENT', `Invalid JSON payload received. Unexpected token.\n${request.body}`);
    }
    const path = new URL(request.url).pathname;
    if (path.endsWith('/missing')) return googleError(404, 'NOT_FOUND', 'Membership not found.');
    return json(200, { method: request.method, url: request.url, body: request.body ?? null });
  }
}
