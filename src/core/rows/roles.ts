/**
 * Roles: the sheet and the Chat UI say Member / Manager / Owner, the API says ROLE_* (DESIGN.md §1,
 * reference/chat-api-memberships.md §4). Note the trap: the UI's Owner is the API's ROLE_MANAGER.
 */
import type { ApiRole, RoleName } from '../model';

export const API_ROLE: Record<RoleName, ApiRole> = {
  Member: 'ROLE_MEMBER',
  Manager: 'ROLE_ASSISTANT_MANAGER',
  Owner: 'ROLE_MANAGER',
};

const ROLE_NAMES: readonly RoleName[] = ['Member', 'Manager', 'Owner'];

const RANK: Readonly<Record<ApiRole, number>> = { ROLE_MEMBER: 0, ROLE_ASSISTANT_MANAGER: 1, ROLE_MANAGER: 2 };

/** How much a role may do: Owner (ROLE_MANAGER) > Manager (ROLE_ASSISTANT_MANAGER) > Member; anything else as Member. */
export function roleRank(role: string): number {
  return RANK[role as ApiRole] ?? 0;
}

/** The higher of two roles. */
export function higherRole(a: ApiRole, b: ApiRole): ApiRole {
  return roleRank(b) > roleRank(a) ? b : a;
}

/** The role in a Role cell (case-insensitive; empty = Member), or null when it is none of the three. */
export function parseRoleCell(cell: string): ApiRole | null {
  // Almost every cell is written exactly like this: no trimming, lower-casing or search for them.
  switch (cell) {
    case '': case 'Member': return API_ROLE.Member;
    case 'Manager': return API_ROLE.Manager;
    case 'Owner': return API_ROLE.Owner;
    default: break;
  }
  const text = cell.trim().toLowerCase();
  if (text === '') return API_ROLE.Member;
  const name = ROLE_NAMES.find((candidate) => candidate.toLowerCase() === text);
  return name ? API_ROLE[name] : null;
}

/** The UI name of an API role, for Details ("Manager"); 'no role' for groups and unknown values. */
export function roleLabel(role: string | null | undefined): string {
  // A switch, not a lookup in API_ROLE's inverse: `role` comes from Google and could be any string.
  switch (role) {
    case API_ROLE.Member: return 'Member';
    case API_ROLE.Manager: return 'Manager';
    case API_ROLE.Owner: return 'Owner';
    default: return 'no role';
  }
}
