/**
 * The one catalogue of what an administrator reads in the Details column (DESIGN.md §1 "reasons are
 * data"): every sentence, rendered from a row's reason code and its parameters (model.ts ReasonParams).
 * Code decides by reason codes and never reads these sentences back; wording changes only here.
 * Google's refusals end with the HTTP status and Google's own message, so an administrator (or support)
 * can look them up: "… (HTTP 403 PERMISSION_DENIED: <google message>)".
 */
import type { ApiError, CellProblem, Detail, GrantResult, MemberRef, Reason, ReasonParams, RowCells, RowOutcome, SpaceInfo, SpaceRef, SpaceRowOutcome } from './model';
import { roleLabel } from './rows/roles';
import { looksLikeFormula } from './sheet/cells';

/** Google's messages can be long; Details stays readable. */
const MAX_MESSAGE = 300;

/** "(HTTP 403 PERMISSION_DENIED: message)"; code 0 means the status is unknown (Advanced Service errors). */
export function httpNote(error: ApiError): string {
  const message = error.message.length > MAX_MESSAGE ? `${error.message.slice(0, MAX_MESSAGE)}…` : error.message;
  const head = error.code === 0 ? 'HTTP status unknown' : `HTTP ${error.code}${error.status ? ` ${error.status}` : ''}`;
  return message ? `(${head}: ${message})` : `(${head})`;
}

/**
 * What an administrator can do about a refused membership call. `adminAccess`: whether the call had admin
 * access (known for the run's own writes): with it on, turning it on is no advice.
 */
function hint(error: ApiError, adminAccess?: boolean): string {
  const code = error.code;
  if (code === 400) return 'Google Chat rejected the request.';
  if (code === 401) return 'Your authorisation has expired: reload the spreadsheet and run again.';
  if (code === 403) {
    return adminAccess
      ? "Google Chat refused, though admin access is on: you need the Chat admin privilege (Admin console › Admin roles), and the space must be in your organisation."
      : 'Google Chat refused: check that you are a manager of this space (or turn on admin access) and, for people outside your organisation, that the space allows them.';
  }
  if (code === 404) return "Google Chat couldn't find it: the space or the person may not exist, or you can't see them.";
  if (code === 409) return 'Google Chat reported a conflict.';
  if (code === 429) return "Google Chat's rate limit was reached.";
  if (code >= 500) return 'Google Chat had a temporary problem.';
  return 'The call to Google Chat failed.';
}

/** "<plain reason> (HTTP …)". `prefix` says what was being done, e.g. "Added, but the role could not be set:". */
export function explain(error: ApiError, prefix = '', adminAccess?: boolean): string {
  return `${prefix ? `${prefix} ` : ''}${hint(error, adminAccess)} ${httpNote(error)}`;
}

/**
 * An address that opens a Details sentence, quoted when it begins like a formula ("=x@example.com"): the
 * apostrophe that would otherwise keep it text stays visible in a plain-text (@) Details cell.
 */
function opening(address: string): string {
  return looksLikeFormula(address) ? `"${address}"` : address;
}

/** How a space is named in Details: its display name in quotes, else its resource name. */
export function spaceLabel(space: SpaceInfo): string {
  return space.displayName ? `"${space.displayName}"` : space.name;
}

/** How a space reference is named in Details. */
export function spaceRefLabel(ref: SpaceRef): string {
  return ref.kind === 'name' ? ref.name : `"${ref.displayName}"`;
}

/** How a member is named in Details. */
export function memberLabel(ref: MemberRef): string {
  switch (ref.kind) {
    case 'userEmail': case 'groupEmail': return ref.email;
    case 'userId': case 'groupId': return ref.name;
    case 'app': return 'the Chat app';
  }
}

const MEMBER_FORMS = 'an email address (alice@example.com), users/ID, group:EMAIL, groups/ID or app';
const SPACE_FORMS = "the space's URL, spaces/ID, or the space's exact name";
const SOURCE_FORMS = 'ou:/Unit (the unit and every unit below it), ou=/Unit (that unit only), group:EMAIL, query:SEARCH or domain';
const USER_SEARCH_GUIDE = 'https://developers.google.com/admin-sdk/directory/v1/guides/search-users';
export const GROUP_OR_APP_ROLE = 'Groups and the Chat app have no role in a space: clear the Role cell.';

