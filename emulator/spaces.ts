/**
 * spaces.get, spaces.list and spaces.search (reference/chat-api-memberships.md §11; auth matrix §9).
 */
import type { chat_v1 } from '@googleapis/chat';
import { requireJoined, requireSpace } from './access';
import { requireChatAdmin, requireScopes } from './auth';
import type { MethodSpec, RequestContext } from './context';
import { chatPageSize, paginate, seqKey } from './paging';
import { renderSpace } from './render';
import { displayNameMatches, parseSearchQuery, parseSpaceTypeFilter } from './spaceQuery';
import type { SpaceRecord } from './state';

/** spaces.search response: `results[].space` is newer than the installed client's types. */
interface SearchSpacesResponse extends chat_v1.Schema$SearchSpacesResponse {
  results?: Array<{ space: chat_v1.Schema$Space }>;
}

/** Spaces the caller has a JOINED direct membership in, in creation order. */
function joinedSpaces(ctx: RequestContext): SpaceRecord[] {
  return [...ctx.state.spaces.values()]
    .filter((s) => s.members.get(ctx.caller.user.id)?.state === 'JOINED' && s.members.get(ctx.caller.user.id)?.kind === 'HUMAN')
    .sort((a, b) => a.seq - b.seq);
}

export const getSpace: MethodSpec = {
  params: ['useAdminAccess'],
  handle(ctx, query) {
    const admin = query.bool('useAdminAccess');
    if (admin) requireChatAdmin(ctx.caller, 'chat.spaces.get');
    else requireScopes(ctx.caller, 'chat.spaces.get', 'user');
    const space = requireSpace(ctx.state, ctx.params.space);
    if (!admin) requireJoined(space, ctx.caller);
    return renderSpace(space);
  },
};

/**
 * Lists spaces the caller is a member of. Group chats and DMs are listed too: the emulator treats every
 * seeded conversation as having had its first message (§11 says they're hidden until then).
 * No useAdminAccess parameter: admin listing isn't supported (§9), so sending it is a 400.
 */
export const listSpaces: MethodSpec = {
  params: ['pageSize', 'pageToken', 'filter'],
  handle(ctx, query) {
    requireScopes(ctx.caller, 'chat.spaces.list', 'user');
    const pageSize = chatPageSize(query.int('pageSize'));
    const filterText = query.string('filter') ?? '';
    const types = filterText.trim() === '' ? undefined : parseSpaceTypeFilter(filterText);
    const spaces = joinedSpaces(ctx).filter((s) => !types || types.has(s.spaceType));
    const page = paginate(spaces, (s) => seqKey(s.seq), pageSize, query.string('pageToken'),
      JSON.stringify(['spaces.list', filterText, ctx.caller.user.id]));
    const out: chat_v1.Schema$ListSpacesResponse = {};
    if (page.items.length) out.spaces = page.items.map(renderSpace);
    if (page.nextPageToken) out.nextPageToken = page.nextPageToken;
    return out;
  },
};

export const searchSpaces: MethodSpec = {
  params: ['useAdminAccess', 'pageSize', 'pageToken', 'query', 'orderBy'],
  handle(ctx, query) {
    const admin = query.bool('useAdminAccess');
    if (admin) requireChatAdmin(ctx.caller, 'chat.spaces.search');
    else requireScopes(ctx.caller, 'chat.spaces.search', 'user');
    const pageSize = chatPageSize(query.int('pageSize'));
    const queryText = query.string('query') ?? '';
    const parsed = parseSearchQuery(queryText, admin);
    // orderBy is accepted and ignored: results come in creation order.
    const candidates = admin ? [...ctx.state.spaces.values()].sort((a, b) => a.seq - b.seq) : joinedSpaces(ctx);
    // Without admin access and without display_name, "the default behavior is to return an empty response".
    const matching = !admin && parsed.displayNameTokens === undefined ? [] : candidates.filter((s) =>
      s.spaceType === 'SPACE' &&
      (parsed.displayNameTokens === undefined || displayNameMatches(s.displayName, parsed.displayNameTokens)) &&
      (parsed.externalUserAllowed === undefined || s.externalUserAllowed === parsed.externalUserAllowed) &&
      (parsed.spaceHistoryState === undefined || parsed.spaceHistoryState === 'HISTORY_ON'));
    const page = paginate(matching, (s) => seqKey(s.seq), pageSize, query.string('pageToken'),
      JSON.stringify(['spaces.search', queryText, admin, query.string('orderBy') ?? '', ctx.caller.user.id]));
    const out: SearchSpacesResponse = {};
    if (page.items.length) {
      out.results = page.items.map((s) => ({ space: renderSpace(s) }));
      // The deprecated `spaces` field is populated only with admin access (§11).
      if (admin) out.spaces = page.items.map(renderSpace);
    }
    if (page.nextPageToken) out.nextPageToken = page.nextPageToken;
    out.totalSize = matching.length;
    return out;
  },
};
