/**
 * Admin SDK Directory API, read-only: users.get / list and groups.get / list. Only what Chat Roster uses to
 * resolve emails to ids in bulk. Two views of a user (viewType, users.get/list reference):
 * - admin_view (the default): everything, for an administrator (the emulator uses the directoryAdmin flag, chatAdmin by default);
 * - domain_public: "only fields for the user that are publicly visible to other users in the domain", for
 *   any user of the organisation while its directory sharing (contact sharing) is on. Public fields here:
 *   id, primaryEmail, name (stricter reading: no aliases, suspended, orgUnitPath, isAdmin), and suspended
 *   users are absent ("Suspended and deleted users also do not appear in the Directory",
 *   support.google.com/a/answer/60218). A non-admin lists with `domain=` (customer → 403, stricter reading).
 * Groups stay admin-only. Keys: primary email, alias or id. `fields` masks answers (fields.ts). People
 * outside the organisation aren't in the directory. users.list `query` is user search (userSearch.ts);
 * the admin view shows each user's unit, archived flag, organizations[0] and addresses[0]. Facts and readings: FIDELITY.md, Admin SDK Directory.
 */
import { requireScopes, type MethodId } from './auth';
import type { MethodSpec, RequestContext } from './context';
import { applyFields, type FieldSchema } from './fields';
import { GoogleError, invalidArgument, permissionDenied, unimplemented } from './errors';
import { paginate } from './paging';
import type { QueryParams } from './query';
import type { GroupRecord, UserRecord } from './state';
import { matchesAll, parseUserQuery, type SearchableUser } from './userSearch';

const USER_LIST_PARAMS = ['customer', 'domain', 'maxResults', 'pageToken', 'projection', 'viewType', 'orderBy', 'sortOrder', 'query', 'showDeleted', 'customFieldMask', 'event'];
const GROUP_LIST_PARAMS = ['customer', 'domain', 'maxResults', 'pageToken', 'orderBy', 'sortOrder', 'query', 'userKey', 'projection', 'viewType', 'showDeleted'];

export const NOT_AUTHORIZED = 'Not Authorized to access this resource/api';

type View = 'admin_view' | 'domain_public';

function viewOf(query: QueryParams): View {
  const view = query.string('viewType') ?? 'admin_view';
  if (view !== 'admin_view' && view !== 'domain_public') {
    throw invalidArgument(`Invalid value for viewType: ${view}. Allowed values: admin_view, domain_public.`);
  }
  return view;
}

/**
 * Scopes first, then rights: an administrator reads any view; anyone else only the domain_public view of
 * users, and only while the organisation shares its directory (refused with the same 403 otherwise:
 * Google doesn't document a distinct error, so the product can't tell "not an admin" from "sharing off").
 */
function authorize(ctx: RequestContext, methodId: MethodId, view: View): void {
  requireScopes(ctx.caller, methodId, 'user');
  if (ctx.caller.user.directoryAdmin) return;
  const publicRead = view === 'domain_public' && ctx.state.directorySharing && ctx.state.isInternal(ctx.caller.user);
  if (!publicRead) throw permissionDenied(NOT_AUTHORIZED, 'forbidden');
}

const directoryNotFound = (what: string): GoogleError => new GoogleError(404, 'NOT_FOUND', `Resource Not Found: ${what}`, 'notFound');

/** "Alice Smith" from alice.smith@…: for names the seed doesn't give. */
function nameFromEmail(email: string): string {
  return (email.split('@')[0] ?? '').split(/[._-]+/).filter((p) => p !== '')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join(' ');
}

/** Google omits empty lists from a resource. */
function withAliases(out: Record<string, unknown>, record: { aliases: string[]; nonEditableAliases: string[] }): Record<string, unknown> {
  if (record.aliases.length) out.aliases = [...record.aliases];
  if (record.nonEditableAliases.length) out.nonEditableAliases = [...record.nonEditableAliases];
  return out;
}

/** The user with its names: the seed's profile names, else derived from the email. */
function searchable(u: UserRecord): SearchableUser {
  const [derivedGiven = '', ...rest] = nameFromEmail(u.email).split(' ');
  return { record: u, givenName: u.profile.givenName ?? derivedGiven, familyName: u.profile.familyName ?? rest.join(' ') };
}

/** organizations[0] and addresses[0] (User resource), only when the profile has something for them. */
function withProfile(out: Record<string, unknown>, u: UserRecord): Record<string, unknown> {
  const { organization, title, department, costCenter, locality } = u.profile;
  const org = Object.entries({ name: organization, title, department, costCenter }).filter(([, v]) => v !== undefined);
  if (org.length) out.organizations = [{ ...Object.fromEntries(org), primary: true, customType: '' }];
  if (locality !== undefined) out.addresses = [{ type: 'work', locality, primary: true }];
  return out;
}

