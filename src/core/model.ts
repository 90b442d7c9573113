/**
 * The roster's vocabulary, in flow order: RosterRow -> Intent -> Target -> Operation -> RowOutcome (what a
 * row asks for, what it names, what the plan decides, what the row ends as). Pure types; shared by every
 * core module (DESIGN.md §1, §3–4); this file imports no other core file.
 */
import type { chat_v1 } from '@googleapis/chat';

/** Chat API resource shapes, from Google's own client types (imported as types only). */
export type Membership = chat_v1.Schema$Membership;
export type Space = chat_v1.Schema$Space;

/** Roles as the Chat API names them (reference/chat-api-memberships.md §4). */
export type ApiRole = 'ROLE_MEMBER' | 'ROLE_ASSISTANT_MANAGER' | 'ROLE_MANAGER';
/** Roles as the Chat UI and the sheet name them. */
export type RoleName = 'Member' | 'Manager' | 'Owner';
export type Action = 'add' | 'remove';

export type RowStatus =
  | 'ADDED' | 'INVITED' | 'ROLE_UPDATED' | 'REMOVED' | 'UNCHANGED'
  | 'INVALID' | 'HELD' | 'ERROR' | 'PENDING'
  | 'WOULD_ADD' | 'WOULD_UPDATE_ROLE' | 'WOULD_REMOVE';

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
  /** The Details cell, read only for PENDING rows: the note a cut-off execution left for the next one. */
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
}

/** A row whose space and member are known: what the plan compares with the space's snapshot. */
export interface Target { intent: Intent; space: SpaceInfo; member: ResolvedMember }

/** What a stage hands on: the rows that go on as targets, and the outcomes of those that end there. */
export interface Resolved { targets: Target[]; outcomes: RowOutcome[] }

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
    }
  | {
      kind: 'patchRole'; sheetRow: number; name: string; from: string; role: ApiRole; useAdminAccess: boolean;
      /** The member was added by an earlier execution of this run: the patch finishes that add. */
      completesAdd?: boolean;
    }
  | { kind: 'delete'; sheetRow: number; name: string; invited: boolean; useAdminAccess: boolean };

/** The final word on one row, written to Status / Details / Updated. */
export interface RowOutcome {
  sheetRow: number;
  status: RowStatus;
  details: string;
}
