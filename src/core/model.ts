/**
 * The roster's vocabulary, in flow order: RosterRow -> Intent -> Target -> Operation -> RowOutcome (what a
 * row asks for, what it names, what the plan decides, what the row ends as). Pure types; shared by every
 * core module (DESIGN.md §1, §3–4); this file imports no other core file.
 */
import type { chat_v1 } from '@googleapis/chat';
import type { RowStatus, SheetStatus, SpaceRowStatus } from '../shared/statuses';

/** Chat API resource shapes, from Google's own client types (imported as types only). */
export type Membership = chat_v1.Schema$Membership;
export type Space = chat_v1.Schema$Space;

/** Roles as the Chat API names them (reference/chat-api-memberships.md §4). */
export type ApiRole = 'ROLE_MEMBER' | 'ROLE_ASSISTANT_MANAGER' | 'ROLE_MANAGER';
/** Roles as the Chat UI and the sheet name them. */
export type RoleName = 'Member' | 'Manager' | 'Owner';
export type Action = 'add' | 'remove';

/** A row's status: a word of the one status table (src/shared/statuses.ts), re-exported for the core. */
export type { RowStatus, SpaceRowStatus };

/** A member cell, normalised. */
export type MemberRef =
  | { kind: 'userEmail'; email: string }      // alice@example.com (lower-cased)
  | { kind: 'userId'; name: string }          // users/123456789
  | { kind: 'groupEmail'; email: string }     // group:team@example.com
  | { kind: 'groupId'; name: string }         // groups/abc123
  | { kind: 'app' };                          // the add-on's own Chat app (users/app)

/** A space cell, normalised: a resource name (from spaces/X, X, or a Chat URL) or a display name. */
export type SpaceRef =
  | { kind: 'name'; name: string }            // spaces/AAAA
  | { kind: 'displayName'; displayName: string };

/** One non-blank data row of the Roster sheet, as read. `sheetRow` is 1-based (row 1 = headers). */
export interface RosterRow {
  sheetRow: number;
  member: string;
  space: string;
  role: string;
  action: string;
  status: string;
  /**
   * The Details cell of a PENDING row, as read: what the administrator sees, never decided on (what a later
   * execution must know is data: rowNotes.ts).
   */
  details: string;
}

/** A valid row: what the administrator wants for one member in one space. */
export interface Intent {
  sheetRow: number;
  member: MemberRef;
  space: SpaceRef;
  /** null for groups and the app, which have no role. */
  role: ApiRole | null;
  action: Action;
  /** A rule's add (DESIGN.md §3): raises a lower role to `role`, never lowers a higher one. */
  raiseOnly?: boolean;
}

/** The space a Space cell resolved to (spaces.ts). */
export interface SpaceInfo {
  name: string;
  /** SPACE, GROUP_CHAT or DIRECT_MESSAGE; SPACE when Google leaves it out. */
  spaceType: string;
  displayName: string;
}

/** The Chat identity of a Member cell (identities.ts, probe.ts). */
export interface ResolvedMember {
  kind: 'user' | 'group' | 'app';
  /** Canonical users/{id} or groups/{id}; null while only the email is known (or for the app). */
  name: string | null;
  /** Lower-case email when the row gave one. */
  email: string | null;
  /** How Details name the member: the email, the id, or "the Chat app". */
  label: string;
  /** What members.get by alias found: undefined = not asked (use the snapshot), null = not in the space. */
  probed?: Membership | null;
  /** Known to be from outside the organisation: the directory answered for its own domains, and not this one's. */
  outsider?: boolean;
}

/** A row whose space and member are known: what the plan compares with the space's snapshot. */
export interface Target { intent: Intent; space: SpaceInfo; member: ResolvedMember }

/** What a stage hands on: the rows that go on as targets, and the outcomes of those that end there. */
export interface Resolved { targets: readonly Target[]; outcomes: RowOutcome[] }

/** What the plan decides for a row that needs a call (plan.ts); run.ts sends it. */
export type Operation =
  | {
      kind: 'create'; sheetRow: number; parent: string;
      /** The member to create: users/{id}, users/{email}, users/app or groups/{id} (body built when sent: createBody). */
      member: string;
      /** The members.get alias that confirms a 409 (email, id or app); null for groups (no alias exists). */
      alias: string | null;
      /** Patched after the create when it isn't plain Member; null for groups and the app. */
      role: ApiRole | null;
      memberKind: ResolvedMember['kind'];
      useAdminAccess: boolean;
      /** A person known to be from outside the organisation (ResolvedMember.outsider). */
      outsider?: boolean;
    }
  | {
      kind: 'patchRole'; sheetRow: number; name: string; from: string; role: ApiRole; useAdminAccess: boolean;
      /** The member was added by an earlier execution of this run: the patch finishes that add. */
      completesAdd?: boolean;
    }
  | { kind: 'delete'; sheetRow: number; name: string; invited: boolean; useAdminAccess: boolean };

