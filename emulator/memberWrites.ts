/**
 * spaces.members.create / patch / delete (reference/chat-api-memberships.md §3–§6, §8–§9).
 * Order of checks: request shape (400) → scopes and admin privilege (403) → space (404) → space-type rules
 * (400) → caller's role (403) → target (404/400/403) → state conflicts (409 / 400 FAILED_PRECONDITION).
 */
import { isLastOwner, requireManager, requireSpace, resolveMembership, segmentKind } from './access';
import { requireChatAdmin, requireScopes, type MethodId } from './auth';
import { isObject, optionalString, parseMembershipBody } from './body';
import type { MethodSpec, RequestContext } from './context';
import { alreadyExists, failedPrecondition, invalidArgument, notFound, permissionDenied } from './errors';
import type { QueryParams } from './query';
import { membershipName, renderMembership } from './render';
import type { MembershipRecord, Role, SpaceRecord } from './state';

/** Google's real message for a bad member name (chat-api-memberships.md §12). */
export const MALFORMED_USER =
  'Missing or malformed user resource name in the request. Human user resource name must follow this format: users/{user}. App user resource name must be set as users/app.';

function authorizeWrite(ctx: RequestContext, query: QueryParams, methodId: MethodId, forApp: boolean): boolean {
  const admin = query.bool('useAdminAccess');
  if (admin) {
    if (forApp) throw invalidArgument('App memberships are not supported with admin access.');
    requireChatAdmin(ctx.caller, methodId);
  } else {
    requireScopes(ctx.caller, methodId, forApp ? 'app' : 'user');
  }
  return admin;
}

type Target =
  | { kind: 'HUMAN'; ref: string }
  | { kind: 'BOT' }
  | { kind: 'GROUP'; ref: string };

/** What a create body asks for; a `role` is refused (stricter reading of "only input in UpdateMembership", §6). */
function createTarget(text: string | undefined): Target {
  const body = parseMembershipBody(text);
  const role = optionalString(body, 'role', 'membership');
  if (role !== undefined && role !== '' && role !== 'MEMBERSHIP_ROLE_UNSPECIFIED') {
    throw invalidArgument('Membership role can only be set with UpdateMembership; remove role from the create request.');
  }
  if (body.member !== undefined && body.groupMember !== undefined) {
    throw invalidArgument('Only one of member and groupMember may be set.');
  }
  if (isObject(body.groupMember)) {
    const name = optionalString(body.groupMember, 'name', 'membership.group_member') ?? '';
    const match = /^groups\/([^/]+)$/.exec(name);
    if (!match) throw invalidArgument('Missing or malformed group resource name in the request. Group resource name must follow this format: groups/{group}.');
    if ((match[1] as string).includes('@')) throw invalidArgument('Group email is not supported; use groups/{group} with the group id.');
    return { kind: 'GROUP', ref: match[1] as string };
  }
  const member = isObject(body.member) ? body.member : {};
  const name = optionalString(member, 'name', 'membership.member') ?? '';
  const type = optionalString(member, 'type', 'membership.member');
  const match = /^users\/([^/\s]+)$/.exec(name);
  if (!match) throw invalidArgument(MALFORMED_USER);
  const ref = match[1] as string;
  if (ref === 'app') {
    if (type !== 'BOT') throw invalidArgument('The calling app must be added as { "name": "users/app", "type": "BOT" }.');
    return { kind: 'BOT' };
  }
  if (type === 'BOT') throw invalidArgument('Creating memberships for other Chat apps isn\'t supported.');
  if (type !== 'HUMAN') throw invalidArgument('The membership must contain a user with user.name and user.type populated.');
  return { kind: 'HUMAN', ref };
}

export const createMember: MethodSpec = {
  params: ['useAdminAccess'],
  handle(ctx, query) {
    const target = createTarget(ctx.body);
    const admin = authorizeWrite(ctx, query, 'chat.spaces.members.create', target.kind === 'BOT');
    const space = requireSpace(ctx.state, ctx.params.space);
    if (space.spaceType === 'DIRECT_MESSAGE') throw invalidArgument('Members can\'t be added to a direct message.');
    if (target.kind === 'GROUP' && space.spaceType !== 'SPACE') {
      throw invalidArgument('Google Groups can only be added as members in named spaces.');
    }
    if (!admin) requireManager(space, ctx.caller);
    const record = newMembership(ctx, space, target, admin);
    const existing = space.members.get(record.key);
    if (existing) {
      throw alreadyExists(`Membership ${membershipName(space, existing)} already exists (state ${existing.state}).`);
    }
    space.members.set(record.key, record);
    ctx.setTarget(membershipName(space, record));
    return renderMembership(ctx.state, space, record);
  },
};

