/**
 * Identity resolution through the Admin SDK Directory advanced service: emails → users/{id}, groups/{id}
 * (DESIGN.md §1 "Snapshot, then diff"; reference/first-deploy.md §4). Access, best first:
 * - admin: the caller administers the directory. Many emails: every user and group listed in pages (a read
 *   per 500 users), aliases included; few emails: one get each (users.get and groups.get take an alias).
 * - domain_public: not an administrator, but the organisation shares its directory: the public view of the
 *   caller's domain listed in pages. It shows primary addresses only (no aliases, no suspension, no
 *   groups), so addresses of that domain it didn't show are then asked one get each (a get takes an alias),
 *   at most PUBLIC_GETS_MAX of them.
 * - none: the lookup fails and the core asks Chat instead, members.get by email alias per row and space
 *   (identities.ts), remembering the answers for the run (directoryCache.ts).
 * The advanced service throws localized errors without a status, so a refusal is told apart from an
 * unknown email by which call failed (the first page of a view), never by reading the message. Each call
 * sends a `fields` mask naming exactly the fields read here (Groups.get takes no optional arguments in
 * Apps Script, so it alone goes without one).
 */
import type { Directory, DirectoryCoverage, DirectoryEntry, DirectoryResult } from '../core/ports';
import { thrownError } from '../core/apiErrors';
import { adminDirectoryService, eachPage, failure, NOT_ENABLED, type DirectoryPage } from './directoryPages';

/** Below this many emails, single gets are cheaper than listing the directory. */
const BULK_THRESHOLD = 20;
/** Single gets after a public listing, for the addresses it doesn't show (aliases, mostly). */
const PUBLIC_GETS_MAX = 50;

const USER_FIELDS = 'id,primaryEmail,aliases,nonEditableAliases,suspended';
const USER_LIST_FIELDS = `users(${USER_FIELDS}),nextPageToken`;
const USER_GET_FIELDS = 'id,suspended';
const GROUP_LIST_FIELDS = 'groups(id,email,aliases,nonEditableAliases),nextPageToken';
/** One user's id: the cheapest proof that a view may be read. */
const PROOF_FIELDS = 'users(id)';

type DirectoryService = GoogleAppsScript.AdminDirectory;
type User = GoogleAppsScript.AdminDirectory.Schema.User;
type Group = GoogleAppsScript.AdminDirectory.Schema.Group;

export type DirectoryMode = 'admin' | 'domain_public' | 'none';

/** The query parameters naming a view: every user of the customer, or the public view of one domain. */
type ViewArgs = { customer: string; projection: string } | { domain: string; viewType: string; projection: string };
const ADMIN_VIEW: ViewArgs = { customer: 'my_customer', projection: 'basic' };
const publicView = (domain: string): ViewArgs => ({ domain, viewType: 'domain_public', projection: 'basic' });

const DETAILS: Record<DirectoryMode, string> = {
  admin: 'You can read your Workspace directory as an administrator: people\'s emails, their aliases and group emails are resolved in bulk.',
  domain_public: 'You are not a directory administrator, but your organisation shares its directory with its members: people\'s emails are resolved in bulk (aliases one by one). Group emails need an administrator: write groups/{id} in the Member cell for a group. Suspended accounts aren\'t shown to you, so a row adding one is INVALID (an address no one in your organisation has) instead of held.',
  none: 'Chat Roster can\'t read your Workspace directory: you are not a directory administrator and your organisation doesn\'t share its directory with you (Admin console › Directory › Directory settings › Sharing settings), or the directory permissions weren\'t granted. Each person will be looked up in each space instead, which is slower, and group emails can\'t be resolved: write groups/{id} in the Member cell for a group.',
};

/** A view's first page was refused: the caller may not read that view (as opposed to a later failure). */
class Refused {
  constructor(readonly error: unknown) {}
}

function directoryService(): DirectoryService | undefined {
  const service = adminDirectoryService();
  return service?.Users && service.Groups ? service : undefined;
}

