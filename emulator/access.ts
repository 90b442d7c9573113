/**
 * Who may do what in a space, for a user-auth caller (reference/chat-api-memberships.md §4, §7–§9).
 * Where the docs are silent the emulator takes the stricter reading, noted on each rule.
 */
import { invalidArgument, notFound, permissionDenied } from './errors';
import type { Caller } from './auth';
import { GROUP_SEGMENT_PREFIX } from './render';
import type { MembershipRecord, OrgState, SpaceRecord } from './state';

export function requireSpace(state: OrgState, spaceId: string | undefined): SpaceRecord {
  const space = spaceId === undefined ? undefined : state.spaces.get(spaceId);
  if (!space) throw notFound(`Space spaces/${spaceId ?? ''} not found.`);
  return space;
}

export function callerMembership(space: SpaceRecord, caller: Caller): MembershipRecord | undefined {
  const m = space.members.get(caller.user.id);
  return m && m.kind === 'HUMAN' ? m : undefined;
}

/**
 * Reading a space or its members needs a JOINED direct membership (stricter reading: membership through a
 * Google Group isn't emulated, and invitees can't read).
 */
export function requireJoined(space: SpaceRecord, caller: Caller): MembershipRecord {
  const m = callerMembership(space, caller);
  if (!m || m.state !== 'JOINED') {
    throw permissionDenied(`The caller is not a member of spaces/${space.id} and can't access it.`);
  }
  return m;
}

/** A hidden member list: user-auth list/get → PERMISSION_DENIED (§7; applied to every non-admin caller). */
export function requireMemberListVisible(space: SpaceRecord): void {
  if (space.memberListHidden) {
    throw permissionDenied(`The member list of spaces/${space.id} is hidden from the caller.`);
  }
}

/**
 * Adding, changing and removing members needs a space manager: Owner (ROLE_MANAGER) or Manager
 * (ROLE_ASSISTANT_MANAGER). Stricter reading: plain members never may, even where owners grant them the
 * permission and in group chats, where nobody holds a manager role.
 */
export function requireManager(space: SpaceRecord, caller: Caller): MembershipRecord {
  const m = requireJoined(space, caller);
  if (m.role !== 'ROLE_MANAGER' && m.role !== 'ROLE_ASSISTANT_MANAGER') {
    throw permissionDenied(`The caller must be a space manager of spaces/${space.id} to manage its members.`);
  }
  return m;
}

export function joinedOwnerCount(space: SpaceRecord): number {
  let count = 0;
  for (const m of space.members.values()) if (m.kind === 'HUMAN' && m.state === 'JOINED' && m.role === 'ROLE_MANAGER') count++;
  return count;
}

/** The sole joined ROLE_MANAGER can't be removed or demoted: "assign another first" ([G] delete-members). */
export function isLastOwner(space: SpaceRecord, m: MembershipRecord): boolean {
  return m.kind === 'HUMAN' && m.state === 'JOINED' && m.role === 'ROLE_MANAGER' && joinedOwnerCount(space) === 1;
}

export type SegmentKind = 'app' | 'alias' | 'group' | 'id';

/** User ids are numeric, so `group-…` without an '@' can only be a group's segment. */
export function segmentKind(segment: string): SegmentKind {
  if (segment === 'app') return 'app';
  if (segment.includes('@')) return 'alias';
  return segment.startsWith(GROUP_SEGMENT_PREFIX) ? 'group' : 'id';
}

/**
 * The {member} of spaces/S/members/{member}: `app` (the calling app), an email alias (users only),
 * `group-{groupId}` (a group, as Google names it: first-deploy.md §5), or a user's canonical id. A bare group
 * id addresses nothing (stricter reading: only names Google gives out are accepted). Unknown people and
 * non-members are NOT_FOUND.
 */
export function resolveMembership(state: OrgState, space: SpaceRecord, segment: string, adminAccess: boolean): MembershipRecord {
  let key = segment;
  const kind = segmentKind(segment);
  if (kind === 'app') {
    if (adminAccess) throw invalidArgument('App memberships are not supported with admin access.');
    key = state.appUserId;
  } else if (kind === 'alias') {
    const user = state.userByEmail(segment);
    if (!user) throw notFound(`User ${segment} not found.`);
    key = user.id;
  } else if (kind === 'group') {
    key = segment.slice(GROUP_SEGMENT_PREFIX.length);
  }
  const m = space.members.get(key);
  if (!m || (m.kind === 'GROUP') !== (kind === 'group')) throw notFound(`Membership spaces/${space.id}/members/${segment} not found.`);
  if (adminAccess && m.kind === 'BOT') throw invalidArgument('App memberships are not supported with admin access.');
  return m;
}
