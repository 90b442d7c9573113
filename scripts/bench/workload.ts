/**
 * The benchmark's workloads (DESIGN.md §5): an organisation seed and a roster sheet, deterministic, plus the
 * check that Chat ended as the roster asks.
 *
 * Throughput: 10,000 rows over 40 named spaces; 30% of the rows are already members (seeded with the role
 * the row asks, so they need nothing); about 3% of the new rows ask for Manager or Owner (create + role
 * patch); the rest are plain adds. The admin is a Chat admin and an Owner (ROLE_MANAGER) of every space.
 * Other shapes (one space, 1,500 spaces, a 50,000-person directory) are the same builder with other sizes (workloads.ts).
 */
import type { Google } from '../../emulator/google';
import type { OrgSeed, SeedMember, SeedRole, SeedUser } from '../../emulator/seed';
import { seededRandom } from '../../emulator/random';

export const ADMIN = 'admin@example.com';
export const HEADERS = ['Member', 'Space', 'Role', 'Action', 'Status', 'Details', 'Updated'];

const API_ROLE: Record<string, SeedRole> = { '': 'ROLE_MEMBER', Member: 'ROLE_MEMBER', Manager: 'ROLE_ASSISTANT_MANAGER', Owner: 'ROLE_MANAGER' };

export interface RosterRow {
  email: string;
  /** spaces/ID */
  space: string;
  /** '' (Member), 'Manager' or 'Owner' */
  role: string;
  present: boolean;
}

export interface Workload {
  name: string;
  seed: OrgSeed;
  /** the memberships Chat must end with (the roster's rows, or what a rule asks) */
  rows: RosterRow[];
  /** the sheet as a user typed it, headers first */
  sheet: unknown[][];
  /** a Rules sheet, headers first, when the memberships come from a rule */
  rulesSheet?: unknown[][];
  /** membership writes the roster needs: creates + role patches + deletes */
  writesNeeded: { creates: number; patches: number; deletes: number; total: number };
}

const email = (p: number) => `person.${p}@example.com`;

function users(count: number): SeedUser[] {
  const list: SeedUser[] = [{ id: '100000000', email: ADMIN, chatAdmin: true }];
  for (let p = 0; p < count; p++) list.push({ id: String(200_000_000 + p), email: email(p) });
  return list;
}

function build(name: string, rows: RosterRow[], spaces: { id: string; displayName: string }[], people: number): Workload {
  const members = new Map<string, SeedMember[]>(spaces.map((s) => [`spaces/${s.id}`, [{ email: ADMIN, role: 'ROLE_MANAGER' }]]));
  for (const row of rows) {
    if (row.present) members.get(row.space)!.push({ email: row.email, role: API_ROLE[row.role] });
  }
  const seed: OrgSeed = {
    domain: 'example.com',
    users: users(people),
    groups: [],
    spaces: spaces.map((s) => ({ id: s.id, displayName: s.displayName, spaceType: 'SPACE', members: members.get(`spaces/${s.id}`)! })),
  };
  const creates = rows.filter((r) => !r.present).length;
  const patches = rows.filter((r) => !r.present && r.role !== '').length;
  return {
    name, seed, rows,
    sheet: rosterSheet(rows),
    writesNeeded: { creates, patches, deletes: 0, total: creates + patches },
  };
}

/** 10,000 rows over 40 spaces, 30% present, ~3% of the new rows Manager/Owner. */
export function throughputWorkload(rowCount = 10_000, spaceCount = 40, people = 5_000): Workload {
  const random = seededRandom(20261123);
  const spaces = Array.from({ length: spaceCount }, (_, s) => ({
    id: `BENCH${String(s + 1).padStart(2, '0')}`, displayName: `Bench Team ${s + 1}`,
  }));
  const rows: RosterRow[] = [];
  for (let r = 0; r < rowCount; r++) {
    const s = r % spaceCount;
    const k = Math.floor(r / spaceCount); // the k-th row of space s: a different person each time
    const person = (s * 997 + k) % people;
    const present = random() < 0.3;
    const pick = random();
    const role = present ? (pick < 0.03 ? 'Manager' : '') : pick < 0.02 ? 'Manager' : pick < 0.03 ? 'Owner' : '';
    rows.push({ email: email(person), space: `spaces/${spaces[s].id}`, role, present });
  }
  return build(`${rowCount.toLocaleString('en-US')} rows over ${spaceCount.toLocaleString('en-US')} spaces`, rows, spaces, people);
}

/** The roster sheet holding these rows (the naive loop's input when a rule names the people). */
export const rosterSheet = (rows: readonly RosterRow[]): unknown[][] => [HEADERS, ...rows.map((r) => [r.email, r.space, r.role, '', '', '', ''])];

/** The throughput roster run by an account the Directory refuses (no admin privilege there, no directory sharing). */
export function noDirectoryWorkload(): Workload {
  const workload = throughputWorkload();
  workload.seed.users = workload.seed.users.map((user) => (user.email === ADMIN ? { ...user, directoryAdmin: false } : user));
  workload.seed.directorySharing = false;
  return workload;
}

export const RULES_HEADERS = ['Source', 'Space', 'Role', 'Status', 'Details', 'Updated'];

/**
 * One Rules row enrolling an organisational unit of `people` into one space (the Roster empty); 30% of them
 * already members, as in the throughput roster; 1,000 more people outside the unit.
 */
export function ouRuleWorkload(people = 5_000): Workload {
  const random = seededRandom(20261205);
  const space = { id: 'BENCHrule', displayName: 'Bench Rule Space' };
  const rows: RosterRow[] = Array.from({ length: people }, (_, p) => ({ email: email(p), space: `spaces/${space.id}`, role: '', present: random() < 0.3 }));
  const workload = build(`OU rule over ${people.toLocaleString('en-US')} people`, rows, [space], people + 1_000);
  workload.seed.orgUnits = ['/Bench'];
  workload.seed.users = workload.seed.users.map((user, index) => (index >= 1 && index <= people ? { ...user, orgUnitPath: '/Bench' } : user));
  workload.sheet = [HEADERS];
  workload.rulesSheet = [RULES_HEADERS, ['ou:/Bench', space.displayName, '', '', '', '']];
  return workload;
}

/** Rows Chat doesn't hold as the roster asks (member missing or wrong role), and members the roster doesn't name. */
export function mismatches(google: Google, workload: Workload): { missing: number; wrongRole: number; extra: number } {
  const bySpace = new Map<string, Map<string, string>>();
  for (const space of workload.seed.spaces) {
    bySpace.set(`spaces/${space.id}`, new Map(google.membersOf(`spaces/${space.id}`).map((m) => [m.member, m.role])));
  }
  let missing = 0;
  let wrongRole = 0;
  const named = new Set<string>();
  for (const row of workload.rows) {
    named.add(`${row.space} ${row.email}`);
    const role = bySpace.get(row.space)!.get(row.email);
    if (role === undefined) missing++;
    else if (role !== API_ROLE[row.role]) wrongRole++;
  }
  let extra = 0;
  for (const [space, members] of bySpace) {
    for (const member of members.keys()) if (member !== ADMIN && !named.has(`${space} ${member}`)) extra++;
  }
  return { missing, wrongRole, extra };
}
