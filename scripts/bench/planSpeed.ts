/**
 * Local speed (DESIGN.md §5): parsing and planning 1,000,000 roster rows within 12× a floor loop measured
 * in the same process, on the same grid. The ratio is the target; the absolute time is information only
 * (it swings with the machine: 1.7 s here, 3.1 s on a slower one, for the same code).
 *
 *   node scripts/run-ts.mjs scripts/bench/planSpeed.ts            FRESH_RUNS fresh processes, each measure's median
 *   node scripts/run-ts.mjs scripts/bench/planSpeed.ts --once     one measure in this process (JSON)
 *   ... --rows 200000                                             another roster size
 *   ... --interleaved                                             the worst row order (see RowOrder)
 *   ... --once --fingerprint                                      also a digest of every outcome and operation,
 *                                                                 to check that an optimisation changed nothing
 *
 * What is timed (performance.now(), one pass each): parseRoster(grid), the one getValues read → rows; then
 * planRoster (pipeline.ts), the same list of stages as an execution's, with Google's answers held in
 * memory. Its stages are told apart by when it asks:
 *   parseMs     parseRoster(grid)
 *   validateMs  validateRows → intents + INVALID rows, until it asks for the spaces
 *   resolveMs   member cells, the directory's answer (a Map built beforehand), resolveTargets (each row's
 *               space and member, repeated rows), until it asks for the snapshots
 *   planMs      the listed targets, the probes' questions, planTargets against in-memory snapshots
 *   floorMs     floorLoop(grid): the least any parse + plan must do — every input cell (Member, Space, Role,
 *               Action) read, trimmed and lower-cased once, one Map lookup per row (its Space cell among the
 *               spaces' names) — accumulated into the number it returns, so that V8 can drop none of it
 *   ratio       totalMs ÷ floorMs, both of the same process (the median of the runs' ratios, not a ratio of
 *               medians: the machine's speed swings between processes, far less within one)
 * No warm-up, for the stages as for the floor: each runs once, cold, in a fresh process, as an execution
 * meets the code (its JIT warm-up is part of what it costs). The floor runs first; either order measures
 * the same here (the grid is far larger than any cache, and the floor leaves nothing alive).
 * Not timed: building the grid, the directory, the space resolutions and the snapshots (the network's part:
 * spaces.list, the Admin SDK lookup, members.list). members.get probes are not answered (network-bound too;
 * the few rows they would answer are planned from the snapshot alone).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { rendered } from '../../src/core/details';
import type { Membership, Operation, RowOutcome, SpaceInfo } from '../../src/core/model';
import { planRoster, type Answers } from '../../src/core/run/pipeline';
import type { DirectoryEntry } from '../../src/core/ports';
import { spaceKey } from '../../src/core/rows/refs';
import { parseRoster } from '../../src/core/sheet/readRoster';
import type { SnapshotResult, SpaceSnapshot } from '../../src/core/resolve/takeSnapshots';
import type { SpaceResolution } from '../../src/core/resolve/resolveSpaces';
import { seededRandom } from '../../emulator/random';

/** Fresh processes measured, the median of each stage reported: this machine's speed swings ±30% minute to minute. */
export const FRESH_RUNS = 5;

export interface PlanSpeed {
  rows: number; parseMs: number; validateMs: number; resolveMs: number; planMs: number; totalMs: number;
  /** The floor loop on the same grid, in the same process. */
  floorMs: number;
  /** totalMs ÷ floorMs (unrounded times; two decimals). */
  ratio: number;
}

/** The target (DESIGN.md §5): parse + plan within this many times the floor loop. */
export const PLAN_RATIO_LIMIT = 12;

const SPACES = 1000;
const PEOPLE = 60_000;
const GROUPS = 2_000;
const CALLER_EMAIL = 'admin@example.com';
const CALLER_NAME = 'users/1';
const HEADER_ROW = ['Member', 'Space', 'Role', 'Action', 'Status', 'Details', 'Updated'];


