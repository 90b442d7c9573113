/**
 * Chat resources as the API returns them to a user-auth caller (reference/chat-api-memberships.md §2):
 * users only as users/{numeric id} with name and type, groups as groups/{id} in memberships named
 * spaces/S/members/group-{id}, never an email.
 */
import type { chat_v1 } from '@googleapis/chat';
import type { MembershipRecord, OrgState, SpaceRecord } from './state';

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A group's {member} segment: Google names group memberships `group-{groupId}` (first-deploy.md §5). */
export const GROUP_SEGMENT_PREFIX = 'group-';

export function membershipName(space: SpaceRecord, m: MembershipRecord): string {
  return `spaces/${space.id}/members/${m.kind === 'GROUP' ? GROUP_SEGMENT_PREFIX : ''}${m.key}`;
}

export function renderMembership(state: OrgState, space: SpaceRecord, m: MembershipRecord): chat_v1.Schema$Membership {
  const out: chat_v1.Schema$Membership & { affiliation?: string } = { name: membershipName(space, m), state: m.state };
  // A group's role is always MEMBERSHIP_ROLE_UNSPECIFIED, the enum's default, which proto3 JSON leaves out:
  // field captures show group memberships with no role (first-deploy.md §5).
  if (m.kind !== 'GROUP') out.role = m.role;
  if (m.kind === 'GROUP') {
    out.groupMember = { name: `groups/${m.key}` };
  } else {
    out.member = { name: `users/${m.key}`, type: m.kind };
    const user = state.users.get(m.key);
    // affiliation is the newest output field (§2); only people have one.
    if (user) out.affiliation = state.isInternal(user) ? 'INTERNAL' : 'EXTERNAL';
  }
  out.createTime = iso(m.createTime);
  return out;
}

export function renderSpace(space: SpaceRecord): chat_v1.Schema$Space {
  let joinedDirectHumanUserCount = 0;
  let joinedGroupCount = 0;
  for (const m of space.members.values()) {
    if (m.state !== 'JOINED') continue;
    if (m.kind === 'HUMAN') joinedDirectHumanUserCount++;
    if (m.kind === 'GROUP') joinedGroupCount++;
  }
  const out: chat_v1.Schema$Space = { name: `spaces/${space.id}`, spaceType: space.spaceType };
  if (space.displayName) out.displayName = space.displayName;
  out.externalUserAllowed = space.externalUserAllowed;
  out.spaceThreadingState = space.spaceType === 'SPACE' ? 'THREADED_MESSAGES' : 'UNTHREADED_MESSAGES';
  out.spaceHistoryState = 'HISTORY_ON';
  out.createTime = iso(space.createTime);
  out.membershipCount = { joinedDirectHumanUserCount, joinedGroupCount };
  if (space.spaceType === 'SPACE') out.accessSettings = { accessState: 'PRIVATE' };
  out.spaceUri = space.spaceType === 'DIRECT_MESSAGE'
    ? `https://chat.google.com/dm/${space.id}?cls=11`
    : `https://chat.google.com/room/${space.id}?cls=11`;
  return out;
}
