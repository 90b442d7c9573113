/**
 * The emulated Google in another process, reached over loopback HTTP: an EmulatedGoogle (what the Apps
 * Script fakes need) whose fetch() is a real HTTP exchange with the REST server, and whose clock, tokens,
 * seed and observations go through the control API (/__control/…, control.ts). Synchronous, like the fakes
 * it serves (SyncHttpClient), so the server must not run on this thread.
 *
 * The clock is mirrored: nothing but this client moves the server's clock, so now() answers locally and
 * advance() is one control call. Requests to hosts other than chat.googleapis.com and admin.googleapis.com
 * are answered 404 here, as Google.fetch() answers them, but they are not in the server's call log.
 */
import { errorResponse, notFound } from '../errors';
import type { ApiCallRecord, FaultSpec, MemberView, OrgSeed } from '../google';
import type { EmulatedGoogle, VirtualClock } from '../gas/googleApi';
import type { HttpRequest, HttpResponse } from '../http';
import { SyncHttpClient } from './syncHttp';

/** Emulated hosts and the path each keeps on the REST server (server.ts routes by path). */
const EMULATED_ORIGINS = ['https://chat.googleapis.com', 'https://admin.googleapis.com'];
/** Transport headers of the loopback hop, which Google.fetch() never sets; `date` is wall-clock time. */
const HOP_HEADERS = ['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date'];

class MirroredClock implements VirtualClock {
  constructor(private current: number, private readonly move: (ms: number) => number) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current = this.move(ms);
  }

  /** after a control call that reports the server's time */
  sync(now: number): void {
    this.current = now;
  }
}

export class RemoteGoogle implements EmulatedGoogle {
  readonly clock: MirroredClock;
  readonly latencyMs: number;
  private readonly http = new SyncHttpClient();

  /** `baseUrl`: the REST server, e.g. http://127.0.0.1:8090 (what `npm run emulator` prints first). */
  constructor(readonly baseUrl: string) {
    const { now, latencyMs } = this.read<{ now: number; latencyMs: number }>('clock');
    this.latencyMs = latencyMs;
    this.clock = new MirroredClock(now, (ms) => this.post<{ now: number }>('advance', { ms }).now);
  }

  fetch(request: HttpRequest): HttpResponse {
    const origin = EMULATED_ORIGINS.find((o) => request.url.startsWith(`${o}/`));
    if (!origin) return unknownUrl(request);
    const { status, headers, body } = this.http.request({ ...request, url: this.baseUrl + request.url.slice(origin.length) });
    for (const name of HOP_HEADERS) delete headers[name];
    return { status, headers, body };
  }

  issueToken(email: string, scopes: string[]): string {
    return this.post<{ token: string }>('token', { email, scopes }).token;
  }

  /** Empties the server's Google (calls, faults, quota windows) and loads `org`: a fresh start for a test. */
  restart(org: OrgSeed): void {
    this.post('reset');
    this.clock.sync(this.post<{ now: number }>('seed', org).now);
  }

  injectFault(fault: FaultSpec): void {
    this.post('fault', fault);
  }

  clearFaults(): void {
    this.post('clearFaults');
  }

  /** Google.calls, as the server recorded them. */
  calls(): ApiCallRecord[] {
    return this.read('calls');
  }

  writes(): ApiCallRecord[] {
    return this.read('writes');
  }

  membersOf(spaceName: string): MemberView[] {
    return this.read(`members?space=${encodeURIComponent(spaceName)}`);
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private read<T>(what: string): T {
    return this.control<T>('GET', what);
  }

  private post<T>(action: string, body?: unknown): T {
    return this.control<T>('POST', action, body);
  }

  private control<T>(method: 'GET' | 'POST', what: string, body?: unknown): T {
    const response = this.http.request({
      method, url: `${this.baseUrl}/__control/${what}`, headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (response.status !== 200) throw new Error(`control ${method} ${what}: HTTP ${response.status} ${response.body}`);
    return JSON.parse(response.body) as T;
  }
}

/** What Google.fetch() answers for a URL of no emulated API. */
function unknownUrl(request: HttpRequest): HttpResponse {
  let path = request.url;
  try {
    path = new URL(request.url).pathname;
  } catch {
    // not a URL: report it as given
  }
  return errorResponse(notFound(`The requested URL ${path} was not found on this server (method ${request.method}).`));
}