const spaceId = (s: number) => `SPACE${String(s + 1).padStart(4, '0')}`;
const personEmail = (p: number) => `person.${p}@example.com`;
const personName = (p: number) => `users/${100_000_000 + p}`;
const groupEmail = (g: number) => `team-${g}@example.com`;
const groupName = (g: number) => `groups/0${(1_000_000 + g).toString(36)}`;
/** Every 50th person is outside the organisation (the directory doesn't know them); every 500th is suspended. */
const isExternal = (p: number) => p % 50 === 7;

/** Which member a row names: the k-th member of space s. People are reused across spaces, never twice in one. */
function memberOf(s: number, k: number): { person: number; group: number } {
  return { person: (s * 7919 + k * 61) % PEOPLE, group: (s * 13 + k) % GROUPS };
}

interface World {
  grid: unknown[][];
  directory: Map<string, DirectoryEntry>;
  /** Every space listed, as takeSnapshots answers. */
  listings: Map<string, SnapshotResult>;
  spaces: Map<string, SpaceResolution>;
  /** The floor loop's Map: each space's resource name, lower-cased → its number. */
  spaceNumbers: Map<string, number>;
}

function spaceCell(s: number, random: () => number): string {
  const id = spaceId(s);
  const form = random();
  if (form < 0.9) return `spaces/${id}`;
  if (form < 0.97) return id;
  return `https://mail.google.com/chat/u/0/#chat/space/${id}`;
}

function roleCell(random: () => number): string {
  const r = random();
  return r < 0.75 ? '' : r < 0.9 ? 'Member' : r < 0.97 ? 'Manager' : 'Owner';
}

/** A row that validation must reject, in one of the ways administrators get rows wrong. */
function invalidRow(s: number, k: number, random: () => number): string[] {
  const space = `spaces/${spaceId(s)}`;
  switch (Math.floor(random() * 5)) {
    case 0: return [`person.${k}@@example`, space, '', '', '', '', ''];
    case 1: return [personEmail(memberOf(s, k).person), space, 'Admin', '', '', '', ''];
    case 2: return [personEmail(memberOf(s, k).person), space, '', 'delete', '', '', ''];
    case 3: return [`group:${groupEmail(memberOf(s, k).group)}`, space, 'Manager', '', '', '', ''];
    default: return ['', space, '', '', '', '', ''];
  }
}

/**
 * Row order. `grouped` (the measure): each space's first 90% of members in one block, as Import memberships
 * writes them and as rosters are usually kept, then the other 10% added at the bottom over time, every space
 * mixed. `interleaved` (the worst case): space after space on consecutive rows, nothing ever near its kin.
 */
export type RowOrder = 'grouped' | 'interleaved';

/** The (space, member number) of the n-th generated row. */
function slotOf(n: number, perSpace: number, order: RowOrder): { s: number; k: number } {
  const blocked = order === 'grouped' ? Math.floor(perSpace * 0.9) : 0;
  if (n < SPACES * blocked) return { s: Math.floor(n / blocked), k: n % blocked };
  const late = n - SPACES * blocked;
  return { s: late % SPACES, k: blocked + (Math.floor(late / SPACES) % (perSpace - blocked)) };
}

