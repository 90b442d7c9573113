/**
 * The workbench's model: one emulated Google, one spreadsheet document with the add-on installed, the
 * person acting (the administrator unless switched), and what the page shows of them. `reset()` builds all of
 * it afresh from the options, as the workbench started. Every function the page or the sidebar runs is
 * one Apps Script execution of the built bundle (runEntryPoint), exactly as in the bundle tests.
 * No HTTP here (server.ts), so tests can drive it directly too.
 */
import { Google } from '../google';
import type { FaultSpec } from '../faults';
import { demoOrg, type OrgSeed } from '../seed';
import { AppsScriptWorld, readManifest, type Execution, type StartExecutionOptions } from '../gas/world';
import { ProgressReplay } from './progressReplay';
import { DEMO_ROSTER, DEMO_RULES } from '../runtime/demoRoster';
import { runEntryPoint, thrownMessage } from '../runtime/addon';
import { SetupControls } from './setup';
import { editCell, pasteCells } from './cellEdits';
import { googleViewOf } from './googleView';
import { sheetView } from './sheetView';
import { actingUsers } from './users';
import { FAULT_CODES, FAULT_METHODS, type ActivityEntry, type FaultView, type GoogleView, type MenuView, type RunResponse, type SheetView, type StateView } from './api';

export const WORKBENCH_USER = 'admin@example.com';
const FUNCTION_NAME = /^[A-Za-z_$][\w$]*$/;
const ACTIVITY_KEPT = 50;

export interface WorkbenchOptions {
  /** the folder holding the built Code.js, Sidebar.html and appsscript.json */
  distDir: string;
  /** the organisation; default demoOrg() */
  seed?: OrgSeed;
  /** the Roster sheet it starts with; default DEMO_ROSTER */
  roster?: string[][];
  /** the Rules sheet it starts with; default DEMO_RULES with the demo organisation, else none (they name its units and spaces) */
  rules?: string[][];
  /** virtual ms per real ms for answers (0 = instant); default 60 */
  speed?: number;
  /** per API call, virtual; default 300 */
  latencyMs?: number;
}

/** The seeded start: a new organisation and a new document (sheets, triggers, properties, caches, clock). */
function seeded(options: WorkbenchOptions): { google: Google; world: AppsScriptWorld } {
  const google = new Google({ seed: options.seed ?? demoOrg(), latencyMs: options.latencyMs ?? 300 });
  const world = new AppsScriptWorld(google, { distDir: options.distDir, manifest: readManifest(options.distDir) });
  world.spreadsheet.setSheet('Roster', options.roster ?? DEMO_ROSTER);
  const rules = options.rules ?? (options.seed ? undefined : DEMO_RULES);
  if (rules) world.spreadsheet.setSheet('Rules', rules);
  return { google, world };
}

export class Workbench {
  // Replaced whole by reset(): read them through the workbench, not kept.
  google: Google;
  world: AppsScriptWorld;
  /** who runs the menu, the sidebar and the Setup panel's switches (triggers run as their owner) */
  user = WORKBENCH_USER;
  speed: number;
  private readonly faults: FaultView[] = [];
  private readonly activity: ActivityEntry[] = [];
  private readonly sidebars = new Map<number, string>();
  /** one per acting user: the Setup panel remembers, per user, the membership it took away */
  private readonly setups = new Map<string, SetupControls>();
  private seq = 0;
  private lastMenus: MenuView[] = [];
  private replay: ProgressReplay;

  constructor(readonly options: WorkbenchOptions) {
    ({ google: this.google, world: this.world } = seeded(options));
    this.replay = new ProgressReplay(this.world.documentCache, () => this.google.clock.now());
    this.speed = options.speed ?? 60;
  }

  /** The Setup panel of the acting user: what checkSetup() looks at, changeable. */
  get setup(): SetupControls {
    let controls = this.setups.get(this.user);
    if (!controls) this.setups.set(this.user, (controls = new SetupControls(this.google, this.world, this.user)));
    return controls;
  }

  /**
   * Back to the seeded start: organisation, spreadsheet, triggers, properties, caches, clock, faults, speed,
   * the executions list and the acting user. Open sidebars are forgotten (they belonged to the old document).
   */
  reset(): void {
    ({ google: this.google, world: this.world } = seeded(this.options));
    this.replay = new ProgressReplay(this.world.documentCache, () => this.google.clock.now());
    this.user = WORKBENCH_USER;
    this.speed = this.options.speed ?? 60;
    this.faults.length = 0;
    this.activity.length = 0;
    this.sidebars.clear();
    this.setups.clear();
    this.lastMenus = [];
  }

  /** Acts as another person of the Directory from now on; throws for someone who can't sign in. */
  actAs(email: string): void {
    if (!actingUsers(this.google).some((user) => user.email === email)) {
      throw new Error(`${email} can't sign in here: pick an active person of the Directory.`);
    }
    this.user = email;
  }

