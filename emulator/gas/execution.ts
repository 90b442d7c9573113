/**
 * One execution of the script: who runs it, its virtual deadline, its scopes, its counters, and the errors
 * it throws. Every fake method calls `enter('Class.method')` first: the time limit and a kill are noticed at
 * the next call to any Apps Script service, which is when real Apps Script notices them too, and the method
 * is refused unless the execution holds one of the scopes the scope table (scopes.ts) gives for it.
 *
 * Not modelled: the real runtime ends the script outright at the time limit (the error can't be caught);
 * here the error can be caught, but the execution is then dead and every later service call throws again
 * (so does one ended by ScriptApp.requireScopes). Only the advanced services' and the permission messages
 * are localized; every other message here is in English.
 */
import { isContext, runInContext } from 'node:vm';
import type { EmulatedGoogle } from './googleApi';
import { permissionDenied, scopesFor } from './scopes';

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';
export type Locale = 'en' | 'es';

export const TIME_LIMIT_MESSAGE = 'Exceeded maximum execution time';
/** The troubleshooting guide's heading for a call the user hasn't authorized (also ends a requireScopes). */
export const AUTHORIZATION_REQUIRED = 'Authorization is required to perform that action.';
export const DEFAULT_TIME_LIMIT_MS = 6 * 60 * 1000;

export interface ExecutionCounters {
  /** calls per method name on SpreadsheetApp, Spreadsheet, Sheet and Range (see spreadsheetApp.ts) */
  sheets: Record<string, number>;
  /** round trips to Sheets: calls that read or write cell data or formatting (see sheetEnv.ts) */
  sheetCalls(): number;
  /** UrlFetchApp requests (each request of a fetchAll counts) */
  urlFetchCalls: number;
  /** Chat and AdminDirectory advanced-service calls */
  advancedCalls: number;
}

export interface ExecutionUi {
  menus: { name: string; items: { caption: string; functionName: string }[] }[];
  sidebars: { title: string; html: string }[];
  alerts: string[];
  /** Spreadsheet.toast messages (not in the brief's list; recorded for tests) */
  toasts: string[];
  /** authorization prompts shown by ScriptApp.requireScopes: the scopes each asked for */
  authorizationPrompts: string[][];
}

export interface ExecutionSettings {
  id: number;
  user: string;
  locale: Locale;
  authMode: AuthModeName;
  /** a time-driven trigger runs with no open editor: no Ui */
  fromTrigger: boolean;
  timeLimitMs: number;
  killAtCall?: number;
  /** the manifest's oauthScopes: what the script asks for */
  requestedScopes: readonly string[];
  /** the effective scopes: requested ∩ what this user granted (what the token carries) */
  scopes: readonly string[];
  /** false: a run outside a containing document (document lock, properties and cache are null) */
  container: boolean;
}

type ErrorConstructorLike = new (message?: string) => Error;

export class ExecutionContext {
  readonly startedAt: number;
  readonly logs: string[] = [];
  readonly ui: ExecutionUi = { menus: [], sidebars: [], alerts: [], toasts: [], authorizationPrompts: [] };
  readonly counters: ExecutionCounters;
  /** set once the globals object is known; errors are then made in the script's own realm */
  globals?: object;
  /** makes the dates the script reads (the execution's virtual Date class, once the world sets it) */
  newDate: (ms: number) => Date = (ms) => new Date(ms);
  private apiCallIndex = 0;
  /** once set, the execution is over and every later call throws this again */
  private halted?: { message: string; name: string };
  ended = false;

  constructor(
    readonly google: EmulatedGoogle,
    readonly settings: ExecutionSettings,
    isRoundTrip: (method: string) => boolean,
  ) {
    this.startedAt = google.clock.now();
    const sheets: Record<string, number> = {};
    this.counters = {
      sheets,
      sheetCalls: () => Object.keys(sheets).reduce((sum, name) => sum + (isRoundTrip(name) ? sheets[name] : 0), 0),
      urlFetchCalls: 0,
      advancedCalls: 0,
    };
  }

  get user(): string {
    return this.settings.user;
  }

  now(): number {
    return this.google.clock.now();
  }

