/**
 * Admin SDK Directory members.list: GET admin/directory/v1/groups/{groupKey}/members
 * (https://developers.google.com/workspace/admin/directory/reference/rest/v1/members/list; Member resource:
 * …/reference/rest/v1/members). groupKey: "the group's email address, group alias, or the unique group ID";
 * `includeDerivedMembership` "Whether to list indirect memberships. Default: false"; `maxResults` "Max allowed
 * value is 200"; `roles` OWNER, MANAGER, MEMBER (comma-separated). Readings where the reference is silent
 * (FIDELITY.md): administrators only (403 like users.list's admin view); maxResults defaults to 200 and
 * outside [1, 200] is 400; with derived membership a nested group is still listed (type GROUP) next to its
 * people, and everyone appears once, with the role of the first path found (direct members first); a
 * user's status is SUSPENDED or ARCHIVED, else ACTIVE; page tokens carry a position in the listing.
 */
import { requireScopes } from './auth';
import type { MethodSpec, RequestContext } from './context';
import { NOT_AUTHORIZED } from './directory';
import { GoogleError, invalidArgument, permissionDenied } from './errors';
import { applyFields, type FieldSchema } from './fields';
import { paginate, seqKey } from './paging';
import type { GroupRecord, GroupMemberRecord, OrgState } from './state';

const ROLES = ['OWNER', 'MANAGER', 'MEMBER'];
const MAX_RESULTS = 200;

const MEMBER_SCHEMA: FieldSchema = {
  kind: 'leaf', etag: 'leaf', id: 'leaf', email: 'leaf', role: 'leaf', type: 'leaf', status: 'leaf', delivery_settings: 'leaf',
};
const MEMBERS_SCHEMA: FieldSchema = { kind: 'leaf', etag: 'leaf', members: MEMBER_SCHEMA, nextPageToken: 'leaf' };

/** Direct members, then (derived) each nested group's members depth-first; everyone once. */
function listing(state: OrgState, group: GroupRecord, derived: boolean): GroupMemberRecord[] {
  const seen = new Set<string>();
  const out: GroupMemberRecord[] = [];
  const visit = (g: GroupRecord): void => {
    const fresh = g.members.filter((m) => !seen.has(m.id));
    for (const m of fresh) {
      seen.add(m.id);
      out.push(m);
    }
    if (!derived) return;
    for (const m of fresh) {
      const nested = m.type === 'GROUP' ? state.groups.get(m.id) : undefined;
      if (nested) visit(nested);
    }
  };
  visit(group);
  return out;
}

function render(state: OrgState, m: GroupMemberRecord): Record<string, unknown> {
  const base = { kind: 'admin#directory#member', id: m.id, role: m.role, type: m.type };
  if (m.type === 'GROUP') return { ...base, email: state.groups.get(m.id)?.email ?? '', status: 'ACTIVE' };
  const user = state.users.get(m.id);
  const status = user?.suspended ? 'SUSPENDED' : user?.archived ? 'ARCHIVED' : 'ACTIVE';
  return { ...base, email: user?.email ?? '', status };
}

function rolesWanted(raw: string | undefined): Set<string> | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const roles = raw.split(',').map((r) => r.trim().toUpperCase());
  for (const role of roles) if (!ROLES.includes(role)) throw invalidArgument(`Invalid Input: roles=${raw}`);
  return new Set(roles);
}

function authorize(ctx: RequestContext): void {
  requireScopes(ctx.caller, 'admin.directory.members.list', 'user');
  if (!ctx.caller.user.directoryAdmin) throw permissionDenied(NOT_AUTHORIZED, 'forbidden');
}

export const listGroupMembers: MethodSpec = {
  params: ['includeDerivedMembership', 'maxResults', 'pageToken', 'roles'],
  handle(ctx, query) {
    authorize(ctx);
    const group = ctx.state.groupByKey(ctx.params.key ?? '');
    if (!group) throw new GoogleError(404, 'NOT_FOUND', 'Resource Not Found: groupKey', 'notFound');
    ctx.setTarget(`groups/${group.id}/members`);
    const size = query.int('maxResults') ?? MAX_RESULTS;
    if (size < 1 || size > MAX_RESULTS) throw invalidArgument(`Invalid value '${size}'. Values must be within the range: [1, ${MAX_RESULTS}]`);
    const derived = query.bool('includeDerivedMembership');
    const roles = rolesWanted(query.string('roles'));
    const members = listing(ctx.state, group, derived).filter((m) => !roles || roles.has(m.role))
      .map((m, index) => ({ m, key: seqKey(index) }));
    const fingerprint = JSON.stringify(['members', group.id, derived, [...(roles ?? [])].sort()]);
    const page = paginate(members, (x) => x.key, size, query.string('pageToken'), fingerprint);
    const out: Record<string, unknown> = { kind: 'admin#directory#members' };
    if (page.items.length) out.members = page.items.map((x) => render(ctx.state, x.m));
    if (page.nextPageToken) out.nextPageToken = page.nextPageToken;
    return applyFields(out, query.string('fields'), MEMBERS_SCHEMA);
  },
};