function renderUser(u: UserRecord, view: View): Record<string, unknown> {
  const { givenName, familyName } = searchable(u);
  const out: Record<string, unknown> = {
    kind: 'admin#directory#user', id: u.id, primaryEmail: u.email,
    name: { givenName, familyName, fullName: `${givenName} ${familyName}`.trim() },
  };
  if (view === 'domain_public') return out;
  Object.assign(out, { isAdmin: u.chatAdmin, suspended: u.suspended, archived: u.archived, orgUnitPath: u.orgUnitPath });
  return withProfile(withAliases(out, u), u);
}

function renderGroup(g: GroupRecord): Record<string, unknown> {
  return withAliases({ kind: 'admin#directory#group', id: g.id, email: g.email, name: nameFromEmail(g.email) }, g);
}

/** The User resource's fields (users reference), for validating `fields`; objects not modelled are 'open'. */
const USER_SCHEMA: FieldSchema = {
  kind: 'leaf', etag: 'leaf', id: 'leaf', primaryEmail: 'leaf', password: 'leaf', hashFunction: 'leaf', isAdmin: 'leaf',
  isDelegatedAdmin: 'leaf', agreedToTerms: 'leaf', suspended: 'leaf', suspensionReason: 'leaf', archived: 'leaf',
  changePasswordAtNextLogin: 'leaf', ipWhitelisted: 'leaf',
  name: { givenName: 'leaf', familyName: 'leaf', fullName: 'leaf', displayName: 'leaf' },
  emails: 'open', externalIds: 'open', relations: 'open', phones: 'open',
  organizations: {
    name: 'leaf', title: 'leaf', primary: 'leaf', type: 'leaf', customType: 'leaf', department: 'leaf', symbol: 'leaf',
    location: 'leaf', description: 'leaf', domain: 'leaf', costCenter: 'leaf', fullTimeEquivalent: 'leaf',
  },
  addresses: {
    type: 'leaf', customType: 'leaf', sourceIsStructured: 'leaf', formatted: 'leaf', poBox: 'leaf', extendedAddress: 'leaf',
    streetAddress: 'leaf', locality: 'leaf', region: 'leaf', postalCode: 'leaf', country: 'leaf', primary: 'leaf', countryCode: 'leaf',
  },
  languages: 'open', posixAccounts: 'open', sshPublicKeys: 'open', notes: 'open', websites: 'open', locations: 'open',
  keywords: 'open', gender: 'open', ims: 'open', customSchemas: 'open', guestAccountInfo: 'open',
  aliases: 'leaf', nonEditableAliases: 'leaf', isMailboxSetup: 'leaf', customerId: 'leaf', lastLoginTime: 'leaf',
  creationTime: 'leaf', deletionTime: 'leaf', thumbnailPhotoUrl: 'leaf', thumbnailPhotoEtag: 'leaf',
  includeInGlobalAddressList: 'leaf', isEnrolledIn2Sv: 'leaf', isEnforcedIn2Sv: 'leaf', orgUnitPath: 'leaf',
  recoveryEmail: 'leaf', recoveryPhone: 'leaf', isGuestUser: 'leaf',
};
const USERS_SCHEMA: FieldSchema = { kind: 'leaf', etag: 'leaf', trigger_event: 'leaf', users: USER_SCHEMA, nextPageToken: 'leaf' };
const GROUP_SCHEMA: FieldSchema = {
  kind: 'leaf', etag: 'leaf', id: 'leaf', email: 'leaf', name: 'leaf', description: 'leaf', directMembersCount: 'leaf',
  adminCreated: 'leaf', aliases: 'leaf', nonEditableAliases: 'leaf',
};
const GROUPS_SCHEMA: FieldSchema = { kind: 'leaf', etag: 'leaf', groups: GROUP_SCHEMA, nextPageToken: 'leaf' };

/**
 * `customer=my_customer` or `domain=<the domain>` is required on list calls; maxResults within [1, max].
 * A non-administrator (reading the domain_public view) must name the domain: customer → 403 (stricter
 * reading; the non-admin examples name the domain, and a non-admin has no customer account to read).
 */