  /** Every service call starts here: a dead or overdue execution throws, then the method's scopes are checked. */
  enter(method: string): void {
    this.checkAlive();
    this.requireScope(method);
  }

  /** An ended, halted or overdue execution throws. */
  checkAlive(): void {
    if (this.ended) throw this.error('This execution has ended.', 'Error');
    if (this.halted) throw this.error(this.halted.message, this.halted.name);
    if (this.now() - this.startedAt > this.settings.timeLimitMs) this.kill();
  }

  /** Advances virtual time (sleep, latency, lock waits); callers then `checkDeadline`. */
  advance(ms: number): void {
    if (ms > 0) this.google.clock.advance(ms);
  }

  /** Before each API request (UrlFetchApp or advanced service): the k-th request of `killAtCall` is never sent. */
  beforeApiCall(): void {
    this.checkAlive();
    if (this.settings.killAtCall !== undefined && this.apiCallIndex === this.settings.killAtCall) this.kill();
    this.apiCallIndex++;
  }

  /**
   * After time passed inside a call (a response's latency, a sleep, a lock wait): past the deadline the
   * script dies inside that call. For an API request Google has already applied it, but the script never
   * sees the reply (stricter reading: a write may happen without its reply).
   */
  checkDeadline(): void {
    if (this.now() - this.startedAt > this.settings.timeLimitMs) this.kill();
  }

  private kill(): never {
    return this.halt(TIME_LIMIT_MESSAGE, 'Error');
  }

  /** Ends the execution with `message`: this call and every later one throw it. */
  halt(message: string, name = 'Exception'): never {
    this.halted = { message, name };
    throw this.error(message, name);
  }

  /** Services needing authorization fail in AuthMode NONE and LIMITED (stricter reading of limits §4). */
  requireAuthorization(): void {
    if (this.settings.authMode !== 'FULL') throw this.error(AUTHORIZATION_REQUIRED);
  }

  /**
   * The one scope check: the table's scopes for `method` (scopes.ts); one of them must be effective, i.e.
   * listed in the manifest and granted by the user. A method needing a scope needs authorization too.
   */
  requireScope(method: string): void {
    const anyOf = scopesFor(method);
    if (anyOf.length === 0) return;
    this.requireAuthorization();
    if (!anyOf.some((scope) => this.settings.scopes.includes(scope))) {
      throw this.error(permissionDenied(method, anyOf, this.settings.locale));
    }
  }

  /**
   * A document-scoped getter (document lock, properties, cache): outside a containing document it is still
   * a service call, and returns null as the reference pages say.
   */
  inDocument<T>(method: string, open: () => T): T | null {
    if (this.settings.container) return open();
    this.enter(method);
    this.requireAuthorization();
    return null;
  }

  /**
   * One call of a built-in service (properties, cache): it counts as a call, needs authorization, and what
   * the fake throws reaches the script as its own Exception.
   */
  serviceCall<T>(method: string, run: () => T): T {
    this.enter(method);
    this.requireAuthorization();
    try {
      return run();
    } catch (error) {
      throw this.error(error instanceof Error ? error.message : String(error));
    }
  }

  /**
   * An error as the script sees it: made with the script realm's Error once gas-local has contextified
   * the globals, so `error instanceof Error` holds inside the bundle as it does in Apps Script.
   * Apps Script's own exceptions are named 'Exception' (String(e) = 'Exception: …').
   */
  error(message: string, name = 'Exception'): Error {
    const ScriptError = this.realmError();
    const error = new ScriptError(message);
    if (name !== 'Error') Object.defineProperty(error, 'name', { value: name, configurable: true, writable: true });
    return error;
  }

  /** Parses JSON into the script's realm (plain objects and arrays of the bundle's own kind). */
  parseJson(text: string): unknown {
    if (this.globals && isContext(this.globals)) {
      const parse = runInContext('JSON.parse', this.globals) as (text: string) => unknown;
      return parse(text);
    }
    return JSON.parse(text);
  }

  private realmError(): ErrorConstructorLike {
    if (this.globals && isContext(this.globals)) return runInContext('Error', this.globals) as ErrorConstructorLike;
    return Error;
  }

  log(line: string): void {
    this.logs.push(line);
  }
}