/** What is wrong with one cell, and how to fix it. */
export function cellProblemText(cell: CellProblem): string {
  switch (cell.problem) {
    case 'memberEmpty': return `The Member cell is empty: enter ${MEMBER_FORMS}.`;
    case 'notEmail': return `"${cell.text}" is not a valid email address: check the spelling.`;
    case 'notGroupId': return `"${cell.text}" is not a group id: write groups/ followed by the id (e.g. groups/abc123), or group:EMAIL.`;
    case 'notUserId': return `"${cell.text}" is not a user id: a user id is users/ followed by digits; or write the email address.`;
    case 'notMember': return `"${cell.text}" is not a member Chat Roster understands: use ${MEMBER_FORMS}.`;
    case 'spaceEmpty': return `The Space cell is empty: enter ${SPACE_FORMS}.`;
    case 'notSpaceLink': return `"${cell.text}" is not a Google Chat space link: open the space in Chat and copy its URL, or use spaces/ID or the space's exact name.`;
    case 'notSpaceId': return `"${cell.text}" is not a space id: write spaces/ followed by the id from the space's URL, or use the URL itself.`;
    case 'badRole': return `Role "${cell.text}" is not Member, Manager or Owner (leave it empty for Member).`;
    case 'badAction': return `Action "${cell.text}" is not add or remove (leave it empty for add).`;
    case 'roleOnGroupOrApp': return GROUP_OR_APP_ROLE;
    case 'badMode': return `Mode "${cell.text}" is not add-only or mirror (leave it empty for add-only).`;
    case 'badMaxRemoval': return `Max removal % "${cell.text}" is not a number from 0 to 100 (leave it empty for 20).`;
    case 'sourceEmpty': return `The Source cell is empty: enter ${SOURCE_FORMS}.`;
    case 'badSource': return `Source "${cell.text}" is not one Chat Roster understands: use ${SOURCE_FORMS}.`;
    case 'badSourceGroup': return `"${cell.text}" is not a group's email address: write group: followed by it, e.g. group:team@example.com.`;
    case 'badSourceUnit': return `"${cell.text}" names no unit: write ou: or ou= followed by the unit's path as the Admin console shows it, e.g. ou:/Sales/EMEA.`;
    case 'sourceQueryEmpty': return `The search after "query:" is empty: write a Directory user search, e.g. query:orgDepartment='Sales' (see ${USER_SEARCH_GUIDE}).`;
  }
}

export const INVITED_DETAILS = 'Invited: the user must accept the invitation (their auto-accept is off)';

const joinLater = (role: string | null): string => (role ? ` (the role ${roleLabel(role)} can be set once they have joined: run again then)` : '');
const spaceKind = (space: SpaceInfo): string => (space.spaceType === 'DIRECT_MESSAGE' ? 'a direct message' : 'a group chat');

function cannotOpen(what: string, error: ApiError): string {
  if (error.code === 403) {
    return `Could not open the space ${what}: you are not a member of it, or you lack permission. Ask to be added, or turn on admin access. ${httpNote(error)}`;
  }
  if (error.code === 0) {
    // The Advanced Chat Service throws without a status: not found and no access look the same.
    return `Could not open the space ${what}: check the ID or link, and that you are a member of the space (or turn on admin access). ${httpNote(error)}`;
  }
  return explain(error, `Could not open the space ${what}:`);
}

function membersNotListed({ space, error }: ReasonParams['membersNotListed']): string {
  const label = spaceLabel(space);
  if (error.code === 403) {
    return `Google Chat won't show you the members of ${label}: the member list may be hidden, or you are not a member. Ask a space manager, or turn on admin access. ${httpNote(error)}`;
  }
  if (error.code === 404) return `Google Chat can't find the space ${label} any more. ${httpNote(error)}`;
  return explain(error, `Could not list the members of ${label}:`);
}

function groupNotFound({ email, error }: ReasonParams['groupNotFound']): string {
  const base = `The group ${email} was not found in your Google Workspace directory (or you have no Admin SDK access): use groups/{id} in the Member cell (the id is in the Admin console or the Cloud Identity Groups API).`;
  return error ? `${base} ${httpNote(error)}` : base;
}

function notInSpace({ throughGroup, invitationsHidden }: ReasonParams['notInSpace']): string {
  const base = throughGroup
    ? 'Not in the space as a direct member (if they belong through a Google Group, remove them from the group instead)'
    : 'Not in the space';
  return invitationsHidden ? `${base}; with admin access Google does not list invitations, so a pending invitation would not show here` : base;
}