function listArgs(ctx: RequestContext, query: QueryParams, max: number, unsupported: string[]): { size: number; token?: string } {
  for (const name of unsupported) {
    if (query.string(name) !== undefined) throw unimplemented(`The emulator doesn't emulate the ${name} parameter.`);
  }
  const customer = query.string('customer');
  const domain = query.string('domain');
  if (customer === undefined && domain === undefined) throw invalidArgument('Bad Request');
  if (customer !== undefined && (customer !== 'my_customer' || !ctx.caller.user.directoryAdmin)) throw permissionDenied(NOT_AUTHORIZED, 'forbidden');
  if (domain !== undefined && domain.toLowerCase() !== ctx.state.domain.toLowerCase()) throw permissionDenied(NOT_AUTHORIZED, 'forbidden');
  const orderBy = query.string('orderBy');
  if (orderBy !== undefined && orderBy !== 'email') throw unimplemented('The emulator only orders by email.');
  if ((query.string('sortOrder') ?? 'ASCENDING') !== 'ASCENDING') throw unimplemented('The emulator only sorts ASCENDING.');
  const size = query.int('maxResults') ?? 100;
  if (size < 1 || size > max) throw invalidArgument(`Invalid value '${size}'. Values must be within the range: [1, ${max}]`);
  const token = query.string('pageToken');
  return token === undefined ? { size } : { size, token };
}

const byEmail = <T extends { email: string }>(a: T, b: T): number => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0);

/** Who a view shows: the organisation's people; the public view leaves suspended accounts out. */
function visible(ctx: RequestContext, user: UserRecord, view: View): boolean {
  return ctx.state.isInternal(user) && !(view === 'domain_public' && user.suspended);
}

export const getUser: MethodSpec = {
  params: ['projection', 'viewType', 'customFieldMask'],
  handle(ctx, query) {
    const view = viewOf(query);
    authorize(ctx, 'admin.directory.users.get', view);
    const user = ctx.state.userByKey(ctx.params.key ?? '');
    if (!user || !visible(ctx, user, view)) throw directoryNotFound('userKey');
    return applyFields(renderUser(user, view), query.string('fields'), USER_SCHEMA);
  },
};

export const listUsers: MethodSpec = {
  params: USER_LIST_PARAMS,
  handle(ctx, query) {
    const view = viewOf(query);
    authorize(ctx, 'admin.directory.users.list', view);
    const { size, token } = listArgs(ctx, query, 500, ['showDeleted', 'customFieldMask', 'event']);
    const search = query.string('query') ?? '';
    // Search is an administrator's (stricter reading: the guide shows it with the admin view only).
    if (search.trim() !== '' && !ctx.caller.user.directoryAdmin) throw permissionDenied(NOT_AUTHORIZED, 'forbidden');
    const clauses = parseUserQuery(search, ctx.state.orgUnits);
    const users = [...ctx.state.users.values()].filter((u) => visible(ctx, u, view) && matchesAll(clauses, searchable(u)))
      .map((u) => ({ u, email: u.email.toLowerCase() })).sort(byEmail);
    const fingerprint = JSON.stringify(['users', query.string('customer') ?? '', query.string('domain') ?? '', view, search]);
    const page = paginate(users, (x) => x.email, size, token, fingerprint);
    const out: Record<string, unknown> = { kind: 'admin#directory#users' };
    if (page.items.length) out.users = page.items.map((x) => renderUser(x.u, view));
    if (page.nextPageToken) out.nextPageToken = page.nextPageToken;
    return applyFields(out, query.string('fields'), USERS_SCHEMA);
  },
};

export const getGroup: MethodSpec = {
  params: [],
  handle(ctx, query) {
    authorize(ctx, 'admin.directory.groups.get', 'admin_view');
    const group = ctx.state.groupByKey(ctx.params.key ?? '');
    if (!group) throw directoryNotFound('groupKey');
    return applyFields(renderGroup(group), query.string('fields'), GROUP_SCHEMA);
  },
};

export const listGroups: MethodSpec = {
  params: GROUP_LIST_PARAMS,
  handle(ctx, query) {
    authorize(ctx, 'admin.directory.groups.list', 'admin_view');
    const { size, token } = listArgs(ctx, query, 200, ['query', 'userKey', 'showDeleted', 'projection', 'viewType']);
    const groups = [...ctx.state.groups.values()].map((g) => ({ g, email: g.email.toLowerCase() })).sort(byEmail);
    const page = paginate(groups, (x) => x.email, size, token, JSON.stringify(['groups', query.string('customer') ?? '', query.string('domain') ?? '']));
    const out: Record<string, unknown> = { kind: 'admin#directory#groups' };
    if (page.items.length) out.groups = page.items.map((x) => renderGroup(x.g));
    if (page.nextPageToken) out.nextPageToken = page.nextPageToken;
    return applyFields(out, query.string('fields'), GROUPS_SCHEMA);
  },
};
