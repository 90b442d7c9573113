/**
 * The membership changes a run makes, as data for the Chat Roster Log (DESIGN.md §3): one per membership
 * write that Google answered with success (a create, a role patch, a delete), never a preview, a failure,
 * a 409 or a 404. The log therefore matches Google's own record of successful writes one to one.
 */
import type { ApiRole, Membership } from '../model';
import type { MemberCall, MemberReply } from '../ports';
import { spaceOf } from './pacing';

/** A member's place in a space before or after one write: absent, invited, present without a role (groups, the app), or its role. */
export type MemberState = 'absent' | 'invited' | 'present' | ApiRole;

export interface MembershipChange {
  /** The roster row whose operation made it. */
  sheetRow: number;
  method: 'create' | 'patch' | 'delete';
  /** spaces/ID */
  space: string;
  before: MemberState;
  after: MemberState;
}

const API_ROLES: readonly string[] = ['ROLE_MEMBER', 'ROLE_ASSISTANT_MANAGER', 'ROLE_MANAGER'];

export function isApiRole(text: string | null | undefined): text is ApiRole {
  return typeof text === 'string' && API_ROLES.includes(text);
}

/** What a membership (as Google returns it, or as a create asks for it) makes its member. */
export function stateOf(membership: Membership | undefined, fallback: MemberState): MemberState {
  if (!membership) return fallback;
  if (membership.state === 'INVITED') return 'invited';
  if (membership.groupMember || membership.member?.type === 'BOT') return 'present';
  return isApiRole(membership.role) ? membership.role : fallback;
}

const isOk = (reply: MemberReply): boolean => !reply.deferred && reply.code >= 200 && reply.code <= 299;

/**
 * The change a successful write made; null for reads, failures and calls never sent. `before` is what the
 * step knew of the member (the snapshot's role for a patch or delete); a delete's reply (the membership
 * deleted) is preferred when Google sends it.
 */
export function changeOf(sheetRow: number, call: MemberCall, reply: MemberReply, before: MemberState | undefined): MembershipChange | null {
  if (!isOk(reply)) return null;
  const space = spaceOf(call);
  switch (call.method) {
    case 'create': {
      const asked = stateOf(call.membership, 'ROLE_MEMBER');
      return { sheetRow, method: 'create', space, before: 'absent', after: stateOf(reply.membership, asked) };
    }
    case 'patch':
      return { sheetRow, method: 'patch', space, before: before ?? 'ROLE_MEMBER', after: call.role };
    case 'delete':
      return { sheetRow, method: 'delete', space, before: stateOf(reply.membership, before ?? 'present'), after: 'absent' };
    default:
      return null;
  }
}