/** Google's error, as carried by the JSON body `{ error: { code, message, status } }` (AIP-193). */
export interface ApiError {
  /** HTTP status; 0 when unknown (the Advanced Chat Service throws without one). */
  code: number;
  /** google.rpc.Code name, e.g. `NOT_FOUND`; '' when unknown. */
  status: string;
  message: string;
}

/** What is wrong with one cell of a row (validate.ts, refs.ts); `text` is the cell as written. */
export type CellProblem =
  | { problem: 'memberEmpty' | 'spaceEmpty' | 'roleOnGroupOrApp' }
  | { problem: 'notEmail' | 'notGroupId' | 'notUserId' | 'notMember' | 'notSpaceLink' | 'notSpaceId' | 'badRole' | 'badAction'; text: string }
  // Cells of the Spaces sheet.
  | { problem: 'badMode' | 'badMaxRemoval'; text: string }
  // The Source cell of the Rules sheet.
  | { problem: 'sourceEmpty' | 'sourceQueryEmpty' }
  | { problem: 'badSource' | 'badSourceGroup' | 'badSourceUnit'; text: string };

/** A Spaces sheet Mode (DESIGN.md §3): add-only (the default) leaves unnamed members alone; mirror removes them. */
export type SpaceMode = 'add-only' | 'mirror';

/** One non-blank data row of the Spaces sheet, as read (1-based sheetRow). */
export interface SpacesRow {
  sheetRow: number;
  space: string;
  mode: string;
  maxRemoval: string;
}

/** A valid Spaces row: how Chat Roster keeps that space. */
export interface SpaceSetting {
  sheetRow: number;
  space: SpaceRef;
  mode: SpaceMode;
  /** The share of the space's current members one run may remove without a confirmation, 0–100. */
  maxRemovalPercent: number;
}

/**
 * Whom a rule's Source cell names (DESIGN.md §3): an organisational unit with (`ou:/Path`, below) or without
 * (`ou=/Path`) the units under it, a group's people, a Directory user search, or the whole organisation.
 * `path` starts with '/' and has no trailing '/' (except '/' itself); `email` is lower-case.
 */
export type RuleSource =
  | { kind: 'ou'; path: string; below: boolean }
  | { kind: 'group'; email: string }
  | { kind: 'query'; query: string }
  | { kind: 'domain' };

/** One non-blank data row of the Rules sheet, as read (1-based sheetRow). */
export interface RulesRow {
  sheetRow: number;
  source: string;
  space: string;
  role: string;
}

/** A valid Rules row: everyone its source names gets at least `role` in `space`. */
export interface Rule {
  sheetRow: number;
  source: RuleSource;
  space: SpaceRef;
  role: ApiRole;
}

/**
 * What became of one person a rule grants (rules/ruleReport.ts counts them per Rules row): the run's
 * result for that person in that space, or `byRoster` when a Roster row names them there (the roster wins).
 */
export type GrantResult =
  | 'added' | 'invited' | 'alreadyIn' | 'roleRaised' | 'byRoster'
  | 'held' | 'invalid' | 'error' | 'pending'
  | 'wouldAdd' | 'wouldRaise';

type None = Record<never, never>;
type Failed = { error: ApiError };
/** A membership call Google refused; `adminAccess`: the call was made with admin access (useAdminAccess). */
type Refused = Failed & { adminAccess: boolean };
type Kind = ResolvedMember['kind'];

/**
 * Why a row ends as it does: a closed code, and what its sentence names. Code decides by `reason` (never
 * by a sentence); details.ts renders each one as the Details an administrator reads (DESIGN.md §1).
 */
