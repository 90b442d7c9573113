/**
 * Edits during a run (DESIGN.md §1): a provisionRoster execution is interrupted, between two progress flushes,
 * by the administrator editing the Roster sheet (the emulator's fetch is hooked, as in concurrency.test.ts, and
 * the edit changes world.spreadsheet synchronously). Afterwards the sidebar drives the run to its end. Checked
 * after every later membership call (so every progress flush is seen), after the interrupted execution and at the
 * end: no row carries a status that is not its own (one its current inputs accept; PENDING or blank meanwhile),
 * and at the end no row is lost (every row holds a final status of its own).
 */
import type { HttpRequest, HttpResponse } from '../../../emulator/google';
import { applyWritten, interpretInput, type SheetData } from '../../../emulator/gas/sheetData';
import type { RunReport } from '../../../src/shared/report';
import {
  ADMIN, changeRows, duplicateWrites, execute, HEADERS, makeWorkload, newWorld, provisionUntilDone, type Row, type Workload,
} from '../workload';

/** The statuses a row with these inputs may end with. */
export type Accepts = Map<string, string[]>;

export const inputKey = (member: string, space: string, role: string, action: string) => `${member}|${space}|${role}|${action}`;
const rowKey = (row: Row) => inputKey(row.member, row.space, row.role, row.action);

export interface EditContext {
  sheet: SheetData;
  request: HttpRequest;
  accepts: Accepts;
  timeZone: string;
  /** a user's numeric id (membership requests name people by it) */
  userIdOf: (email: string) => string | undefined;
}

export interface EditOutcome {
  /** how many executions the run took */
  executions: number;
  /** rows with a status not their own, seen at any check (must be 0) */
  notOwn: string[];
  /** rows without a final status of their own at the end, or expected rows missing (must be 0) */
  lost: string[];
  /** membership writes made twice (must be none) */
  duplicateWrites: string[];
  /** change rows logged after the edit whose "roster row N" does not hold their member at the end (rows the edit deleted or replaced aside) */
  misnamedChanges: string[];
  firstReport: RunReport;
  /** the edit happened between two progress flushes */
  flushesBefore: number;
  flushesAfter: number;
}

/** Users the edits may bring in (not in any space yet). */
export const NEWCOMERS = ['new1@example.com', 'new2@example.com', 'new3@example.com'];

export function editWorkload(): Workload {
  // Long enough for several progress writes in the first execution (they come every 15–25 s here: sheetWriter.ts).
  const workload = makeWorkload({ spaces: 3, usersPerSpace: 120, mix: true });
  NEWCOMERS.forEach((email, i) => workload.seed.users.push({ id: String(900001 + i), email }));
  return workload;
}

/** Writes `value` into a cell as if typed. */
export function typeInto(context: EditContext, row: number, column: number, value: string): void {
  applyWritten(context.sheet.cellForWrite(row, column), interpretInput(value, undefined, context.timeZone));
}

/** The roster row (1-based sheet row) whose member a membership request is about, if any. */
export function rowOfRequest(context: EditContext, rows: readonly string[][]): number | null {
  const text = `${context.request.url} ${context.request.body ?? ''}`;
  const names = (email: string) => [email, `users/${context.userIdOf(email) ?? email}"`, `members/${context.userIdOf(email) ?? email}?`, `members/${context.userIdOf(email) ?? email}"`];
  const index = rows.findIndex((row, i) => i > 0 && row[0] !== '' && row[3] === '' && names(row[0]).some((name) => text.includes(name)));
  return index > 0 ? index + 1 : null;
}

/** Rows of the sheet whose status is not one their inputs accept (`final`: blank and PENDING are wrong too). */
function check(rows: readonly string[][], accepts: Accepts, final: boolean): string[] {
  const wrong: string[] = [];
  rows.slice(1).forEach((row, i) => {
    const [member, space, role, action, status] = row;
    if (!member && !space && !role && !action) return;
    if (!final && (status === '' || status === 'PENDING')) return;
    const accept = accepts.get(inputKey(member, space, role, action)) ?? [];
    if (!accept.includes(status)) wrong.push(`row ${i + 2} ${member} ${space} ${role}/${action || 'add'}: ${status} (${row[5]}); want ${accept.join('|') || 'no row like it'}`);
  });
  return wrong;
}

