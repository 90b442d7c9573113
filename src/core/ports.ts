/**
 * The core's only view of the outside world (DESIGN.md §1, ports and adapters).
 * Apps Script adapters in src/gas implement these; tests use the emulator through the same adapters,
 * or small fakes. Nothing here may name an Apps Script or Node type.
 */
import type { ApiError, ApiRole, Membership, Space } from './model';
import type { LiveProgress } from '../shared/report';

/** Google's error (model.ts: outcomes carry it too), for the adapters that build one. */
export type { ApiError } from './model';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** One membership REST call. `useAdminAccess` is sent only when true. */
export type MemberCall =
  | { method: 'list'; parent: string; pageSize: number; pageToken?: string; showInvited: boolean; showGroups: boolean; filter?: string; useAdminAccess?: boolean }
  | { method: 'get'; name: string; useAdminAccess?: boolean }
  | { method: 'create'; parent: string; membership: Membership; useAdminAccess?: boolean }
  | { method: 'patch'; name: string; role: ApiRole; useAdminAccess?: boolean }
  | { method: 'delete'; name: string; useAdminAccess?: boolean };

/** The reply to one MemberCall, already parsed. */
export interface MemberReply {
  /** HTTP status of the reply. */
  code: number;
  /** get / create / patch / delete success. */
  membership?: Membership;
  /** list success (absent on an empty page, as Google does). */
  memberships?: Membership[];
  nextPageToken?: string;
  /** any non-2xx. */
  error?: ApiError;
  /** seconds, from a Retry-After header when Google sends one. */
  retryAfterSeconds?: number;
  /** Not sent: the execution reached its deadline first (the row stays PENDING for the next one). */
  deferred?: boolean;
}

/** What the core's steps send membership calls through: the gateway itself, or the pacer in front of it. */
export interface MemberSender {
  /** `finishing`: follow-ups of changes already made (a role patch after its create) may use a short grace period. */
  send(calls: MemberCall[], options?: { finishing?: boolean }): MemberReply[];
}

export interface ChatGateway extends MemberSender {
  /** Membership traffic: independent calls sent together (one parallel fetch in the adapter); replies in the same order. */
  send(calls: MemberCall[]): MemberReply[];
  /** Every space the caller is a member of, read once (spaces.list, Advanced Chat Service). */
  listSpaces(): Result<Space[]>;
  /** spaces.get (Advanced Chat Service). */
  getSpace(name: string, useAdminAccess: boolean): Result<Space>;
  /** Named spaces whose display name is exactly `displayName` (spaces.list, or spaces.search with admin access). */
  findSpacesByDisplayName(displayName: string, useAdminAccess: boolean): Result<Space[]>;
  /**
   * One read with useAdminAccess=true (spaces.search, one result): with the admin scopes granted, a 403 means
   * the caller lacks the admin privilege, which would otherwise fail every row of the run one by one.
   */
  verifyAdminAccess(): Result<true>;
}

/** A person or group found in the Workspace directory. */
export interface DirectoryEntry {
  kind: 'user' | 'group';
  /** Chat resource name: `users/{id}` or `groups/{id}`. */
  name: string;
  suspended?: boolean;
}

/**
 * Which addresses a directory's answer speaks for (data, never read from a message): an email of one of
 * `domains` that the answer doesn't hold was looked for and belongs to no one the view shows.
 */
export interface DirectoryCoverage {
  /**
   * The view that answered: `admin` shows every user (suspended ones included), alias and group of the
   * organisation; `domain_public` the people of the caller's domain that the organisation shares (no
   * suspended accounts, no groups).
   */
  view: 'admin' | 'domain_public';
  /** Lower-case domains the view answered for in full: the caller's, and any other it found people of. */
  domains: readonly string[];
}

/**
 * A directory's answer; one that couldn't ask Google may still carry answers it knew (`known`). `coverage`
 * absent: the answer doesn't say who is NOT in the organisation (emails it lacks are probed in Chat).
 */
export type DirectoryResult =
  | { ok: true; value: Map<string, DirectoryEntry>; coverage?: DirectoryCoverage }
  | { ok: false; error: ApiError; known?: Map<string, DirectoryEntry> };

export interface Directory {
  /**
   * Resolves emails (lower-case, aliases included) to Chat resource names in bulk (Admin SDK Directory).
   * Emails the directory doesn't know are absent from the map (e.g. people outside the organisation).
   * Returns an error when the caller has no directory access: the core then falls back to
   * `spaces.members.get` with the email alias for the emails not `known`.
   */
  lookup(emails: string[]): DirectoryResult;
  /**
   * Answers learned elsewhere (members.get by email alias told email → users/{id}), kept for the run's
   * later executions so they don't ask again (directoryCache.ts). A directory that keeps nothing omits it.
   */
  remember?(learned: ReadonlyMap<string, DirectoryEntry>): void;
}