export interface ReasonParams {
  // Left for the next execution (PENDING).
  queued: None;
  /** Created, its role patch still to come: a later execution's patch completes the add (rowNotes.ts). */
  queuedRolePatch: None;
  /** The administrator edited or inserted the row while a run worked: the next execution applies it as it is now. */
  queuedChanged: None;
  // The row's own cells (INVALID).
  invalidCells: { problems: readonly CellProblem[] };
  // Its space (INVALID when Google said there is none for the caller, or for what its type allows; ERROR when Google failed).
  spaceUnresolved: None;
  spaceNotOpened: Failed & { ref: SpaceRef };
  /** Google failed to answer about the space (429, 5xx, transport, the Advanced Service throwing): ERROR, Google's side. */
  chatNotAnswering: Failed & { ref: SpaceRef };
  noSpaceNamed: { displayName: string };
  noSpaceWithIdOrName: Failed & { id: string };
  spaceNameAmbiguous: { displayName: string; count: number };
  groupNeedsNamedSpace: { space: SpaceInfo };
  roleNeedsNamedSpace: { space: SpaceInfo };
  // Its member (INVALID, ERROR, HELD), and rows naming one member of one space twice.
  groupNotFound: { email: string; error: ApiError | null };
  /** An address of the organisation's own domain that its directory doesn't know; `view`: the directory view that answered. */
  noOneWithAddress: { email: string; view: 'admin' | 'domain_public' };
  /** Admin access can't add people from outside the organisation (reference/chat-api-memberships.md §6, §9). */
  outsiderUnderAdminAccess: { email: string };
  personAsGroup: { email: string };
  groupAsPerson: { email: string };
  suspended: { email: string };
  repeat: { row: number; exact: boolean };
  conflict: { row: number; exact: boolean };
  // A Spaces row.
  /** Another Spaces row (`row`) already lists this space. */
  spaceListedTwice: { row: number };
  /** An add-only space: members the roster doesn't name are left alone. */
  addOnlySpace: None;
  // A mirror space's removals (Spaces row). Members are named as Details show them (email, group:email or id).
  /** `kept`: members kept by the last-Owner guard. */
  mirrorWouldRemove: { members: readonly string[]; kept: readonly string[] };
  mirrorNothingToRemove: { kept: readonly string[] };
  /** `unconfirmed`: members the sidebar's confirmation didn't name (e.g. they joined since the preview), left in. */
  mirrorRemoved: { removed: readonly string[]; failed: readonly string[]; pending: readonly string[]; unconfirmed: readonly string[]; kept: readonly string[] };
  mirrorOverLimit: { members: readonly string[]; total: number; max: number };
  mirrorAwaitingConfirmation: { members: readonly string[] };
  /** Roster rows of the space that Chat Roster couldn't match to a member: it can't tell whom they keep. */
  mirrorUnmatchedRows: { rows: readonly number[] };
  mirrorCallerUnknown: None;
  // A Rules row's expansion (INVALID: the source names nothing Google knows, or the caller can't ask; ERROR: Google failed).
  ruleQueryRejected: Failed & { query: string };
  ruleUnknownUnit: Failed & { path: string };
  ruleNoSuchGroup: Failed & { email: string };
  ruleDirectoryDenied: Failed;
  ruleDirectoryFailed: Failed;
  /** What a Rules row's people became: `people` its source named (active ones), `counts` per result. */
  ruleCounts: { people: number; counts: Partial<Record<GrantResult, number>> };
  // The space's members (ERROR).
  spaceNotListed: None;
  membersNotListed: Failed & { space: SpaceInfo };
  presenceUnknown: Failed & { member: string; space: SpaceInfo };
  // The plan: nothing to do (UNCHANGED), or a guard (HELD).
  alreadyMember: { role: string };
  /** `role`: the role to set once they join, null when plain Member is asked. */
  alreadyInvited: { role: ApiRole | null };
  groupPresent: None;
  appPresent: None;
  notInSpace: { throughGroup: boolean; invitationsHidden: boolean };
  lastOwner: { member: string; space: SpaceInfo; removing: boolean };
  appKept: None;
  callerKept: None;
  // Preview (WOULD_*).
  /** `outsider`: a person known to be from outside the organisation (added only if the space allows them). */
  wouldAdd: { memberKind: Kind; role: ApiRole | null; outsider?: boolean };
  wouldChangeRole: { from: string; role: ApiRole };
  wouldRemove: { invited: boolean };
  // Google's answers to the run's calls.
  added: { memberKind: Kind };
  addedAs: { role: string };
  invited: { role: ApiRole | null };
  roleChanged: { from: string; role: ApiRole };
  roleChangedOnConflict: { from: string; role: ApiRole };
  removed: { invited: boolean };
  alreadyRemoved: None;
  alreadyInSpace: None;
  reportedInSpace: None;
  refused: Refused;
  roleNotSet: Refused;
  roleNotSetNoName: None;
  roleNotChanged: Refused;
  conflictUnconfirmed: Failed & { conflict: ApiError };
  /** Delete answered 404, yet members.get still finds the member: nothing was removed. */
  removalNotFoundYetListed: Failed;
  // The execution itself.
  notFinished: None;
  stoppedByError: { message: string };
}

export type Reason = keyof ReasonParams;

/** A reason and its parameters, e.g. `{ reason: 'alreadyMember', role: 'ROLE_MEMBER' }`. */
export type Detail<R extends Reason = Reason> = { [K in R]: { reason: K } & ReasonParams[K] }[R];

/** The final word on one row: its Status, and why (its Details, rendered by details.ts). */
export type RowOutcome = { sheetRow: number; status: RowStatus } & Detail;

/** The final word on one Spaces row: one status for the space (statuses.ts SpaceRowStatus), and why. */
export type SpaceRowOutcome = { sheetRow: number; status: SpaceRowStatus } & Detail;

/** The final word on one Rules row: the same statuses as a Spaces row (one for the rule, counts in Details). */
export type RuleRowOutcome = SpaceRowOutcome;

/** What one row's Status and Details cells say, as written back (details.ts `rendered`). */
export interface RowCells {
  sheetRow: number;
  status: SheetStatus;
  details: string;
}