function buildGrid(rowCount: number, order: RowOrder, random: () => number): unknown[][] {
  const grid: unknown[][] = [HEADER_ROW];
  // getValues hands over fresh strings per cell: a JSON round trip gives the same (no shared string objects).
  // Row by row, so that the garbage of building dies young and leaves no heap to collect while measuring.
  const add = (row: string[]) => grid.push(JSON.parse(JSON.stringify(row)) as string[]);
  const perSpace = Math.max(1, Math.ceil(rowCount / SPACES));
  for (let n = 0; grid.length <= rowCount; n++) {
    const { s, k } = slotOf(n, perSpace, order);
    const { person, group } = memberOf(s, k);
    const kind = random();
    let member: string;
    let role = '';
    if (kind < 0.003) {
      add(invalidRow(s, k, random));
      continue;
    } else if (kind < 0.006 && grid.length > 1000) {
      // An earlier row again: usually an exact repeat, sometimes with another role (a conflict).
      const earlier = [...(grid[grid.length - 1 - Math.floor(random() * 900)] as string[])];
      if (random() < 0.3) earlier[2] = earlier[2] === 'Owner' ? 'Member' : 'Owner';
      add(earlier);
      continue;
    } else if (kind < 0.008) {
      add(['', '', '', '', '', '', '']); // a blank row, skipped silently
      continue;
    } else if (kind < 0.06) {
      member = personName(person);
      role = roleCell(random);
    } else if (kind < 0.08) {
      member = `group:${groupEmail(group)}`;
    } else if (kind < 0.09) {
      member = groupName(group);
    } else {
      const email = personEmail(person);
      member = random() < 0.05 ? email.charAt(0).toUpperCase() + email.slice(1) : email;
      role = roleCell(random);
    }
    const action = random() < 0.05 ? 'remove' : random() < 0.1 ? 'add' : '';
    const status = random() < 0.5 ? '' : 'ADDED';
    add([member, spaceCell(s, random), role, action, status, '', '']);
  }
  return grid;
}

function buildDirectory(): Map<string, DirectoryEntry> {
  const directory = new Map<string, DirectoryEntry>();
  directory.set(CALLER_EMAIL, { kind: 'user', name: CALLER_NAME });
  for (let p = 0; p < PEOPLE; p++) {
    if (!isExternal(p)) directory.set(personEmail(p), { kind: 'user', name: personName(p), suspended: p % 500 === 3 });
  }
  for (let g = 0; g < GROUPS; g++) directory.set(groupEmail(g), { kind: 'group', name: groupName(g) });
  return directory;
}

/** Each space: the caller as Owner, and ~30% of the members the roster names, with mixed roles and states. */
function buildSnapshots(rowCount: number, random: () => number): Map<string, SpaceSnapshot> {
  const snapshots = new Map<string, SpaceSnapshot>();
  const perSpace = Math.max(1, Math.ceil(rowCount / SPACES));
  for (let s = 0; s < SPACES; s++) {
    const space = `spaces/${spaceId(s)}`;
    const members = new Map<string, Membership>();
    members.set(CALLER_NAME, { name: `${space}/members/1`, state: 'JOINED', role: 'ROLE_MANAGER', member: { name: CALLER_NAME, type: 'HUMAN' } });
    let hasGroups = false;
    for (let k = 0; k < perSpace; k++) {
      if (random() >= 0.3) continue;
      const { person, group } = memberOf(s, k);
      const r = random();
      members.set(personName(person), {
        name: `${space}/members/${personName(person).slice('users/'.length)}`,
        state: r < 0.05 ? 'INVITED' : 'JOINED',
        role: r < 0.8 ? 'ROLE_MEMBER' : r < 0.95 ? 'ROLE_ASSISTANT_MANAGER' : 'ROLE_MANAGER',
        member: { name: personName(person), type: 'HUMAN' },
      });
      if (random() < 0.1) {
        hasGroups = true;
        members.set(groupName(group), { name: `${space}/members/${groupName(group).slice('groups/'.length)}`, state: 'JOINED', role: 'MEMBERSHIP_ROLE_UNSPECIFIED', groupMember: { name: groupName(group) } });
      }
    }
    snapshots.set(space, { members, hasGroups, invitedListed: true });
  }
  return snapshots;
}

/** Space resolution's answers, as pipeline.ts gets them from resolveSpaces (all resolved here). */
function resolutions(infos: Map<string, SpaceInfo>): Map<string, SpaceResolution> {
  return new Map([...infos].map(([key, space]) => [key, { ok: true, space }]));
}

