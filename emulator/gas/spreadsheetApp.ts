/**
 * SpreadsheetApp for one execution: the active spreadsheet (a container-bound add-on sees only its own
 * document), the Ui (menus, sidebar, alerts — recorded in `execution.ui`) and the rule builders.
 * Document access needs AuthMode.FULL and a spreadsheets scope, checked per class and method against the
 * scope table (scopes.ts); building menus works in every AuthMode and needs no scope.
 * A time-driven execution has no editor open, so getUi throws there as in Apps Script.
 * Not modelled: openById/openByUrl/create, dialogs other than alert, prompt, the Ui's modal suspension
 * (alert returns OK at once), menu separators and submenus in `ui.menus` (only items are recorded).
 */
import type { ExecutionContext } from './execution';
import type { FakeSpreadsheet } from './fakeSpreadsheet';
import type { FakeHtmlOutput } from './html';
import { FakeRange } from './range';
import { FakeSheet } from './sheet';
import { DataValidationCriteria, FakeConditionalFormatRuleBuilder, FakeDataValidationBuilder } from './sheetBuilders';
import { isRoundTrip, type RangeRef, type SheetEnv } from './sheetEnv';
import { CACHED_WRITES, countWritten, newSheetsIo, type SheetsCost, type SheetsIo } from './sheetsCost';
import type { SheetData } from './sheetData';
import { FakeSpreadsheetHandle } from './spreadsheetHandle';

const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;

export class FakeMenu {
  private readonly items: { caption: string; functionName: string }[] = [];

  constructor(private readonly ctx: ExecutionContext, private readonly name: string) {}

  addItem(caption: string, functionName: string): this {
    this.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): this {
    return this;
  }

  /** The submenu's items are recorded in this menu, their captions prefixed with the submenu's name. */
  addSubMenu(menu: FakeMenu): this {
    for (const item of menu.items) this.items.push({ caption: `${menu.name} › ${item.caption}`, functionName: item.functionName });
    return this;
  }

  addToUi(): void {
    this.ctx.enter('Menu.addToUi');
    this.ctx.ui.menus.push({ name: this.name, items: [...this.items] });
  }
}

export class FakeUi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(private readonly ctx: ExecutionContext, private readonly addOnName: string) {}

  createAddonMenu(): FakeMenu {
    this.ctx.enter('Ui.createAddonMenu');
    return new FakeMenu(this.ctx, this.addOnName);
  }

  createMenu(name: string): FakeMenu {
    this.ctx.enter('Ui.createMenu');
    return new FakeMenu(this.ctx, String(name));
  }

  showSidebar(output: FakeHtmlOutput): void {
    this.ctx.enter('Ui.showSidebar');
    this.ctx.ui.sidebars.push({ title: output.getTitle(), html: output.getContent() });
  }

  /** alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons): records the prompt. */
  alert(first: string, second?: string, _buttons?: string): string {
    this.ctx.enter('Ui.alert');
    const prompt = second !== undefined && !(second in ButtonSet) ? second : first;
    this.ctx.ui.alerts.push(String(prompt));
    return Button.OK;
  }
}

export interface SpreadsheetAppOptions {
  addOnName: string;
  /** null or absent: Sheets calls are free on the virtual clock */
  cost?: SheetsCost | null;
  /** where the execution's Sheets time and cells are counted */
  io?: SheetsIo;
}

export function createSpreadsheetApp(ctx: ExecutionContext, doc: FakeSpreadsheet, options: SpreadsheetAppOptions) {
  const count = (method: string) => {
    ctx.counters.sheets[method] = (ctx.counters.sheets[method] ?? 0) + 1;
  };
  const sheets = new Map<SheetData, FakeSheet>();
  const cost = options.cost ?? null;
  const io = options.io ?? newSheetsIo();
  // The clock moves in whole milliseconds (virtual instants stay integers); fractions are carried, not lost.
  let owed = 0;
  const charge = (ms: number, what: string) => {
    if (ms <= 0) return;
    io.virtualMs += ms;
    io.msBy[what] = (io.msBy[what] ?? 0) + ms;
    owed += ms;
    const whole = Math.floor(owed);
    owed -= whole;
    ctx.advance(whole);
  };
  /** writes in the write cache, not committed yet (sheetsCost.ts) */
  let pending = false;
  const env: SheetEnv = {
    ctx,
    doc,
    cost,
    io,
    enter(method, className) {
      ctx.enter(`${className}.${method}`);
      count(method);
      if (!cost || !isRoundTrip(method)) return;
      if (CACHED_WRITES.has(method)) {
        pending = true;
        charge(cost.writeCallMs, method);
        return;
      }
      // A flush is the commit; any other round trip commits pending writes first.
      if (pending && method !== 'flush') charge(cost.roundTripMs, 'commit');
      charge(cost.roundTripMs, method);
      pending = false;
    },
    read(cells) {
      io.cellsRead += cells;
      if (cost) charge(cells * cost.readCellMs, 'cells read');
    },
    wrote(data, cells) {
      for (const cell of cells) countWritten(io, data.name, cell.row, cell.changed);
      if (cost) charge(cells.length * cost.writeCellMs, 'cells written');
    },
    sheet(data) {
      let sheet = sheets.get(data);
      if (!sheet) sheets.set(data, (sheet = new FakeSheet(env, data, () => spreadsheet)));
      return sheet;
    },
    range: (ref: RangeRef) => new FakeRange(env, ref),
    rangeRef: (range) => (range instanceof FakeRange ? range.ref : undefined),
  };
  const spreadsheet = new FakeSpreadsheetHandle(env);
  const ui = new FakeUi(ctx, options.addOnName);

  return {
    getActive(): FakeSpreadsheetHandle {
      env.enter('getActive', 'SpreadsheetApp');
      return spreadsheet;
    },
    getActiveSpreadsheet(): FakeSpreadsheetHandle {
      env.enter('getActiveSpreadsheet', 'SpreadsheetApp');
      return spreadsheet;
    },
    /** Pending writes are applied at once here, so flush only counts (it is a round trip in Apps Script). */
    flush(): void {
      env.enter('flush', 'SpreadsheetApp');
    },
    getUi(): FakeUi {
      ctx.enter('SpreadsheetApp.getUi');
      count('getUi');
      if (ctx.settings.fromTrigger) throw ctx.error('Cannot call SpreadsheetApp.getUi() from this context.');
      return ui;
    },
    newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
      env.enter('newConditionalFormatRule', 'SpreadsheetApp');
      return new FakeConditionalFormatRuleBuilder(env);
    },
    newDataValidation(): FakeDataValidationBuilder {
      env.enter('newDataValidation', 'SpreadsheetApp');
      return new FakeDataValidationBuilder();
    },
    DataValidationCriteria,
  };
}

export type FakeSpreadsheetApp = ReturnType<typeof createSpreadsheetApp>;