function wouldAdd({ memberKind, role, outsider }: ReasonParams['wouldAdd']): string {
  if (outsider) return `Would add to the space${role ? ` as ${roleLabel(role)}` : ''}, if it allows people from outside your organisation`;
  if (role) return `Would add to the space as ${roleLabel(role)}`;
  if (memberKind === 'group') return 'Would add the group to the space';
  return memberKind === 'app' ? 'Would add the Chat app to the space' : 'Would add to the space';
}

/** How a Rules row's counts name each result, in the order they are listed (previews first). */
const GRANT_WORDS: readonly [GrantResult, (count: number) => string][] = [
  ['wouldAdd', (count) => `would add ${count}`],
  ['wouldRaise', (count) => `would raise ${count}`],
  ['added', (count) => `${count} added`],
  ['invited', (count) => `${count} invited`],
  ['roleRaised', (count) => `${count} ${count === 1 ? 'role' : 'roles'} raised`],
  ['alreadyIn', (count) => `${count} already in`],
  ['byRoster', (count) => `${count} set by the roster`],
  ['pending', (count) => `${count} pending`],
  ['held', (count) => `${count} held`],
  ['invalid', (count) => `${count} invalid`],
  ['error', (count) => `${count} ${count === 1 ? 'error' : 'errors'}`],
];

/** "120 people: 5 added, 1 invited, 114 already in, 2 held (the Chat Roster Log names them)." */
function ruleCounts({ people, counts }: ReasonParams['ruleCounts']): string {
  const head = `${people} ${people === 1 ? 'person' : 'people'}`;
  if (people === 0) return `${head}: no active user matches this source now.`;
  const parts = GRANT_WORDS.flatMap(([result, words]) => (counts[result] ? [words(counts[result])] : []));
  const attention = (counts.held ?? 0) + (counts.invalid ?? 0) + (counts.error ?? 0) > 0;
  return `${head}: ${parts.join(', ')}${attention ? ' (the Chat Roster Log names them)' : ''}.`;
}

