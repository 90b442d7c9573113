/**
 * The roster's vocabulary: what a row asks for, what the plan decides, what a row ends as.
 * Pure types; shared by every core module (DESIGN.md §3–4).
 */
import type { chat_v1 } from '@googleapis/chat';
import type { RowStatus } from '../shared/statuses';

/** Chat API resource shapes, from Google's own client types (imported as types only). */
export type Membership = chat_v1.Schema$Membership;
export type Space = chat_v1.Schema$Space;

/** Roles as the Chat API names them (reference/chat-api-memberships.md §4). */
export type ApiRole = 'ROLE_MEMBER' | 'ROLE_ASSISTANT_MANAGER' | 'ROLE_MANAGER';
/** Roles as the Chat UI and the sheet name them. */
export type RoleName = 'Member' | 'Manager' | 'Owner';
export type Action = 'add' | 'remove';

/** A row's status: a word of the one status table (src/shared/statuses.ts), re-exported for the core. */
export type { RowStatus };

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

/** The final word on one row, written to Status / Details / Updated. */
export interface RowOutcome {
  sheetRow: number;
  status: RowStatus;
  details: string;
}
