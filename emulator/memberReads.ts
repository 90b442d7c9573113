/**
 * spaces.members.get and spaces.members.list (reference/chat-api-memberships.md §7–§8, §9 auth matrix).
 */
import { requireJoined, requireMemberListVisible, requireSpace, resolveMembership } from './access';
import { requireChatAdmin, requireScopes } from './auth';
import type { MethodSpec, RequestContext } from './context';
import { invalidArgument } from './errors';
import { isAdminHumanFilter, matches, parseMemberFilter } from './memberFilter';
import { chatPageSize, paginate, seqKey } from './paging';
import type { QueryParams } from './query';
import { membershipName, renderMembership } from './render';
import type { MembershipRecord } from './state';

/** Checks scopes (and the admin privilege) for a read; returns whether admin access is in use. */
function authorizeRead(ctx: RequestContext, query: QueryParams, methodId: 'chat.spaces.members.get' | 'chat.spaces.members.list'): boolean {
  const admin = query.bool('useAdminAccess');
  if (admin) requireChatAdmin(ctx.caller, methodId);
  else requireScopes(ctx.caller, methodId, 'user');
  return admin;
}

export const getMember: MethodSpec = {
  params: ['useAdminAccess'],
  handle(ctx, query) {
    const admin = authorizeRead(ctx, query, 'chat.spaces.members.get');
    const space = requireSpace(ctx.state, ctx.params.space);
    if (!admin) {
      requireJoined(space, ctx.caller);
      requireMemberListVisible(space);
    }
    const m = resolveMembership(ctx.state, space, ctx.params.member ?? '', admin);
    ctx.setTarget(membershipName(space, m));
    return renderMembership(ctx.state, space, m);
  },
};

export const listMembers: MethodSpec = {
  params: ['pageSize', 'pageToken', 'filter', 'showGroups', 'showInvited', 'useAdminAccess'],
  handle(ctx, query) {
    const admin = authorizeRead(ctx, query, 'chat.spaces.members.list');
    const pageSize = chatPageSize(query.int('pageSize'));
    const showGroups = query.bool('showGroups');
    const showInvited = query.bool('showInvited');
    const filterText = query.string('filter') ?? '';
    const filter = filterText.trim() === '' ? undefined : parseMemberFilter(filterText);
    if (admin) {
      if (!filter || !isAdminHumanFilter(filter)) {
        throw invalidArgument('With admin access, the filter must be member.type = "HUMAN" or member.type != "BOT".');
      }
      // Not documented together; "currently requires user authentication" → stricter reading: rejected (§7).
      if (showInvited) throw invalidArgument('showInvited is not supported with admin access.');
    }
    const space = requireSpace(ctx.state, ctx.params.space);
    if (!admin) {
      requireJoined(space, ctx.caller);
      requireMemberListVisible(space);
    }
    const visible = [...space.members.values()]
      .filter((m) => included(m, showGroups, showInvited, admin) && (!filter || matches(filter, m)))
      .sort((a, b) => a.seq - b.seq);
    const fingerprint = JSON.stringify(['members.list', space.id, filterText, showGroups, showInvited, admin]);
    const page = paginate(visible, (m) => seqKey(m.seq), pageSize, query.string('pageToken'), fingerprint);
    const out: { memberships?: unknown[]; nextPageToken?: string } = {};
    // Google omits empty repeated fields: an empty page has no `memberships` key at all.
    if (page.items.length) out.memberships = page.items.map((m) => renderMembership(ctx.state, space, m));
    if (page.nextPageToken) out.nextPageToken = page.nextPageToken;
    return out;
  },
};

function included(m: MembershipRecord, showGroups: boolean, showInvited: boolean, admin: boolean): boolean {
  if (m.state === 'INVITED' && !showInvited) return false;
  if (m.kind === 'GROUP' && !showGroups) return false;
  if (m.kind === 'BOT' && admin) return false;
  return true;
}