  /** Runs one entry point as one execution and says what a user would see of it. */
  run(name: string, args: unknown[], via: string, force: Partial<StartExecutionOptions> = {}): RunResponse {
    if (!FUNCTION_NAME.test(name) || name.endsWith('_')) {
      return { error: `Script function not found: ${name}`, alerts: [], toasts: [], virtualMs: 0 };
    }
    // A poll while an Apply's answer is held back sees that Apply's progress as of now (progressReplay.ts).
    if (name === 'getProgress') {
      const replayed = this.replay.now();
      if (replayed !== undefined) return { alerts: [], toasts: [], virtualMs: 0, value: replayed };
    } else {
      this.replay.record();
    }
    const started = this.google.clock.now();
    // The execution's Ui (menus, sidebars, alerts) is what the page shows of it.
    let execution: Execution | undefined;
    const result = runEntryPoint<unknown>(this.world, name, args, {
      user: this.user, ...force, distDir: this.options.distDir, beforeLoad: (begun) => { execution = begun; },
    });
    const virtualMs = this.google.clock.now() - started;
    if (name !== 'getProgress') this.replay.play(started, virtualMs, this.speed);
    const ui = execution?.ui;
    const response: RunResponse = { alerts: [...(ui?.alerts ?? [])], toasts: [...(ui?.toasts ?? [])], virtualMs };
    if (result.error !== undefined) response.error = result.error;
    else if (result.value !== undefined) response.value = JSON.parse(JSON.stringify(result.value)) as unknown;
    this.lastMenus = ui?.menus ?? [];
    const sidebar = ui?.sidebars.at(-1);
    if (sidebar) {
      const id = ++this.seq;
      this.sidebars.set(id, sidebar.html);
      for (const old of this.sidebars.keys()) if (old < id - 5) this.sidebars.delete(old);
      response.sidebar = { id, title: sidebar.title };
    }
    this.record(name, via, virtualMs, result.error, result.value, result.sheetCalls, result.urlFetchCalls);
    return response;
  }

  private record(name: string, via: string, virtualMs: number, error: string | undefined, value: unknown, sheetCalls: number, urlFetchCalls: number): void {
    const message = typeof value === 'string' ? value
      : typeof value === 'object' && value !== null && 'message' in value ? thrownMessage(value) : '';
    this.activity.unshift({ seq: ++this.seq, name, via, virtualMs, outcome: error ?? 'ok', summary: message, sheetCalls, urlFetchCalls });
    this.activity.length = Math.min(this.activity.length, ACTIVITY_KEPT);
  }

  /** The add-on menu, as onOpen builds it when the spreadsheet opens (AuthMode.LIMITED: menus only). */
  menu(): MenuView[] {
    const answer = this.run('onOpen', [{ authMode: 'LIMITED', source: {} }], 'open', { authMode: 'LIMITED' });
    if (answer.error !== undefined) throw new Error(`onOpen failed: ${answer.error}`);
    return this.lastMenus.map((menu) => ({ name: menu.name, items: menu.items.map((item) => ({ ...item })) }));
  }

  /** The HTML an execution showed as a sidebar. */
  sidebarHtml(id: number): string | undefined {
    return this.sidebars.get(id);
  }

  /** What the page's grid shows of a sheet (sheetView.ts). */
  sheet(name: string): SheetView | undefined {
    return sheetView(this.world.spreadsheet, name);
  }

  /** A user types into a cell (cellEdits.ts). */
  editCell(sheetName: string, row: number, column: number, value: string): void {
    editCell(this.world.spreadsheet, sheetName, row, column, value);
  }

  /** A user pastes a block of cells at one cell (cellEdits.ts). */
  pasteCells(sheetName: string, row: number, column: number, cells: string[][]): void {
    pasteCells(this.world.spreadsheet, sheetName, row, column, cells);
  }

  /** Moves a person to another unit, as an administrator does in the Admin console; throws for an unknown person or unit. */
  moveUser(email: string, orgUnitPath: string): void {
    this.google.directory.moveUser(email, orgUnitPath);
  }

  injectFault(methodId: string, code: FaultSpec['code'], probability: number): void {
    this.google.injectFault({ methodId, code, probability });
    this.faults.push({ methodId, code, probability });
  }

  clearFaults(): void {
    this.google.clearFaults();
    this.faults.length = 0;
  }

  /**
   * Moves the virtual clock forward, firing the installed triggers that fall due (the nightly sync), each
   * as one execution of its owner with no Ui.
   */
  advance(ms: number): void {
    this.world.fireTriggersUpTo(this.google.clock.now() + ms, (trigger, firedAt) => {
      const started = this.google.clock.now();
      const result = runEntryPoint<unknown>(this.world, trigger.getHandlerFunction(), [trigger.eventAt(firedAt)], {
        user: trigger.owner, fromTrigger: true, distDir: this.options.distDir,
      });
      this.record(trigger.getHandlerFunction(), 'trigger', this.google.clock.now() - started, result.error, result.value, result.sheetCalls, result.urlFetchCalls);
    });
  }

  /** What the page shows of the emulated Google (googleView.ts). */
  googleView(): GoogleView {
    return googleViewOf(this.google, this.world, { faults: this.faults, activity: this.activity, speed: this.speed });
  }

  state(): StateView {
    return {
      user: this.user, users: actingUsers(this.google), timeZone: this.world.spreadsheet.timeZone,
      sheetNames: this.world.spreadsheet.sheets.map((sheet) => sheet.name), google: this.googleView(),
      setup: this.setup.view(), faultMethods: FAULT_METHODS, faultCodes: FAULT_CODES,
    };
  }
}
