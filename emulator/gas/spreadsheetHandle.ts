/**
 * Spreadsheet: the active document, for one execution.
 * Not modelled: sharing/editors, named ranges, developer metadata, copying, other documents (openById).
 */
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { SheetEnv } from './sheetEnv';

export class FakeSpreadsheetHandle {
  constructor(private readonly env: SheetEnv) {}

  private enter(method: string): void {
    this.env.enter(method, 'Spreadsheet');
  }

  getId(): string { this.enter('getId'); return this.env.doc.id; }
  getName(): string { this.enter('getName'); return this.env.doc.name; }
  getUrl(): string { this.enter('getUrl'); return `https://docs.google.com/spreadsheets/d/${this.env.doc.id}/edit`; }
  getSpreadsheetTimeZone(): string { this.enter('getSpreadsheetTimeZone'); return this.env.doc.timeZone; }

  getSheets(): FakeSheet[] {
    this.enter('getSheets');
    return this.env.doc.sheets.map((data) => this.env.sheet(data));
  }

  getActiveSheet(): FakeSheet {
    this.enter('getActiveSheet');
    return this.env.sheet(this.env.doc.sheets[0]);
  }

  getSheetByName(name: string): FakeSheet | null {
    this.enter('getSheetByName');
    const data = this.env.doc.sheetData(name);
    return data ? this.env.sheet(data) : null;
  }

  /** insertSheet() names the sheet SheetN like Sheets does; a taken name throws Sheets' message. */
  insertSheet(name?: string): FakeSheet {
    this.enter('insertSheet');
    let sheetName = name;
    for (let n = this.env.doc.sheets.length + 1; sheetName === undefined; n++) {
      if (!this.env.doc.sheetData(`Sheet${n}`)) sheetName = `Sheet${n}`;
    }
    if (this.env.doc.sheetData(sheetName)) {
      throw this.env.ctx.error(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    }
    return this.env.sheet(this.env.doc.addSheet(sheetName));
  }

  deleteSheet(sheet: FakeSheet): void {
    this.enter('deleteSheet');
    const sheets = this.env.doc.sheets;
    if (sheets.length === 1) throw this.env.ctx.error("You can't remove all the sheets in a document.");
    const index = sheets.indexOf(sheet.data);
    if (index >= 0) sheets.splice(index, 1);
  }

  /** 'Sheet name!A1:B2' (quotes allowed around the name) or plain A1 on the first sheet. */
  getRange(a1: string): FakeRange {
    this.enter('getRange');
    const bang = a1.lastIndexOf('!');
    const sheetName = bang < 0 ? undefined : a1.slice(0, bang).replace(/^'(.*)'$/, '$1');
    const data = sheetName === undefined ? this.env.doc.sheets[0] : this.env.doc.sheetData(sheetName);
    if (!data) throw this.env.ctx.error('Range not found');
    return this.env.sheet(data).getRange(a1.slice(bang + 1));
  }

  toast(message: string, title?: string, _timeoutSeconds?: number): void {
    this.enter('toast');
    this.env.ctx.ui.toasts.push(title ? `${title}: ${message}` : String(message));
  }
}