function buildSpaceInfos(): Map<string, SpaceInfo> {
  const infos = new Map<string, SpaceInfo>();
  for (let s = 0; s < SPACES; s++) {
    const name = `spaces/${spaceId(s)}`;
    // Every 100th space is a group chat, so spaceTypeProblem has something to say.
    infos.set(spaceKey({ kind: 'name', name }), { name, spaceType: s % 100 === 42 ? 'GROUP_CHAT' : 'SPACE', displayName: `Team ${s + 1}` });
  }
  return infos;
}

/**
 * What Google's JSON replies would give: fresh flat strings. (Strings built with + or `${}` are V8 cons
 * strings, whose comparisons take a slow path that parsed JSON never meets: they would measure the bench.)
 */
function asIfParsed<K, V>(map: Map<K, V>): Map<K, V> {
  return new Map(JSON.parse(JSON.stringify([...map])) as [K, V][]);
}

export function buildWorld(rowCount: number, order: RowOrder = 'grouped'): World {
  const random = seededRandom(20240601);
  const grid = buildGrid(rowCount, order, random);
  const snapshots = new Map([...buildSnapshots(rowCount, random)].map(([space, snapshot]) => [
    JSON.parse(JSON.stringify(space)) as string, { ...snapshot, members: asIfParsed(snapshot.members) },
  ]));
  const listings = new Map<string, SnapshotResult>([...snapshots].map(([space, snapshot]) => [space, { ok: true, snapshot }]));
  const spaces = resolutions(asIfParsed(buildSpaceInfos()));
  const spaceNumbers = new Map([...spaces.values()].flatMap((resolution, number) =>
    (resolution.ok ? [[resolution.space.name.toLowerCase(), number] as const] : [])));
  return { grid, directory: asIfParsed(buildDirectory()), listings, spaces, spaceNumbers };
}

/**
 * The floor (header: floorMs): every input cell of every row read, trimmed and lower-cased once, and one Map
 * lookup per row. Everything it computes goes into the number returned, which the caller keeps.
 */
export function floorLoop(grid: readonly (readonly unknown[])[], spaceNumbers: ReadonlyMap<string, number>): number {
  // Found by name here, not by readRoster.columnMap: the floor shares no code with what it measures.
  const header = grid[0].map((cell) => String(cell).trim().toLowerCase());
  const [member, space, role, action] = ['member', 'space', 'role', 'action'].map((name) => header.indexOf(name));
  let sum = 0;
  for (let index = 1; index < grid.length; index++) {
    const row = grid[index];
    const spaceText = String(row[space]).trim().toLowerCase();
    sum += String(row[member]).trim().toLowerCase().length + String(row[role]).trim().toLowerCase().length
      + String(row[action]).trim().toLowerCase().length + (spaceNumbers.get(spaceText) ?? -1);
  }
  return sum;
}

export interface Measured {
  speed: PlanSpeed; outcomes: readonly RowOutcome[]; operations: readonly Operation[];
  /** What the floor loop computed (kept, so that its work can't be dropped). */
  floorSum: number;
}

/** `now` reads the clock (performance.now(); a CPU-time clock to profile on a busy machine). */
export function measureWorld(world: World, rowCount: number, now: () => number = () => performance.now()): Measured {
  const asked = { spaces: 0, snapshots: 0 };
  // Google's answers, already in hand: the network's part isn't measured.
  const answers: Answers = {
    spaces: () => { asked.spaces = now(); return world.spaces; },
    directory: () => ({ entries: world.directory, failure: null }),
    snapshots: () => { asked.snapshots = now(); return world.listings; },
    members: () => [],
  };

  const f0 = now();
  const floorSum = floorLoop(world.grid, world.spaceNumbers);
  const f1 = now();

  const t0 = now();
  const parsed = parseRoster(world.grid);
  if (!parsed.ok) throw new Error(parsed.message);
  const t1 = now();
  const outcomes: RowOutcome[] = [];
  const operations = planRoster(parsed.rows, answers, { callerEmail: CALLER_EMAIL, useAdminAccess: false }, outcomes);
  const t4 = now();

  const round = (ms: number) => Math.round(ms);
  const { spaces: t2, snapshots: t3 } = asked;
  return {
    speed: {
      rows: rowCount, parseMs: round(t1 - t0), validateMs: round(t2 - t1), resolveMs: round(t3 - t2), planMs: round(t4 - t3), totalMs: round(t4 - t0),
      floorMs: round(f1 - f0), ratio: Math.round(((t4 - t0) / (f1 - f0)) * 100) / 100,
    },
    outcomes, operations, floorSum,
  };
}