function newMembership(ctx: RequestContext, space: SpaceRecord, target: Target, admin: boolean): MembershipRecord {
  const { state } = ctx;
  const base = { createTime: ctx.now, seq: state.nextSeq() };
  if (target.kind === 'BOT') return { ...base, key: state.appUserId, kind: 'BOT', role: 'ROLE_MEMBER', state: 'JOINED' };
  if (target.kind === 'GROUP') {
    if (!state.groups.has(target.ref)) throw notFound(`Group groups/${target.ref} not found.`);
    return { ...base, key: target.ref, kind: 'GROUP', role: 'MEMBERSHIP_ROLE_UNSPECIFIED', state: 'JOINED' };
  }
  const byEmail = target.ref.includes('@');
  const user = byEmail ? state.userByEmail(target.ref) : state.users.get(target.ref);
  if (!user) throw notFound(`User users/${target.ref} not found.`);
  if (!state.isInternal(user)) {
    if (admin) throw invalidArgument('Admin access can\'t create memberships for users outside the organization.');
    // users/{email} is required for people outside the organization ([G] create-members, §3).
    if (!byEmail) throw invalidArgument('Users outside the organization must be added as users/{email}.');
    // The error isn't documented (§6); stricter reading: 403.
    if (!space.externalUserAllowed) throw permissionDenied(`spaces/${space.id} doesn't allow users outside the organization.`);
  }
  // Not documented; stricter reading: a suspended account can't be added.
  if (user.suspended) throw failedPrecondition(`User users/${user.id} is suspended and can't be added.`);
  return { ...base, key: user.id, kind: 'HUMAN', role: 'ROLE_MEMBER', state: user.autoAccept ? 'JOINED' : 'INVITED' };
}

const ASSIGNABLE_ROLES: readonly Role[] = ['ROLE_MEMBER', 'ROLE_ASSISTANT_MANAGER', 'ROLE_MANAGER'];

export const patchMember: MethodSpec = {
  params: ['updateMask', 'useAdminAccess'],
  handle(ctx, query) {
    const mask = (query.string('updateMask') ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
    if (mask.length === 0) throw invalidArgument('updateMask is required; the only supported path is role.');
    if (mask.some((p) => p !== 'role' && p !== '*')) throw invalidArgument(`Unsupported updateMask path: ${mask.join(',')}; only role is supported.`);
    const body = parseMembershipBody(ctx.body);
    const role = optionalString(body, 'role', 'membership') as Role | undefined;
    if (role === undefined || !ASSIGNABLE_ROLES.includes(role)) {
      throw invalidArgument(`Invalid membership role: ${role ?? '(none)'}. Use ROLE_MEMBER, ROLE_ASSISTANT_MANAGER or ROLE_MANAGER.`);
    }
    const admin = authorizeWrite(ctx, query, 'chat.spaces.members.patch', false);
    const space = requireSpace(ctx.state, ctx.params.space);
    const segment = ctx.params.member ?? '';
    // Patch by email alias isn't documented (§3); stricter reading: only the canonical name. A group's
    // name gets as far as the "only people" refusal below.
    if (segmentKind(segment) !== 'id' && segmentKind(segment) !== 'group') throw invalidArgument('Use the membership name returned by the API (spaces/{space}/members/{id}) to update a membership.');
    const caller = admin ? undefined : requireManager(space, ctx.caller);
    const target = resolveMembership(ctx.state, space, segment, admin);
    ctx.setTarget(membershipName(space, target));
    if (target.kind !== 'HUMAN') throw invalidArgument('Only memberships of people have a role that can be updated.');
    if (role !== 'ROLE_MEMBER' && space.spaceType !== 'SPACE') {
      throw invalidArgument(`${role} is only available in named spaces (spaceType SPACE).`);
    }
    // A Manager can't make someone an Owner or change an Owner's role (§4).
    if (caller?.role === 'ROLE_ASSISTANT_MANAGER' && (role === 'ROLE_MANAGER' || target.role === 'ROLE_MANAGER')) {
      throw permissionDenied('Only space owners (ROLE_MANAGER) can make someone an owner or change an owner\'s role.');
    }
    if (role !== 'ROLE_MANAGER' && isLastOwner(space, target)) {
      throw failedPrecondition('The only space owner (ROLE_MANAGER) can\'t be demoted; make another member an owner first.');
    }
    target.role = role;
    return renderMembership(ctx.state, space, target);
  },
};

export const deleteMember: MethodSpec = {
  params: ['useAdminAccess'],
  handle(ctx, query) {
    const segment = ctx.params.member ?? '';
    const admin = authorizeWrite(ctx, query, 'chat.spaces.members.delete', segmentKind(segment) === 'app');
    const space = requireSpace(ctx.state, ctx.params.space);
    const caller = admin ? undefined : requireManager(space, ctx.caller);
    const target = resolveMembership(ctx.state, space, segment, admin);
    ctx.setTarget(membershipName(space, target));
    // "To delete memberships for space managers, the requester must be a space manager" (§8): an Owner.
    if (caller && target.role === 'ROLE_MANAGER' && caller.role !== 'ROLE_MANAGER') {
      throw permissionDenied('Only space owners (ROLE_MANAGER) can remove a space owner.');
    }
    if (isLastOwner(space, target)) {
      throw failedPrecondition('Space managers can\'t be removed if they\'re the only space manager in a space; assign another first.');
    }
    space.members.delete(target.key);
    return renderMembership(ctx.state, space, target);
  },
};