/** The domain of the account running Chat Roster, lower-case; '' when Apps Script doesn't tell. */
function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).trim().toLowerCase();
}

function callerDomain(): string {
  try {
    return domainOf(Session.getEffectiveUser().getEmail());
  } catch {
    return '';
  }
}

function userEntry(user: User): DirectoryEntry {
  return { kind: 'user', name: `users/${user.id}`, suspended: user.suspended === true };
}

/** Every address of a person or group: primary, aliases, non-editable aliases; the primary never yields. */
function index(found: Map<string, DirectoryEntry>, primary: string | undefined, aliases: (string[] | undefined)[], entry: DirectoryEntry): void {
  if (primary) found.set(primary.toLowerCase(), entry);
  for (const list of aliases) {
    for (const alias of list ?? []) {
      const key = alias.toLowerCase();
      if (!found.has(key)) found.set(key, entry);
    }
  }
}

/** The first page (no token) refused throws Refused: the view may not be read; a later failure throws as it came. */
function refusedOnFirstPage<T>(fetch: (pageToken: string | undefined) => DirectoryPage<T>): (pageToken: string | undefined) => DirectoryPage<T> {
  return (pageToken) => {
    try {
      return fetch(pageToken);
    } catch (error) {
      throw pageToken === undefined ? new Refused(error) : error;
    }
  };
}

function listUsers(service: DirectoryService, view: ViewArgs, found: Map<string, DirectoryEntry>): void {
  eachPage(refusedOnFirstPage((pageToken) => {
    const page = service.Users!.list({ ...view, maxResults: 500, pageToken, fields: USER_LIST_FIELDS });
    return { items: page.users, next: page.nextPageToken };
  }), (user: User) => {
    if (user.id) index(found, user.primaryEmail, [user.aliases, user.nonEditableAliases], userEntry(user));
  });
}

function listGroups(service: DirectoryService, found: Map<string, DirectoryEntry>): void {
  eachPage(refusedOnFirstPage((pageToken) => {
    const page = service.Groups!.list({ customer: 'my_customer', maxResults: 200, pageToken, fields: GROUP_LIST_FIELDS });
    return { items: page.groups, next: page.nextPageToken };
  }), (group: Group) => {
    if (group.id) index(found, group.email, [group.aliases, group.nonEditableAliases], { kind: 'group', name: `groups/${group.id}` });
  });
}

/** One cheap call that the view may be read; throws Refused when it may not. */
function proveView(service: DirectoryService, view: ViewArgs): void {
  try {
    service.Users!.list({ ...view, maxResults: 1, fields: PROOF_FIELDS });
  } catch (error) {
    throw new Refused(error);
  }
}

/** One email as a user (primary or alias), then, with the admin view, as a group; null when neither. */
function getOne(service: DirectoryService, email: string, view: 'admin' | 'domain_public'): DirectoryEntry | null {
  try {
    const args = view === 'admin' ? { projection: 'basic', fields: USER_GET_FIELDS } : { projection: 'basic', viewType: 'domain_public', fields: USER_GET_FIELDS };
    const user = service.Users!.get(email, args);
    if (user.id) return userEntry(user);
  } catch {
    // Not a user that this view shows (access itself was proven before).
  }
  if (view !== 'admin') return null; // Groups are for administrators only.
  try {
    const group = service.Groups!.get(email);
    if (group.id) return { kind: 'group', name: `groups/${group.id}` };
  } catch {
    // Not a group either.
  }
  return null;
}

function adminLookup(service: DirectoryService, emails: readonly string[], found: Map<string, DirectoryEntry>): void {
  if (emails.length > BULK_THRESHOLD) {
    listUsers(service, ADMIN_VIEW, found);
    try {
      listGroups(service, found);
    } catch (error) {
      // Users were readable, so this is no reason to fall back to the public view: a plain failure.
      throw error instanceof Refused ? error.error : error;
    }
    return;
  }
  proveView(service, ADMIN_VIEW);
  for (const email of emails) {
    const entry = getOne(service, email, 'admin');
    if (entry) found.set(email, entry);
  }
}

