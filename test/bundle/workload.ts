/**
 * Shared helpers of the long-run bundle tests (resume, nightly, kill, soak, concurrency): generated
 * organisations and rosters, an execution runner that also does trigger runs, and what an administrator
 * would check afterwards (statuses, members, duplicate writes, the run record, the log sheet).
 */
import { Google, type ApiCallRecord } from '../../emulator/google';
import type { OrgSeed, SeedMember, SeedSpace, SeedUser } from '../../emulator/seed';
import { AppsScriptWorld } from '../../emulator/gas/world';
import { runEntryPoint, runUntilDone } from '../../emulator/runtime/addon';
import type { RunReport } from '../../src/shared/report';
import { LOG_KIND } from '../../src/core/run/logLayout';

export const ADMIN = 'admin@example.com';
export const HEADERS = ['Member', 'Space', 'Role', 'Action', 'Status', 'Details', 'Updated'];
export const RUN_RECORD_KEY = 'chatRoster.run';
export const LOG_SHEET = 'Chat Roster Log';

export type RoleCell = '' | 'Member' | 'Manager' | 'Owner';
export type Role = 'ROLE_MEMBER' | 'ROLE_ASSISTANT_MANAGER' | 'ROLE_MANAGER';
export const API_ROLE: Record<Exclude<RoleCell, ''>, Role> = { Member: 'ROLE_MEMBER', Manager: 'ROLE_ASSISTANT_MANAGER', Owner: 'ROLE_MANAGER' };

/** One roster row and what must hold after the run. */
export interface Row {
  member: string;
  space: string;
  role: RoleCell;
  action: '' | 'remove';
  /** final statuses accepted for this row (the first is the one of an undisturbed run) */
  accept: string[];
  /** the membership it leaves: absent, or present with that role/state */
  final: { present: false } | { present: true; role: Role; state: 'JOINED' | 'INVITED' };
}

export interface Workload {
  seed: OrgSeed;
  rows: Row[];
}

export interface WorkloadOptions {
  spaces: number;
  usersPerSpace: number;
  /** share of rows already as asked (UNCHANGED) */
  presentShare?: number;
  /** every n-th new member is added as Manager (0 = never) */
  managerEvery?: number;
  /** include role changes, removes, invites and Owner adds (the kill test's mix) */
  mix?: boolean;
}

const userEmail = (i: number) => `u${i}@example.com`;

/**
 * A generated organisation and roster: space s has usersPerSpace roster rows over its own users. Plain mode:
 * adds only (some already present, some as Manager). Mix mode: per 10 rows of a space, 4 plain adds,
 * 1 Manager add, 1 Owner add, 1 role change, 1 remove, 1 invite (auto-accept off) and 1 already present.
 */
export function makeWorkload(options: WorkloadOptions): Workload {
  const { spaces, usersPerSpace } = options;
  const users: SeedUser[] = [{ id: '100000', email: ADMIN, chatAdmin: true }];
  const seedSpaces: SeedSpace[] = [];
  const rows: Row[] = [];
  let next = 1;
  for (let s = 0; s < spaces; s++) {
    const spaceId = `AAAAspace${String(s).padStart(3, '0')}`;
    const members: SeedMember[] = [{ email: ADMIN, role: 'ROLE_MANAGER' }];
    for (let i = 0; i < usersPerSpace; i++) {
      const n = next++;
      const email = userEmail(n);
      const user: SeedUser = { id: String(200000 + n), email };
      users.push(user);
      const space = `spaces/${spaceId}`;
      if (options.mix) {
        switch (i % 10) {
          case 4: rows.push(add(email, space, 'Manager')); break;
          case 5: rows.push(add(email, space, 'Owner')); break;
          case 6:
            members.push({ email, role: i % 20 === 6 ? 'ROLE_MEMBER' : 'ROLE_ASSISTANT_MANAGER' });
            rows.push({
              member: email, space, role: i % 20 === 6 ? 'Manager' : 'Member', action: '', accept: ['ROLE_UPDATED', 'UNCHANGED'],
              final: { present: true, role: i % 20 === 6 ? 'ROLE_ASSISTANT_MANAGER' : 'ROLE_MEMBER', state: 'JOINED' },
            });
            break;
          case 7:
            members.push({ email });
            rows.push({ member: email, space, role: '', action: 'remove', accept: ['REMOVED', 'UNCHANGED'], final: { present: false } });
            break;
          case 8:
            user.autoAccept = false;
            rows.push({ member: email, space, role: '', action: '', accept: ['INVITED', 'UNCHANGED'], final: { present: true, role: 'ROLE_MEMBER', state: 'INVITED' } });
            break;
          case 9:
            members.push({ email });
            rows.push({ member: email, space, role: '', action: '', accept: ['UNCHANGED'], final: { present: true, role: 'ROLE_MEMBER', state: 'JOINED' } });
            break;
          default: rows.push(add(email, space, ''));
        }
        continue;
      }
      const present = options.presentShare ? (i % 100) < options.presentShare * 100 : false;
      if (present) {
        members.push({ email });
        rows.push({ member: email, space, role: '', action: '', accept: ['UNCHANGED'], final: { present: true, role: 'ROLE_MEMBER', state: 'JOINED' } });
      } else {
        const manager = options.managerEvery ? n % options.managerEvery === 0 : false;
        rows.push(add(email, space, manager ? 'Manager' : ''));
      }
    }
    seedSpaces.push({ id: spaceId, displayName: `Space ${s}`, spaceType: 'SPACE', members });
  }
  // Interleave spaces in the sheet, as a hand-made roster would be (rows of one space not all together).
  const bySpace = new Map<string, Row[]>();
  for (const row of rows) (bySpace.get(row.space) ?? bySpace.set(row.space, []).get(row.space)!).push(row);
  const lists = [...bySpace.values()];
  const interleaved: Row[] = [];
  for (let at = 0; interleaved.length < rows.length; at++) for (const list of lists) if (at < list.length) interleaved.push(list[at]);
  return { seed: { domain: 'example.com', appUserId: '999000', users, groups: [], spaces: seedSpaces }, rows: interleaved };
}