/** One sentence per reason: the catalogue. */
const SENTENCES: { [R in Reason]: (params: ReasonParams[R]) => string } = {
  queued: () => 'Queued: Chat Roster continues with this row in its next execution.',
  queuedRolePatch: () => 'Queued: added to the space; the role is set in the next execution.',
  queuedChanged: () => 'Queued: this row changed while Chat Roster was working; its next execution applies the row as it is now.',
  invalidCells: ({ problems }) => problems.map(cellProblemText).join(' '),
  spaceUnresolved: () => 'The space could not be resolved.',
  spaceNotOpened: ({ ref, error }) => cannotOpen(spaceRefLabel(ref), error),
  chatNotAnswering: ({ ref, error }) =>
    `Google Chat is not answering about the space ${spaceRefLabel(ref)} — nothing was changed, try again later. ${httpNote(error)}`,
  noSpaceNamed: ({ displayName }) => `No space named "${displayName}" that you can see: check the name, or use the space's URL.`,
  noSpaceWithIdOrName: ({ id, error }) =>
    `No space with the id or name "${id}" that you can see: check it, use the space's URL, and make sure you are a member (or turn on admin access). ${httpNote(error)}`,
  spaceNameAmbiguous: ({ displayName, count }) =>
    `${count} spaces you can see are named "${displayName}": use the URL of the one you mean instead of its name.`,
  groupNeedsNamedSpace: ({ space }) =>
    `Google Groups can only be added to named spaces, and ${spaceLabel(space)} is ${spaceKind(space)}: add the people one by one, or pick a named space.`,
  roleNeedsNamedSpace: ({ space }) =>
    `Only named spaces have Managers and Owners, and ${spaceLabel(space)} is ${spaceKind(space)}: set Role to Member or clear it.`,
  groupNotFound,
  noOneWithAddress: ({ view }) => (view === 'admin'
    ? 'No one in your organisation has this address — check the spelling.'
    : "No one in your organisation has this address — check the spelling. (The directory your organisation shares with you shows no suspended accounts and no groups: restore a suspended account first; for a group, write groups/ID.)"),
  outsiderUnderAdminAccess: ({ email }) =>
    `${opening(email)} is from outside your organisation, and admin access can't add people from outside it: turn off admin access and run again as a manager of the space (which must allow people from outside your organisation), or add them in Google Chat.`,
  personAsGroup: ({ email }) => `${opening(email)} is a person, not a group: remove "group:" from the Member cell.`,
  groupAsPerson: ({ email }) => `${opening(email)} is a Google Group: write group:${email} in the Member cell.`,
  suspended: ({ email }) => `${opening(email)} is suspended in your Google Workspace directory: restore the account first, or delete this row.`,
  repeat: ({ row, exact }) => (exact
    ? `Same as row ${row}: delete this row.`
    : `Row ${row} already covers this member in this space (written differently, e.g. an email and a users/ id): delete this row.`),
  conflict: ({ row, exact }) => (exact
    ? `Conflicts with row ${row} (same member and space, different role or action): keep one of the two rows.`
    : `Conflicts with row ${row} (the same member in this space, written differently, with a different role or action): keep one of the two rows.`),
  spaceListedTwice: ({ row }) => `Row ${row} of the Spaces sheet already lists this space: keep one of the two rows.`,
  addOnlySpace: () => "Add-only: members the roster doesn't name stay in the space.",
  mirrorWouldRemove: ({ members, kept }) => `${members.length} to remove: ${members.join(', ')}.${keptNote(kept)}`,
  mirrorNothingToRemove: ({ kept }) => `Mirror: no one to remove; every other member is named in the roster, is you, or is an app.${keptNote(kept)}`,
  mirrorRemoved: ({ removed, failed, pending, unconfirmed, kept }) => [
    removed.length > 0 ? `Removed ${removed.length}: ${removed.join(', ')}.` : '',
    failed.length > 0 ? `Not removed, Google refused (the log and a new run tell more): ${failed.join(', ')}.` : '',
    pending.length > 0 ? `${pending.length} wait for the next run: ${pending.join(', ')}.` : '',
    unconfirmed.length > 0 ? unconfirmationNote(unconfirmed) : '',
  ].filter(Boolean).join(' ') + keptNote(kept),
  mirrorOverLimit: ({ members, total, max }) =>
    `Held, nothing removed: ${members.length} of ${total} members (${Math.round((members.length * 100) / total)}%) would be removed, over Max removal % (${max}). To go ahead, Preview and then Apply in the sidebar and confirm this space (it lists them), or raise Max removal %: ${members.join(', ')}.`,
  mirrorAwaitingConfirmation: ({ members }) => `Held, nothing removed. ${unconfirmationNote(members)}`,
  mirrorUnmatchedRows: ({ rows }) =>
    `Held, nothing removed: Chat Roster couldn't tell whom Roster row${rows.length === 1 ? '' : 's'} ${rows.join(', ')} of this space name${rows.length === 1 ? 's' : ''} (see ${rows.length === 1 ? 'its' : 'their'} Details): fix ${rows.length === 1 ? 'it' : 'them'} first.`,
  mirrorCallerUnknown: () => "Held, nothing removed: Chat Roster couldn't find your own account's Chat id in the directory, so it can't be sure to keep you.",
  spaceNotListed: () => 'The space could not be listed.',
  membersNotListed,
  presenceUnknown: ({ member, space, error }) => explain(error, `Could not check whether ${member} is in ${spaceLabel(space)}:`),
  alreadyMember: ({ role }) => `Already a member as ${roleLabel(role)}`,
  alreadyInvited: ({ role }) => `Already invited; waiting for them to accept${joinLater(role)}`,
  groupPresent: () => 'The group is already in the space',
  appPresent: () => 'The Chat app is already in the space',
  notInSpace,
  lastOwner: ({ member, space, removing }) =>
    `${opening(member)} is the only Owner of ${spaceLabel(space)}: make someone else Owner before ${removing ? 'removing them' : 'changing this role'}, then run again.`,
  appKept: () => 'Chat Roster never removes the Chat app: remove it from the space in Google Chat (the space\'s Apps & integrations).',
  callerKept: () => 'This is your own account, which runs Chat Roster: leave the space in Google Chat yourself, or ask another manager to remove you.',
  wouldAdd,
  wouldChangeRole: ({ from, role }) => `Would change the role from ${roleLabel(from)} to ${roleLabel(role)}`,
  wouldRemove: ({ invited }) => (invited ? 'Would withdraw the invitation' : 'Would remove from the space'),
  added: ({ memberKind }) => (memberKind === 'group' ? 'Group added to the space' : memberKind === 'app' ? 'Chat app added to the space' : 'Added to the space'),
  addedAs: ({ role }) => `Added to the space as ${roleLabel(role)}`,
  invited: ({ role }) => INVITED_DETAILS + joinLater(role),
  roleChanged: ({ from, role }) => `Role changed from ${roleLabel(from)} to ${roleLabel(role)}`,
  roleChangedOnConflict: ({ from, role }) => `Was already a member; role changed from ${roleLabel(from)} to ${roleLabel(role)}`,
  removed: ({ invited }) => (invited ? 'Invitation withdrawn' : 'Removed from the space'),
  alreadyRemoved: () => 'Not in the space (already removed)',
  alreadyInSpace: () => 'Already in the space',
  reportedInSpace: () => 'Already in the space (Google Chat reported it as existing)',
  refused: ({ error, adminAccess }) => explain(error, '', adminAccess),
  roleNotSet: ({ error, adminAccess }) => explain(error, 'Added, but the role could not be set:', adminAccess),
  roleNotSetNoName: () => 'Added, but the role could not be set: Google Chat returned no membership name.',
  roleNotChanged: ({ error, adminAccess }) => explain(error, 'Already a member, but the role could not be changed:', adminAccess),
  conflictUnconfirmed: ({ conflict, error }) =>
    `Google Chat said this member is already in the space, but then couldn't find the membership. ${httpNote(conflict)} ${httpNote(error)}`,
  removalNotFoundYetListed: ({ error }) =>
    `Not removed: Google Chat answered that this member isn't in the space, yet still lists them. ${httpNote(error)}`,
  ruleQueryRejected: ({ query, error }) =>
    `Google rejected the search "${query}": ${error.message} — see the user search guide, ${USER_SEARCH_GUIDE} ${httpNote({ ...error, message: '' })}`,
  ruleUnknownUnit: ({ path, error }) =>
    `Your directory has no organisational unit ${path}: copy its path from the Admin console (Directory › Organisational units), e.g. ou:/Sales/EMEA. ${httpNote(error)}`,
  ruleNoSuchGroup: ({ email, error }) =>
    `Your directory has no group ${email}: check the group's email address in the Admin console or Google Groups. ${httpNote(error)}`,
  ruleDirectoryDenied: ({ error }) =>
    `Chat Roster needs the Directory admin view to expand rules — your account isn't allowed to list your organisation's users and groups: run it as an administrator who may read users and groups. ${httpNote(error)}`,
  ruleDirectoryFailed: ({ error }) =>
    `The directory couldn't expand this rule. ${httpNote(error)}`,
  ruleCounts,
  notFinished: () => 'Chat Roster could not finish this row.',
  stoppedByError: ({ message }) => `Chat Roster stopped before this row because of an unexpected error. (${message})`,
};

