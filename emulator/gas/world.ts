/**
 * The persistent side of Apps Script for one spreadsheet document with the add-on installed: the
 * document, property stores, caches, locks, installed triggers and daily quotas, over the emulated Google.
 * `startExecution` gives one execution's globals (a fresh object for gas-local each time).
 *
 * Modelled after googleworkspace/apps-script-oauth2's test fakes: small, and each file's header says what
 * it doesn't model. Type note: the fakes implement the parts of @types/google-apps-script the add-on uses,
 * not whole interfaces; `globals` is where they are handed over untyped (see TypedGlobals for tests).
 */
import { createAdminDirectoryService, createChatService, AdvancedServiceCaller, type FakeAdminDirectoryService, type FakeChatService } from './advancedServices';
import { FakeCache, createCacheService, type FakeCacheService } from './cache';
import { Consent, readManifest, type Manifest } from './consent';
import { DailyQuota } from './dailyQuota';
import { DEFAULT_TIME_LIMIT_MS, ExecutionContext, type AuthModeName, type ExecutionCounters, type ExecutionUi, type Locale } from './execution';
import { FakeSpreadsheet } from './fakeSpreadsheet';
import type { Google } from '../google';
import type { EmulatedGoogle } from './googleApi';
import { createHtmlService } from './html';
import { LockTable, createLockService, type FakeLockService } from './locks';
import { FakePropertyStore, createPropertiesService, type FakePropertiesService } from './properties';
import { DEFAULT_SCOPES } from './scopes';
import { createScriptApp, type FakeScriptApp } from './scriptApp';
import { isRoundTrip } from './sheetEnv';
import { createSpreadsheetApp } from './spreadsheetApp';
import { newSheetsIo, SHEETS_COST, type SheetsCost, type SheetsIo } from './sheetsCost';
import type { FakeTrigger } from './triggers';
import { createUrlFetchApp } from './urlFetch';
import { TransportFaults } from './transportFaults';
import { createConsole, createLogger, createSession, createUtilities, virtualDateClass } from './utilities';

export { DEFAULT_SCOPES, readManifest };
export type { FakeTrigger, Manifest };

export interface WorldOptions {
  /** the spreadsheet's time zone; default America/New_York */
  timeZone?: string;
  /** scopes every user granted unless `setGrantedScopes` says otherwise; default: all the manifest asks */
  scopes?: string[];
  /** folder of HtmlService files (dist/) */
  distDir?: string;
  /** manifest: script time zone, requested scopes and urlFetchWhitelist */
  manifest?: Manifest;
  /** the add-on menu's name; default 'Chat Roster' */
  addOnName?: string;
  spreadsheetName?: string;
  /** what Sheets calls cost on the virtual clock (sheetsCost.ts); default SHEETS_COST; null: free */
  sheetsCost?: SheetsCost | null;
}

export interface StartExecutionOptions {
  user: string;
  locale?: Locale;
  /** default 6 minutes */
  timeLimitMs?: number;
  /** end the execution at the k-th API request (0-based): that request is not sent */
  killAtCall?: number;
  /** default FULL; NONE and LIMITED allow only menu building (stricter reading of limits §4) */
  authMode?: AuthModeName;
  /** a time-driven run: no Ui */
  fromTrigger?: boolean;
  /** default true; false: no containing document, so getDocumentLock/Properties/Cache return null */
  container?: boolean;
}

export interface Execution {
  readonly id: number;
  readonly user: string;
  readonly globals: Record<string, unknown>;
  readonly counters: ExecutionCounters;
  readonly ui: ExecutionUi;
  readonly logs: string[];
  /** what its Sheets calls moved and how long they took (sheetsCost.ts) */
  readonly sheetsIo: SheetsIo;
  /** ends the execution: locks it holds are released and later calls throw */
  end(): void;
}

/** The globals typed as the fakes implement them, for tests that call services directly. */
export interface TypedGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  UrlFetchApp: GoogleAppsScript.URL_Fetch.UrlFetchApp;
  Chat: FakeChatService;
  AdminDirectory: FakeAdminDirectoryService;
  PropertiesService: FakePropertiesService;
  CacheService: FakeCacheService;
  LockService: FakeLockService;
  ScriptApp: FakeScriptApp;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Logger: GoogleAppsScript.Base.Logger;
  console: Console;
  Date: DateConstructor;
}

export function typed(execution: Execution): TypedGlobals {
  return execution.globals as unknown as TypedGlobals;
}

/** G: the emulated Google by default; any EmulatedGoogle (e.g. a stub in unit tests) works. */
export class AppsScriptWorld<G extends EmulatedGoogle = Google> {
  readonly spreadsheet: FakeSpreadsheet;
  readonly documentProperties = new FakePropertyStore();
  readonly scriptProperties = new FakePropertyStore();
  /** caches expire on the virtual clock; tests may `evictAll()` to play Google dropping entries early */
  readonly documentCache = new FakeCache(() => this.google.clock.now());
  readonly scriptCache = new FakeCache(() => this.google.clock.now());
  readonly triggers: FakeTrigger[] = [];
  readonly locks = new LockTable();
  /** every URL UrlFetchApp fetches must start with one of these, when set (manifest urlFetchWhitelist) */
  urlFetchWhitelist?: string[];
  readonly urlFetchQuota = new DailyQuota(100_000);
  /** UrlFetchApp calls whose answer is lost: they throw after reaching Google (transportFaults.ts) */
  readonly transportFaults = new TransportFaults();
  readonly propertiesQuota = new DailyQuota(500_000);
  /** what the manifest asks and what each user granted */
  readonly consent: Consent;
  readonly scriptTimeZone: string;
  private readonly userStores = new Map<string, FakePropertyStore>();
  private readonly userCaches = new Map<string, FakeCache>();
  private executions = 0;
  private triggerIds = 0;
  private uuids = 0;