/** What importMemberships asks Google beyond the ChatGateway and the Directory (import/runImport.ts). */
export interface ImportSources {
  /** The named spaces to import when none is given: the caller's (spaces.list), or with admin access the organisation's (spaces.search). */
  allSpaces(useAdminAccess: boolean): Result<Space[]>;
  /** users/{id} and groups/{id} → primary email, from the Admin SDK Directory; names it doesn't know are absent. */
  emailsOf(names: string[]): Result<Map<string, string>>;
}

/**
 * A short-term cache that Google may empty at any time (Apps Script's document cache,
 * reference/apps-script-limits.md §7: keys ≤ 250 characters, values ≤ 100 KB): never the only copy of anything.
 */
export interface ShortTermCache {
  /** The values of the keys still cached; missing keys are absent. */
  getAll(keys: string[]): Record<string, string>;
  putAll(values: Record<string, string>, ttlSeconds: number): void;
}

/** Where an execution publishes its progress for the sidebar to poll (the document cache: never the only copy of anything). */
export interface ProgressBoard {
  publish(progress: LiveProgress): void;
}

/** A rectangle of cells to write; 1-based top-left; every value plain text. */
export interface CellBlock {
  row: number;
  column: number;
  values: string[][];
}

/** Rows first..last (1-based, inclusive). */
export interface RowSpan { first: number; last: number }

/** Cells of one column (1-based) that all get one plain-text value, in row spans: one RangeList.setValue. */
export interface ValueRun {
  column: number;
  value: string;
  rows: RowSpan[];
}

export interface RosterStore {
  /** The Roster sheet's whole data range in one read (row 0 = headers); null when the sheet is missing. */
  read(): unknown[][] | null;
  /**
   * Rows first..first+count-1, columns 1..width, in one read (a progress flush's check of the rows it writes:
   * sheetWriter.ts); null when the sheet is missing. Optional: without it every check reads the whole sheet.
   */
  readRows?(first: number, count: number, width: number): unknown[][] | null;
  /** One write per block. */
  write(blocks: CellBlock[]): void;
  /** One write per run (RangeList.setValue). Optional: without it every write is in blocks. */
  writeRuns?(runs: ValueRun[]): void;
  /** Makes written cells visible now (progress) and before a lock is released. */
  flush(): void;
}

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export interface Mutex {
  /** false when another run holds it after waiting `waitMs`. */
  tryAcquire(waitMs: number): boolean;
  release(): void;
}

export interface Clock {
  /** milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): void;
  /** a human timestamp for the Updated column and the log, in the spreadsheet's time zone, which it names. */
  stamp(ms: number): string;
}

/** The Chat Roster Log sheet (run/logAppender.ts appends to it; 1-based rows, row 1 = headers). */
export interface RunLog {
  /** The last row holding anything (1: the headers only); the sheet is created with its headers when missing. One read. */
  lastRow(): number;
  /** Writes `rows` from row `row` down, in one write. */
  write(row: number, rows: string[][]): void;
  /** Deletes `count` rows from row `first` (the oldest entries sit just under the headers). */
  deleteRows(first: number, count: number): void;
}

/** A person of the organisation as the Admin SDK Directory lists them (users.list, members.list): what rules enrol. */
export interface DirectoryPerson {
  /** Chat resource name `users/{id}`: the Directory user id is the Chat user id (reference/first-deploy.md §4). */
  name: string;
  /** Primary email, lower-case. */
  email: string;
  /** The user's organisational unit ('/Sales/EMEA'); absent where the source doesn't say (members.list). */
  orgUnitPath?: string;
  suspended: boolean;
  /** Absent where the source doesn't say (members.list): read as not archived. */
  archived?: boolean;
}

/**
 * Who a rule's source names (src/core/rules/), asked of the Admin SDK Directory with the administrator's
 * view. Every page is read; a failure of any page fails the whole answer (a rule half-expanded would look
 * like leavers to a mirror space).
 */
export interface PeopleDirectory {
  /**
   * users.list over the organisation (customer=my_customer) with this user search query ('' = everyone),
   * suspended and archived users included (the core decides). A query Google rejects: 400.
   */
  searchUsers(query: string): Result<DirectoryPerson[]>;
  /** members.list(group, includeDerivedMembership=true): the group's people, nested groups flattened (USER members only). Unknown group: 404. */
  groupPeople(groupEmail: string): Result<DirectoryPerson[]>;
}