/** Members a sidebar run left in because its confirmation didn't name them. */
function unconfirmationNote(members: readonly string[]): string {
  return `Not confirmed in the sidebar, so left in the space (joined after the preview, or left out of the confirmation): ${members.join(', ')}. Preview and Apply again to confirm, or the nightly sync removes them within Max removal %.`;
}

/** " Kept x: the last Owner." after a mirror space's counts, when the guard kept someone. */
function keptNote(kept: readonly string[]): string {
  return kept.length === 0 ? '' : ` Kept ${kept.join(', ')}: the last Owner.`;
}

/** The Details sentence of a reason (an outcome, or a stage's answer that becomes one). */
export function detailsOf<R extends Reason>(detail: Detail<R>): string {
  const reason: R = detail.reason;
  return SENTENCES[reason](detail);
}

/** Whose move a problem row is (DESIGN.md §4): the administrator's, Google's, or no one's (a guard on purpose). */
type Move = 'admin' | 'google' | 'none';
const MOVE_WORDS: Record<Move, string> = {
  admin: 'Your side: fix this, then run again.',
  google: "Google's side — try again later; nothing for you to fix.",
  none: 'Nothing to fix: Chat Roster holds this on purpose.',
};
/** Reasons Google's side causes whatever their status: a read or a run that didn't finish; running again is the fix. */
const GOOGLE_REASONS: ReadonlySet<Reason> = new Set<Reason>(['spaceUnresolved', 'chatNotAnswering', 'spaceNotListed', 'roleNotSetNoName', 'conflictUnconfirmed', 'removalNotFoundYetListed', 'ruleDirectoryFailed', 'notFinished', 'stoppedByError']);
/** Held rows a guard can't settle alone: the administrator must act (restore the account, fix the rows named). */
const ADMIN_HELD: ReadonlySet<Reason> = new Set<Reason>(['suspended', 'mirrorUnmatchedRows']);