  constructor(readonly google: G, private readonly options: WorldOptions = {}) {
    const manifest = options.manifest;
    this.consent = new Consent(manifest, options.scopes ?? null);
    this.scriptTimeZone = manifest?.timeZone ?? 'America/New_York';
    this.urlFetchWhitelist = manifest?.urlFetchWhitelist;
    this.spreadsheet = new FakeSpreadsheet('1EmulatedSpreadsheetId0000000000000000000000', options.spreadsheetName ?? 'Chat Roster', options.timeZone ?? 'America/New_York');
  }

  /**
   * What `user` ticked on Google's granular consent screen; null = everything the manifest asks (the
   * default). Executions started afterwards hold the manifest's scopes ∩ these.
   */
  setGrantedScopes(user: string, scopes: readonly string[] | null): void {
    this.consent.setGranted(user, scopes);
  }

  userProperties(email: string): FakePropertyStore {
    let store = this.userStores.get(email);
    if (!store) this.userStores.set(email, (store = new FakePropertyStore()));
    return store;
  }

  userCache(email: string): FakeCache {
    let cache = this.userCaches.get(email);
    if (!cache) this.userCaches.set(email, (cache = new FakeCache(() => this.google.clock.now())));
    return cache;
  }

  startExecution(options: StartExecutionOptions): Execution {
    const id = ++this.executions;
    const ctx = new ExecutionContext(this.google, {
      id, user: options.user, locale: options.locale ?? 'en', authMode: options.authMode ?? 'FULL',
      fromTrigger: options.fromTrigger ?? false, timeLimitMs: options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
      killAtCall: options.killAtCall, requestedScopes: this.consent.requested,
      scopes: this.consent.effective(options.user), container: options.container ?? true,
    }, isRoundTrip);
    const VirtualDate = virtualDateClass(this.google.clock);
    ctx.newDate = (ms) => new VirtualDate(ms);
    const advanced = new AdvancedServiceCaller(ctx, this.urlFetchQuota);
    const sheetsIo = newSheetsIo();
    const sheetsCost = this.options.sheetsCost === undefined ? SHEETS_COST : this.options.sheetsCost;
    const globals: Record<string, unknown> = {
      SpreadsheetApp: createSpreadsheetApp(ctx, this.spreadsheet, { addOnName: this.options.addOnName ?? 'Chat Roster', cost: sheetsCost, io: sheetsIo }),
      UrlFetchApp: createUrlFetchApp(ctx, this),
      Chat: createChatService(advanced),
      AdminDirectory: createAdminDirectoryService(advanced),
      PropertiesService: createPropertiesService(
        { document: this.documentProperties, script: this.scriptProperties, user: (email) => this.userProperties(email) },
        ctx, this.propertiesQuota,
      ),
      CacheService: createCacheService(
        { document: this.documentCache, script: this.scriptCache, user: (email) => this.userCache(email) },
        ctx,
      ),
      LockService: createLockService(this.locks, ctx),
      ScriptApp: createScriptApp(ctx, this),
      Session: createSession(ctx, this.scriptTimeZone),
      Utilities: createUtilities(ctx, () => this.nextUuid()),
      HtmlService: createHtmlService(ctx, this.options.distDir),
      Logger: createLogger(ctx),
      console: createConsole(ctx),
      Date: VirtualDate,
    };
    ctx.globals = globals;
    const locks = this.locks;
    return {
      id, user: options.user, globals, counters: ctx.counters, ui: ctx.ui, logs: ctx.logs, sheetsIo,
      end() {
        ctx.ended = true;
        locks.releaseAll(id);
      },
    };
  }

  nextTriggerId(): string {
    return `trigger-${++this.triggerIds}`;
  }

  private nextUuid(): string {
    const n = (++this.uuids).toString(16).padStart(12, '0');
    return `00000000-0000-4000-8000-${n}`;
  }

  /** Installed triggers due at `now`, earliest first. */
  dueTriggers(now: number): FakeTrigger[] {
    return this.triggers
      .filter((trigger) => trigger.nextRunAt !== undefined && trigger.nextRunAt <= now)
      .sort((a, b) => a.nextRunAt! - b.nextRunAt!);
  }

  /**
   * Fires every trigger due up to `timeMs`, one at a time in time order: moves the clock forward to the
   * trigger's time (never back — a run that overran delays the next firing), schedules its next firing, then
   * calls `run(trigger, firedAt)`, which should start an execution as `trigger.owner` with
   * `fromTrigger: true` and call `trigger.getHandlerFunction()` with `trigger.eventAt(firedAt)`. Triggers
   * deleted or created by `run` are taken into account. Ends with the clock at `timeMs` at least.
   * Returns the number of firings.
   */
  fireTriggersUpTo(timeMs: number, run: (trigger: FakeTrigger, firedAt: number) => void): number {
    let fired = 0;
    for (let due = this.dueTriggers(timeMs)[0]; due; due = this.dueTriggers(timeMs)[0]) {
      const firedAt = Math.max(this.google.clock.now(), due.nextRunAt!);
      this.google.clock.advance(firedAt - this.google.clock.now());
      due.fired(firedAt);
      fired++;
      run(due, firedAt);
    }
    if (this.google.clock.now() < timeMs) this.google.clock.advance(timeMs - this.google.clock.now());
    return fired;
  }
}
