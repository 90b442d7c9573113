/**
 * Admin SDK Directory API, read-only: users.get / list and groups.get / list. Only what Chat Roster uses to
 * resolve emails to ids in bulk. Access needs an administrator (the emulator uses the chatAdmin flag) and
 * the directory read scope; people outside the organisation aren't in the directory.
 */
import { requireScopes, type MethodId } from './auth';
import type { MethodSpec, RequestContext } from './context';
import { GoogleError, invalidArgument, permissionDenied, unimplemented } from './errors';
import { paginate } from './paging';
import type { QueryParams } from './query';
import type { GroupRecord, UserRecord } from './state';

const LIST_PARAMS = ['customer', 'domain', 'maxResults', 'pageToken', 'projection', 'viewType', 'orderBy', 'sortOrder', 'query', 'userKey', 'showDeleted'];

function authorize(ctx: RequestContext, methodId: MethodId): void {
  requireScopes(ctx.caller, methodId, 'user');
  if (!ctx.caller.user.chatAdmin) throw permissionDenied('Not Authorized to access this resource/api', 'forbidden');
}

const directoryNotFound = (what: string): GoogleError => new GoogleError(404, 'NOT_FOUND', `Resource Not Found: ${what}`, 'notFound');

/** "Alice Smith" from alice.smith@…: the emulator keeps no names, so it derives them. */
function nameFromEmail(email: string): string {
  return (email.split('@')[0] ?? '').split(/[._-]+/).filter((p) => p !== '')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join(' ');
}

function renderUser(u: UserRecord): Record<string, unknown> {
  const fullName = nameFromEmail(u.email);
  const [givenName = '', ...rest] = fullName.split(' ');
  return {
    kind: 'admin#directory#user', id: u.id, primaryEmail: u.email,
    name: { givenName, familyName: rest.join(' '), fullName },
    isAdmin: u.chatAdmin, suspended: u.suspended, orgUnitPath: '/',
  };
}

function renderGroup(g: GroupRecord): Record<string, unknown> {
  return { kind: 'admin#directory#group', id: g.id, email: g.email, name: nameFromEmail(g.email) };
}

/** `customer=my_customer` or `domain=<the domain>` is required on list calls; maxResults within [1, max]. */
function listArgs(ctx: RequestContext, query: QueryParams, max: number, unsupported: string[]): { size: number; token?: string } {
  for (const name of unsupported) {
    if (query.string(name) !== undefined) throw unimplemented(`The emulator doesn't emulate the ${name} parameter.`);
  }
  const customer = query.string('customer');
  const domain = query.string('domain');
  if (customer === undefined && domain === undefined) throw invalidArgument('Bad Request');
  if (customer !== undefined && customer !== 'my_customer') throw permissionDenied('Not Authorized to access this resource/api', 'forbidden');
  if (domain !== undefined && domain.toLowerCase() !== ctx.state.domain.toLowerCase()) throw permissionDenied('Not Authorized to access this resource/api', 'forbidden');
  const orderBy = query.string('orderBy');
  if (orderBy !== undefined && orderBy !== 'email') throw unimplemented('The emulator only orders by email.');
  if ((query.string('sortOrder') ?? 'ASCENDING') !== 'ASCENDING') throw unimplemented('The emulator only sorts ASCENDING.');
  const size = query.int('maxResults') ?? 100;
  if (size < 1 || size > max) throw invalidArgument(`Invalid value '${size}'. Values must be within the range: [1, ${max}]`);
  const token = query.string('pageToken');
  return token === undefined ? { size } : { size, token };
}

const byEmail = <T extends { email: string }>(a: T, b: T): number => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0);

export const getUser: MethodSpec = {
  params: ['projection', 'viewType', 'customFieldMask'],
  handle(ctx) {
    authorize(ctx, 'admin.directory.users.get');
    const key = ctx.params.key ?? '';
    const user = key.includes('@') ? ctx.state.userByEmail(key) : ctx.state.users.get(key);
    if (!user || !ctx.state.isInternal(user)) throw directoryNotFound('userKey');
    return renderUser(user);
  },
};

export const listUsers: MethodSpec = {
  params: LIST_PARAMS,
  handle(ctx, query) {
    authorize(ctx, 'admin.directory.users.list');
    const { size, token } = listArgs(ctx, query, 500, ['query', 'userKey', 'showDeleted']);
    const users = [...ctx.state.users.values()].filter((u) => ctx.state.isInternal(u))
      .map((u) => ({ u, email: u.email.toLowerCase() })).sort(byEmail);
    const page = paginate(users, (x) => x.email, size, token, JSON.stringify(['users', query.string('customer') ?? '', query.string('domain') ?? '']));
    const out: Record<string, unknown> = { kind: 'admin#directory#users' };
    if (page.items.length) out.users = page.items.map((x) => renderUser(x.u));
    if (page.nextPageToken) out.nextPageToken = page.nextPageToken;
    return out;
  },
};

export const getGroup: MethodSpec = {
  params: [],
  handle(ctx) {
    authorize(ctx, 'admin.directory.groups.get');
    const key = ctx.params.key ?? '';
    const group = key.includes('@') ? ctx.state.groupByEmail(key) : ctx.state.groups.get(key);
    if (!group) throw directoryNotFound('groupKey');
    return renderGroup(group);
  },
};

export const listGroups: MethodSpec = {
  params: LIST_PARAMS,
  handle(ctx, query) {
    authorize(ctx, 'admin.directory.groups.list');
    const { size, token } = listArgs(ctx, query, 200, ['query', 'userKey', 'showDeleted', 'projection', 'viewType']);
    const groups = [...ctx.state.groups.values()].map((g) => ({ g, email: g.email.toLowerCase() })).sort(byEmail);
    const page = paginate(groups, (x) => x.email, size, token, JSON.stringify(['groups', query.string('customer') ?? '', query.string('domain') ?? '']));
    const out: Record<string, unknown> = { kind: 'admin#directory#groups' };
    if (page.items.length) out.groups = page.items.map((x) => renderGroup(x.g));
    if (page.nextPageToken) out.nextPageToken = page.nextPageToken;
    return out;
  },
};