/** Decided on the status, the reason code and Google's HTTP status (429, 5xx: Google's), never on the words. */
function moveOf(outcome: RowOutcome | SpaceRowOutcome): Move | null {
  if (outcome.status === 'HELD') return ADMIN_HELD.has(outcome.reason) ? 'admin' : 'none';
  if (outcome.status !== 'ERROR' && outcome.status !== 'INVALID') return null;
  const code = 'error' in outcome && outcome.error ? outcome.error.code : null;
  // A membership write (it carries adminAccess) with no HTTP status: no reply came, the transport failed.
  const transport = code === 0 && 'adminAccess' in outcome;
  return code === 429 || (code ?? 0) >= 500 || transport || GOOGLE_REASONS.has(outcome.reason) ? 'google' : 'admin';
}

/** An outcome as its Status and Details cells read; a problem row ends by saying whose move it is. */
export function rendered(outcome: RowOutcome | SpaceRowOutcome): RowCells {
  const move = moveOf(outcome);
  const details = detailsOf(outcome);
  return { sheetRow: outcome.sheetRow, status: outcome.status, details: move ? `${details} ${MOVE_WORDS[move]}` : details };
}

/** What an imported row's Details say (import/importRows.ts): data, rendered here like every reason. */
export interface ImportNote {
  space: SpaceInfo;
  /** The day of the import, in the spreadsheet's time zone (yyyy-MM-dd). */
  date: string;
  invited: boolean;
  /** The member is written by id because the Directory couldn't name it. */
  unnamed: 'user' | 'group' | null;
}

const UNNAMED: Record<'user' | 'group', string> = {
  user: 'The directory doesn\'t know this person (outside your organisation, or no directory access), so they are written by id.',
  group: 'The directory couldn\'t name this group (group emails need a directory administrator), so it is written by id.',
};

/** "Imported from "Engineering" on 2026-12-04." and what the admin should know about the row. */
export function importedDetails(note: ImportNote): string {
  const parts = [`Imported from ${spaceLabel(note.space)} on ${note.date}.`];
  if (note.invited) parts.push('Invited: they haven\'t accepted yet.');
  if (note.unnamed) parts.push(UNNAMED[note.unnamed]);
  return parts.join(' ');
}

/** Why part of an import didn't happen (import/runImport.ts): one line of the import report each. */
export type ImportProblem =
  | { reason: 'notSpaceCell'; cell: string; problem: CellProblem }
  /** `label`: the cell as typed, when the space it names wasn't found ('' when the sentence names the space). */
  | { reason: 'spaceUnread'; label: string; detail: Detail<'spaceNotOpened' | 'chatNotAnswering' | 'noSpaceNamed' | 'noSpaceWithIdOrName' | 'spaceNameAmbiguous' | 'membersNotListed' | 'spaceNotListed'> }
  | { reason: 'spacesNotListed'; error: ApiError }
  | { reason: 'outOfTime'; space: SpaceInfo }
  | { reason: 'invitationsHidden'; space: SpaceInfo }
  | { reason: 'directoryUnread'; error: ApiError };

export function importProblemText(problem: ImportProblem): string {
  switch (problem.reason) {
    case 'notSpaceCell': return cellProblemText(problem.problem);
    case 'spaceUnread': return problem.label ? `${problem.label}: ${detailsOf(problem.detail)}` : detailsOf(problem.detail);
    case 'spacesNotListed': return explain(problem.error, 'Could not list your spaces:');
    case 'outOfTime': return `${spaceLabel(problem.space)} was not read before the execution's time ran out: import it again.`;
    case 'invitationsHidden':
      return `With admin access Google didn't list the invitations of ${spaceLabel(problem.space)}: people invited but not joined yet were not imported.`;
    case 'directoryUnread':
      return `Your Workspace directory couldn't be read, so people and groups are written by id (users/ID, groups/ID). ${httpNote(problem.error)}`;
  }
}