function add(member: string, space: string, role: RoleCell): Row {
  // A Manager/Owner add is create then patch: cut between them, the next run patches (ROLE_UPDATED).
  const accept = role === 'Manager' || role === 'Owner' ? ['ADDED', 'ROLE_UPDATED', 'UNCHANGED'] : ['ADDED', 'UNCHANGED'];
  return { member, space, role, action: '', accept, final: { present: true, role: role ? API_ROLE[role] : 'ROLE_MEMBER', state: 'JOINED' } };
}

export function rosterGrid(rows: readonly Row[]): unknown[][] {
  return [HEADERS, ...rows.map((r) => [r.member, r.space, r.role, r.action, '', '', ''])];
}

export function newWorld(workload: Workload, options: { latencyMs?: number; timeZone?: string; setup?: boolean } = {}) {
  const google = new Google({ seed: workload.seed, latencyMs: options.latencyMs ?? 0 });
  const world = new AppsScriptWorld(google, options.timeZone ? { timeZone: options.timeZone } : {});
  world.spreadsheet.setSheet('Roster', rosterGrid(workload.rows));
  if (options.setup !== false) {
    const result = execute(world, 'setupRosterSheet', [], { user: ADMIN });
    if (result.error) throw new Error(`setupRosterSheet threw: ${result.error}`);
  }
  return { google, world };
}

/** Entry points run through the one harness (emulator/runtime/addon.ts), under the names these tests use. */
export const execute = runEntryPoint;
export type { ExecutionResult as Executed } from '../../emulator/runtime/addon';

/**
 * What the sidebar does (runUntilDone), for tests that expect it to finish: the reports, or a throw if an
 * execution throws or the run doesn't finish within `max` executions.
 */
export function provisionUntilDone(world: AppsScriptWorld, max: number, user = ADMIN): RunReport[] {
  const executions = runUntilDone(world, { user }, max);
  const failed = executions.findIndex((result) => result.error);
  if (failed >= 0) throw new Error(`provisionRoster (execution ${failed + 1}) threw: ${executions[failed].error}`);
  const reports = executions.map((result) => result.value!);
  if (reports[reports.length - 1].pending > 0) throw new Error(`still pending after ${max} executions: ${JSON.stringify(reports[reports.length - 1])}`);
  return reports;
}

export interface SheetRow { member: string; space: string; status: string; details: string; updated: unknown }

export function sheetRows(world: AppsScriptWorld): SheetRow[] {
  return world.spreadsheet.sheet('Roster')!.slice(1).map((r) => ({
    member: String(r[0]), space: String(r[1]), status: String(r[4]), details: String(r[5]), updated: r[6],
  }));
}

/** Rows whose final status is not one the row accepts, as readable lines (empty = all right). */
export function wrongStatuses(world: AppsScriptWorld, rows: readonly Row[]): string[] {
  const sheet = sheetRows(world);
  const wrong: string[] = [];
  rows.forEach((row, i) => {
    const got = sheet[i];
    if (!got || got.member !== row.member || !row.accept.includes(got.status)) {
      wrong.push(`row ${i + 2} ${row.member} ${row.space} ${row.role}/${row.action || 'add'}: ${got?.status} (${got?.details}); want ${row.accept.join('|')}`);
    }
  });
  return wrong;
}

