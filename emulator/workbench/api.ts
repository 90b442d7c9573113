/**
 * What the workbench server and its page say to each other (JSON over HTTP on loopback). Types only:
 * the page (page/*.js, checked with page/tsconfig.json) imports them through JSDoc.
 */

export interface CellStyle {
  background?: string;
  color?: string;
  bold?: boolean;
}

export interface SheetView {
  name: string;
  /** display values of the data range, as a user sees them */
  rows: string[][];
  /** the formula of each cell of `rows` ('' when none), for the formula bar */
  formulas: string[][];
  /** styles by 'row:column' (1-based), only for styled cells */
  styles: Record<string, CellStyle>;
  /** dropdown choices by 'row:column', for cells with a list validation */
  choices: Record<string, string[]>;
  frozenRows: number;
}

export interface MenuView {
  /** the add-on menu's name under Extensions, e.g. 'Chat Roster' */
  name: string;
  items: { caption: string; functionName: string }[];
}

export interface MemberRow {
  /** email, 'group:<email>' or 'app' */
  member: string;
  /** Member, Manager, Owner, or '' (groups and the app) */
  role: string;
  /** 'joined' or 'invited' */
  state: string;
}

export interface SpaceView {
  name: string;
  displayName: string;
  spaceType: string;
  members: MemberRow[];
}

export interface FaultView {
  methodId: string;
  code: number;
  probability: number;
}

export interface ActivityEntry {
  seq: number;
  /** the function the execution ran, e.g. 'provisionRoster' */
  name: string;
  /** how it was started: 'menu', 'sidebar', 'open', 'trigger' */
  via: string;
  /** virtual time the execution covered, ms */
  virtualMs: number;
  /** 'ok', or the error the execution threw */
  outcome: string;
  /** one line: the returned message, if any */
  summary: string;
  sheetCalls: number;
  urlFetchCalls: number;
}

/** A person of the Directory, as the units list shows them. */
export interface PersonView {
  email: string;
  /** 'suspended', 'archived' or '' */
  note: string;
}

/** One organisational unit and the people directly in it (not those of its sub-units). */
export interface UnitView {
  /** '/', '/Sales', '/Sales/EMEA' */
  path: string;
  people: PersonView[];
}

/** POST /api/directory/move: put a person of the Directory in another unit (Admin console › move user). */
export interface MoveRequest {
  email: string;
  orgUnitPath: string;
}

export interface GoogleView {
  /** virtual clock, epoch ms */
  now: number;
  spaces: SpaceView[];
  /** the Directory's units as a tree read top-down ('/' first, parents before children) */
  units: UnitView[];
  faults: FaultView[];
  calls: number;
  writes: number;
  /** 0 = instant; otherwise how many virtual ms pass per real ms */
  speed: number;
  activity: ActivityEntry[];
  triggers: { handler: string; nextRunAt: number | null }[];
}

/** One scope of the manifest, and whether the workbench user ticked it on the consent screen. */
export interface ScopeGrant {
  /** full URL, https://www.googleapis.com/auth/… */
  scope: string;
  granted: boolean;
}

/** What checkSetup() looks at, as the Setup panel shows it (and changes it: SetupChange). */
export interface SetupView {
  /** Cloud console: the project has a Chat app configured */
  appConfigured: boolean;
  /** Admin console: contact sharing, so non-administrators may read the directory's public view */
  directorySharing: boolean;
  /** the workbench user holds the "Manage chat and spaces conversations" admin privilege */
  chatAdmin: boolean;
  /** the manifest's scopes in its order */
  scopes: ScopeGrant[];
  /** the space the panel can take the user out of (a space-read failure); null when the organisation lacks it */
  space: { name: string; displayName: string; member: boolean } | null;
}

/** POST /api/setup: the fields given change, the others stay. */
export interface SetupChange {
  appConfigured?: boolean;
  directorySharing?: boolean;
  chatAdmin?: boolean;
  /** the scopes the user grants, each one of the manifest's; null = all of them */
  grantedScopes?: string[] | null;
  /** put the user in SetupView.space (as they were) or take them out */
  inSpace?: boolean;
}

/** A person the workbench can act as (POST /api/user). */
export interface ActingUser {
  email: string;
  /** holds the "Manage chat and spaces conversations" admin privilege */
  chatAdmin: boolean;
}

/** POST /api/sheet/paste: rows of cells (as typed) with their top-left corner at row, column (1-based). */
export interface PasteRequest {
  sheet: string;
  row: number;
  column: number;
  cells: string[][];
}

export interface StateView {
  /** who the menu and the sidebar run as */
  user: string;
  /** whom the page offers to act as, Chat administrators first */
  users: ActingUser[];
  /** the spreadsheet's time zone (IANA), in which the page shows virtual time as the sheet's stamps do */
  timeZone: string;
  sheetNames: string[];
  google: GoogleView;
  setup: SetupView;
  /** what the fault form offers */
  faultMethods: readonly string[];
  faultCodes: readonly number[];
}

export interface RunRequest {
  args?: unknown[];
  /** 'menu' or 'sidebar' (for the activity list) */
  via?: string;
}

export interface RunResponse {
  /** what the function returned, JSON round-tripped (absent for undefined) */
  value?: unknown;
  /** the message of what the execution threw */
  error?: string;
  /** set when the execution opened a sidebar: GET /sidebar/<id> serves it */
  sidebar?: { id: number; title: string };
  alerts: string[];
  toasts: string[];
  virtualMs: number;
}

export const FAULT_METHODS = [
  '*',
  'chat.spaces.members.create',
  'chat.spaces.members.patch',
  'chat.spaces.members.delete',
  'chat.spaces.members.list',
  'chat.spaces.members.get',
  'chat.spaces.get',
  'chat.spaces.list',
  'chat.spaces.search',
  'admin.directory.users.get',
  'admin.directory.users.list',
  'admin.directory.groups.get',
  'admin.directory.groups.list',
] as const;

export const FAULT_CODES = [429, 500, 503, 403, 404, 400] as const;