export function measurePlanSpeed(rows = 1_000_000, order: RowOrder = 'grouped'): PlanSpeed {
  return measureWorld(buildWorld(rows, order), rows).speed;
}

/**
 * A digest of every outcome (as its Status and Details cells read) and every operation, in row order, and
 * the counts: equal digests = same behaviour.
 */
function fingerprint(measured: Measured): Record<string, string | number> {
  const hash = createHash('sha256');
  const byRow = (a: { sheetRow: number }, b: { sheetRow: number }) => a.sheetRow - b.sheetRow;
  const all = [...measured.outcomes.map(rendered), ...measured.operations].sort(byRow);
  for (const entry of all) hash.update(JSON.stringify(entry)).update('\n');
  const count = (status: string) => all.filter((entry) => 'status' in entry && entry.status === status).length;
  const ops = (kind: string) => measured.operations.filter((operation) => operation.kind === kind).length;
  return {
    rowsOut: all.length, invalid: count('INVALID'), unchanged: count('UNCHANGED'), held: count('HELD'),
    creates: ops('create'), patches: ops('patchRole'), deletes: ops('delete'), sha256: hash.digest('hex').slice(0, 16),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The runs' medians, measure by measure (the ratio too: the median of the runs' own ratios). */
export function medianSpeed(runs: readonly PlanSpeed[]): PlanSpeed {
  const of = (pick: (speed: PlanSpeed) => number) => median(runs.map(pick));
  return {
    rows: runs[0].rows, parseMs: of((r) => r.parseMs), validateMs: of((r) => r.validateMs), resolveMs: of((r) => r.resolveMs),
    planMs: of((r) => r.planMs), totalMs: of((r) => r.totalMs), floorMs: of((r) => r.floorMs), ratio: of((r) => r.ratio),
  };
}

function main(argv: readonly string[]): void {
  const rowsFlag = argv.indexOf('--rows');
  const rows = rowsFlag >= 0 ? Number(argv[rowsFlag + 1]) : 1_000_000;
  const order: RowOrder = argv.includes('--interleaved') ? 'interleaved' : 'grouped';
  if (argv.includes('--once')) {
    const measured = measureWorld(buildWorld(rows, order), rows);
    const out: Record<string, unknown> = { ...measured.speed };
    if (argv.includes('--fingerprint')) out.fingerprint = fingerprint(measured);
    console.log(JSON.stringify(out));
    return;
  }
  // Fresh processes: each run pays its own JIT warm-up, as a real execution would.
  const runs: PlanSpeed[] = [];
  for (let run = 0; run < FRESH_RUNS; run++) {
    const args = ['--max-old-space-size=4096', __filename, '--once', '--rows', String(rows), ...(order === 'interleaved' ? ['--interleaved'] : [])];
    const output = execFileSync(process.execPath, args, { encoding: 'utf8' });
    const speed = JSON.parse(output.trim().split('\n').pop() ?? '{}') as PlanSpeed;
    console.log(`run ${run + 1}: ${JSON.stringify(speed)}`);
    runs.push(speed);
  }
  const result = medianSpeed(runs);
  console.log(`median of ${FRESH_RUNS} (${order} rows): ${JSON.stringify(result)} (target: ratio ≤ ${PLAN_RATIO_LIMIT})`);
}

// Run directly (run-ts sets argv[1] to this file), not when imported.
if (/planSpeed\.ts$/.test(process.argv[1] ?? '') || process.argv.includes('--once')) main(process.argv.slice(2));