/** Memberships the roster's rows ask for that Chat doesn't have as asked (empty = Chat matches). */
export function membershipMismatches(google: Google, rows: readonly Row[]): string[] {
  const bySpace = new Map<string, Map<string, { role: string; state: string }>>();
  const members = (space: string) => {
    let map = bySpace.get(space);
    if (!map) bySpace.set(space, (map = new Map(google.membersOf(space).map((m) => [m.member, { role: m.role, state: m.state }]))));
    return map;
  };
  const wrong: string[] = [];
  for (const row of rows) {
    const got = members(row.space).get(row.member);
    const want = row.final;
    if (!want.present) {
      if (got) wrong.push(`${row.member} still in ${row.space}`);
    } else if (!got || got.role !== want.role || got.state !== want.state) {
      wrong.push(`${row.member} in ${row.space}: ${got ? `${got.role}/${got.state}` : 'absent'}; want ${want.role}/${want.state}`);
    }
  }
  return wrong;
}

/** Successful membership writes made more than once with the same method on the same target. */
export function duplicateWrites(calls: readonly ApiCallRecord[]): string[] {
  const seen = new Map<string, number>();
  for (const call of calls) {
    if (!call.write || call.status < 200 || call.status >= 300) continue;
    const key = `${call.methodId} ${call.target}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([key, n]) => `${key} ×${n}`);
}

/** Every space's members, for comparing two worlds. */
export function allMembers(google: Google): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const space of google.spaces()) {
    out[space.name] = google.membersOf(space.name).map((m) => `${m.member} ${m.role} ${m.state}`).sort();
  }
  return out;
}

/** A row of the Chat Roster Log, by header (e.g. row.Kind, row['Started by'], row.Added). */
export type LogEntry = Record<string, string>;

/** Every non-blank row of the log under its header, in sheet order. */
export function logEntries(world: AppsScriptWorld): LogEntry[] {
  const [headers = [], ...rows] = world.spreadsheet.sheet(LOG_SHEET) ?? [];
  return rows.filter((row) => row.some((cell) => cell !== ''))
    .map((row) => Object.fromEntries(headers.map((header, index) => [String(header), String(row[index] ?? '')])));
}

/** The log's run rows (one per finished run). */
export function logRows(world: AppsScriptWorld): LogEntry[] {
  return logEntries(world).filter((row) => row.Kind === LOG_KIND.run);
}

/** The log's change rows (one per successful membership write). */
export function changeRows(world: AppsScriptWorld): LogEntry[] {
  return logEntries(world).filter((row) => row.Kind === LOG_KIND.change);
}

/**
 * Change rows that no successful write of google.writes() accounts for, and successful writes no change row
 * accounts for, matched one to one by method and membership (empty both: the log is Google's write record).
 */
export function unmatchedChanges(google: Google, changes: readonly LogEntry[]): { rows: string[]; writes: string[] } {
  const keyOfWrite = (call: ApiCallRecord) => `${call.methodId.replace('chat.spaces.members.', '')} ${call.target}`;
  const memberName = (member: string) => (member === 'app' ? 'app' : member.startsWith('group:') ? member : `${google.userIdOf(member) ?? member}`);
  const keyOfRow = (row: LogEntry) => {
    const [before, after] = row.Change.split(' → ');
    const method = before === 'absent' ? 'create' : after === 'absent' ? 'delete' : 'patch';
    return `${method} ${row['Space ID']}/members/${memberName(row.Member)}`;
  };
  const left = new Map<string, number>();
  for (const call of google.writes()) left.set(keyOfWrite(call), (left.get(keyOfWrite(call)) ?? 0) + 1);
  const rows: string[] = [];
  for (const row of changes) {
    const key = keyOfRow(row);
    const n = left.get(key) ?? 0;
    if (n === 0) rows.push(`${key} (${row.Change}, ${row.Source})`);
    else left.set(key, n - 1);
  }
  return { rows, writes: [...left].flatMap(([key, n]) => Array.from({ length: n }, () => key)) };
}

export function runRecord(world: AppsScriptWorld): string | null {
  return world.documentProperties.getProperty(RUN_RECORD_KEY);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The nightly sync, the next day at its hour (no one is there to confirm mirror removals: it removes within
 * Max removal %). Installed at the current hour on the first call (today's slot counts as passed), each call
 * moves a day on and fires it once.
 */
export function nightlyNextDay(google: Google, world: AppsScriptWorld, timeZone = 'America/New_York'): RunReport {
  if (world.triggers.length === 0) {
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(google.clock.now()));
    const installed = execute(world, 'installNightlySync', [hour], { user: ADMIN });
    if (installed.error) throw new Error(`installNightlySync: ${installed.error}`);
  }
  google.clock.advance(DAY_MS);
  const result = execute<RunReport>(world, 'nightlySync', [], { user: ADMIN, fromTrigger: true });
  if (result.error || !result.value) throw new Error(`nightlySync: ${result.error ?? 'did not start'}`);
  return result.value;
}
