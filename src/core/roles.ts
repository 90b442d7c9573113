/**
 * Roles: the sheet and the Chat UI say Member / Manager / Owner, the API says ROLE_* (DESIGN.md §1,
 * reference/chat-api-memberships.md §4). Note the trap: the UI's Owner is the API's ROLE_MANAGER.
 */
import type { ApiRole, RoleName } from './model';

export const API_ROLE: Record<RoleName, ApiRole> = {
  Member: 'ROLE_MEMBER',
  Manager: 'ROLE_ASSISTANT_MANAGER',
  Owner: 'ROLE_MANAGER',
};

const ROLE_NAMES: readonly RoleName[] = ['Member', 'Manager', 'Owner'];

/** The role in a Role cell (case-insensitive; empty = Member), or null when it is none of the three. */
export function parseRoleCell(cell: string): ApiRole | null {
  const text = cell.trim().toLowerCase();
  if (text === '') return API_ROLE.Member;
  const name = ROLE_NAMES.find((candidate) => candidate.toLowerCase() === text);
  return name ? API_ROLE[name] : null;
}

/** The UI name of an API role, for Details ("Manager"); 'no role' for groups and unknown values. */
export function roleLabel(role: string | null | undefined): string {
  const name = ROLE_NAMES.find((candidate) => API_ROLE[candidate] === role);
  return name ?? 'no role';
}