/** Whether every address of `domain` asked about was looked for (false: some left unasked, past PUBLIC_GETS_MAX). */
function publicLookup(service: DirectoryService, emails: readonly string[], domain: string, found: Map<string, DirectoryEntry>): boolean {
  const view = publicView(domain);
  if (emails.length > BULK_THRESHOLD) listUsers(service, view, found);
  else proveView(service, view);
  const unseen = emails.filter((email) => !found.has(email) && domainOf(email) === domain);
  for (const email of unseen.slice(0, PUBLIC_GETS_MAX)) {
    const entry = getOne(service, email, 'domain_public');
    if (entry) found.set(email, entry);
  }
  return unseen.length <= PUBLIC_GETS_MAX;
}

/**
 * The admin view answers for the whole organisation: the caller's domain and every domain it found a person
 * or group of (the organisation's other domains). Domains are read from the addresses found, not asked.
 */
function adminCoverage(domain: string, found: ReadonlyMap<string, DirectoryEntry>): DirectoryCoverage {
  const domains = new Set<string>();
  if (domain) domains.add(domain);
  for (const email of found.keys()) {
    const of = domainOf(email);
    if (of) domains.add(of);
  }
  return { view: 'admin', domains: [...domains] };
}

export class AdminDirectoryLookup implements Directory {
  /** `callerEmail`: the account running Chat Roster (its domain is the public view's); Session's when absent. */
  constructor(private readonly callerEmail?: string) {}

  lookup(emails: string[]): DirectoryResult {
    const found = new Map<string, DirectoryEntry>();
    if (emails.length === 0) return { ok: true, value: found };
    const service = directoryService();
    if (!service) return { ok: false, error: { code: 0, status: '', message: NOT_ENABLED } };
    const domain = this.callerEmail === undefined ? callerDomain() : domainOf(this.callerEmail);
    let refusal: unknown;
    try {
      adminLookup(service, emails, found);
      return { ok: true, value: wanted(emails, found), coverage: adminCoverage(domain, found) };
    } catch (error) {
      if (!(error instanceof Refused)) return failure(error);
      refusal = error.error;
    }
    if (!domain) return failure(refusal);
    found.clear();
    try {
      const complete = publicLookup(service, emails, domain, found);
      return { ok: true, value: wanted(emails, found), coverage: { view: 'domain_public', domains: complete ? [domain] : [] } };
    } catch (error) {
      return failure(error instanceof Refused ? error.error : error);
    }
  }
}

function wanted(emails: readonly string[], found: ReadonlyMap<string, DirectoryEntry>): Map<string, DirectoryEntry> {
  const answers = new Map<string, DirectoryEntry>();
  for (const email of emails) {
    const entry = found.get(email);
    if (entry) answers.set(email, entry);
  }
  return answers;
}

/**
 * How this account can read the directory, with one cheap call per mode tried (admin view, then the
 * public view of its domain), and what that means for the roster in a sentence or three. For checkSetup().
 */
export function probeDirectoryAccess(): { mode: 'admin' | 'domain_public' | 'none'; detail: string } {
  const service = directoryService();
  if (!service) return { mode: 'none', detail: `${NOT_ENABLED} ${DETAILS.none}` };
  let refusal: unknown;
  try {
    proveView(service, ADMIN_VIEW);
    return { mode: 'admin', detail: DETAILS.admin };
  } catch (error) {
    refusal = error instanceof Refused ? error.error : error;
  }
  const domain = callerDomain();
  if (domain) {
    try {
      proveView(service, publicView(domain));
      return { mode: 'domain_public', detail: DETAILS.domain_public };
    } catch (error) {
      refusal = error instanceof Refused ? error.error : error;
    }
  }
  return { mode: 'none', detail: `${DETAILS.none} (Google said: ${thrownError(refusal).message})` };
}