/** What an edit did: the statuses the rows it adds or changes may end with, and the rows it deleted. */
export interface Edit { accepts?: Accepts; deleted?: string[] }

/**
 * Runs the roster with `edit` made once, at the first membership call after the first progress flush (seen as
 * a status in the sheet).
 */
export function runWithEdit(edit: (context: EditContext) => Edit): EditOutcome {
  const workload = editWorkload();
  const { google, world } = newWorld(workload, { latencyMs: 100 });
  const accepts: Accepts = new Map(workload.rows.map((row) => [rowKey(row), row.accept]));
  const roster = () => world.spreadsheet.sheet('Roster') ?? [HEADERS];
  const statusesWritten = () => roster().slice(1).filter((row) => row[4] !== '').length;
  const notOwn = new Set<string>();
  const deleted = new Set<string>();
  let edited = false;
  let flushesBefore = 0;
  let flushesAfter = 0;
  let lastStatuses = '';
  let changesBeforeEdit = 0;
  const fetch = google.fetch.bind(google);
  google.fetch = (request: HttpRequest): HttpResponse => {
    const response = fetch(request);
    if (!/\/members/.test(request.url)) return response;
    const statuses = JSON.stringify(roster().map((row) => row[4]));
    if (statuses !== lastStatuses && statusesWritten() > 0) {
      if (edited) flushesAfter++;
      else flushesBefore++;
    }
    lastStatuses = statuses;
    if (!edited && flushesBefore > 0) {
      edited = true;
      changesBeforeEdit = changeRows(world).length;
      const sheet = world.spreadsheet.sheetData('Roster')!;
      const made = edit({ sheet, request, accepts, timeZone: world.spreadsheet.timeZone, userIdOf: (email) => google.userIdOf(email) ?? undefined });
      for (const [key, accept] of made.accepts ?? []) accepts.set(key, accept);
      for (const key of made.deleted ?? []) deleted.add(key);
      lastStatuses = JSON.stringify(roster().map((row) => row[4]));
    }
    if (edited) for (const wrong of check(roster(), accepts, false)) notOwn.add(wrong);
    return response;
  };
  const first = execute<RunReport>(world, 'provisionRoster', [], { user: ADMIN });
  google.fetch = fetch;
  if (first.error) throw new Error(`provisionRoster threw: ${first.error}`);
  for (const wrong of check(roster(), accepts, false)) notOwn.add(wrong);
  const reports = first.value!.pending > 0 ? provisionUntilDone(world, 6) : [];
  const final = roster();
  for (const wrong of check(final, accepts, false)) notOwn.add(wrong);
  const lost = check(final, accepts, true);
  // Every row the roster still asks for is in the sheet (the edit's own rows included).
  const present = new Set(final.slice(1).map(([member, space, role, action]) => inputKey(member, space, role, action)));
  for (const key of accepts.keys()) if (!present.has(key) && !deleted.has(key)) lost.push(`${key}: no longer in the sheet`);
  // A change of a row the edit deleted or replaced keeps the row number it was planned at.
  const goneMembers = new Set([...deleted].map((key) => key.split('|')[0]));
  const misnamedChanges = changeRows(world).slice(changesBeforeEdit).filter((change) => {
    if (goneMembers.has(change.Member)) return false;
    const row = Number(/^roster row (\d+)$/.exec(change.Source)?.[1]);
    return final[row - 1]?.[0] !== change.Member;
  }).map((change) => `${change.Member} ${change.Change}: ${change.Source} holds ${final[Number(change.Source.split(' ').pop()) - 1]?.[0]}`);
  return {
    executions: 1 + reports.length, notOwn: [...notOwn], lost, duplicateWrites: duplicateWrites(google.calls), misnamedChanges,
    firstReport: first.value!, flushesBefore, flushesAfter,
  };
}

/** The display rows of a SheetData (via the Roster's own read helper). */
export function displayRows(sheet: SheetData, width = HEADERS.length): string[][] {
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.lastRow(); r++) {
    const row: string[] = [];
    for (let c = 1; c <= width; c++) row.push(String(sheet.cell(r, c)?.value ?? ''));
    rows.push(row);
  }
  return rows;
}
