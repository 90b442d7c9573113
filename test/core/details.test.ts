/**
 * The catalogue (details.ts): every reason's sentence, word for word, as administrators have been reading
 * it. A wording change is made on purpose, here and in details.ts together.
 */
import { cellProblemText, detailsOf, rendered } from '../../src/core/details';
import type { ApiError, CellProblem, Detail, Reason } from '../../src/core/model';

const TEAM = { name: 'spaces/S', spaceType: 'SPACE', displayName: 'Team' };
const DM = { name: 'spaces/D', spaceType: 'DIRECT_MESSAGE', displayName: '' };
const CHAT = { name: 'spaces/G', spaceType: 'GROUP_CHAT', displayName: 'Lunch' };
const E403: ApiError = { code: 403, status: 'PERMISSION_DENIED', message: 'no' };
const E404: ApiError = { code: 404, status: 'NOT_FOUND', message: 'gone' };
const E500: ApiError = { code: 500, status: '', message: 'oops' };
const E0: ApiError = { code: 0, status: '', message: 'Service unavailable' };

/** Every reason at least once: [detail, Details]. */
const SENTENCES: [Detail, string][] = [
  [{ reason: 'queued' }, 'Queued: Chat Roster continues with this row in its next execution.'],
  [{ reason: 'queuedRolePatch' }, 'Queued: added to the space; the role is set in the next execution.'],
  [{ reason: 'queuedChanged' }, 'Queued: this row changed while Chat Roster was working; its next execution applies the row as it is now.'],
  [{ reason: 'invalidCells', problems: [{ problem: 'badRole', text: 'boss' }, { problem: 'roleOnGroupOrApp' }] },
    'Role "boss" is not Member, Manager or Owner (leave it empty for Member). Groups and the Chat app have no role in a space: clear the Role cell.'],
  [{ reason: 'spaceUnresolved' }, 'The space could not be resolved.'],
  [{ reason: 'spaceNotOpened', ref: { kind: 'name', name: 'spaces/X' }, error: E403 },
    'Could not open the space spaces/X: you are not a member of it, or you lack permission. Ask to be added, or turn on admin access. (HTTP 403 PERMISSION_DENIED: no)'],
  [{ reason: 'spaceNotOpened', ref: { kind: 'displayName', displayName: 'Some Name' }, error: E0 },
    'Could not open the space "Some Name": check the ID or link, and that you are a member of the space (or turn on admin access). (HTTP status unknown: Service unavailable)'],
  [{ reason: 'spaceNotOpened', ref: { kind: 'name', name: 'spaces/X' }, error: E500 },
    'Could not open the space spaces/X: Google Chat had a temporary problem. (HTTP 500: oops)'],
  [{ reason: 'noSpaceNamed', displayName: 'Team Beta' }, 'No space named "Team Beta" that you can see: check the name, or use the space\'s URL.'],
  [{ reason: 'noSpaceWithIdOrName', id: 'Nowhere', error: E404 },
    'No space with the id or name "Nowhere" that you can see: check it, use the space\'s URL, and make sure you are a member (or turn on admin access). (HTTP 404 NOT_FOUND: gone)'],
  [{ reason: 'spaceNameAmbiguous', displayName: 'Twins', count: 2 }, '2 spaces you can see are named "Twins": use the URL of the one you mean instead of its name.'],
  [{ reason: 'groupNeedsNamedSpace', space: DM },
    'Google Groups can only be added to named spaces, and spaces/D is a direct message: add the people one by one, or pick a named space.'],
  [{ reason: 'roleNeedsNamedSpace', space: CHAT }, 'Only named spaces have Managers and Owners, and "Lunch" is a group chat: set Role to Member or clear it.'],
  [{ reason: 'groupNotFound', email: 'team@example.com', error: null },
    'The group team@example.com was not found in your Google Workspace directory (or you have no Admin SDK access): use groups/{id} in the Member cell (the id is in the Admin console or the Cloud Identity Groups API).'],
  [{ reason: 'groupNotFound', email: 'team@example.com', error: E403 },
    'The group team@example.com was not found in your Google Workspace directory (or you have no Admin SDK access): use groups/{id} in the Member cell (the id is in the Admin console or the Cloud Identity Groups API). (HTTP 403 PERMISSION_DENIED: no)'],
  [{ reason: 'noOneWithAddress', email: 'alcie@example.com', view: 'admin' }, 'No one in your organisation has this address — check the spelling.'],
  [{ reason: 'noOneWithAddress', email: 'alcie@example.com', view: 'domain_public' },
    'No one in your organisation has this address — check the spelling. (The directory your organisation shares with you shows no suspended accounts and no groups: restore a suspended account first; for a group, write groups/ID.)'],
  [{ reason: 'outsiderUnderAdminAccess', email: 'pat@gmail.com' },
    'pat@gmail.com is from outside your organisation, and admin access can\'t add people from outside it: turn off admin access and run again as a manager of the space (which must allow people from outside your organisation), or add them in Google Chat.'],
  [{ reason: 'personAsGroup', email: 'alice@example.com' }, 'alice@example.com is a person, not a group: remove "group:" from the Member cell.'],
  [{ reason: 'groupAsPerson', email: 'team@example.com' }, 'team@example.com is a Google Group: write group:team@example.com in the Member cell.'],
  [{ reason: 'suspended', email: 'gone@example.com' }, 'gone@example.com is suspended in your Google Workspace directory: restore the account first, or delete this row.'],
  // An address that begins like a formula opens the sentence quoted: a plain-text Details cell would show an apostrophe.
  [{ reason: 'groupAsPerson', email: '-crew@example.com' }, '"-crew@example.com" is a Google Group: write group:-crew@example.com in the Member cell.'],
  [{ reason: 'suspended', email: '=sus@example.com' }, '"=sus@example.com" is suspended in your Google Workspace directory: restore the account first, or delete this row.'],
  [{ reason: 'repeat', row: 2, exact: true }, 'Same as row 2: delete this row.'],
  [{ reason: 'repeat', row: 2, exact: false }, 'Row 2 already covers this member in this space (written differently, e.g. an email and a users/ id): delete this row.'],
  [{ reason: 'conflict', row: 4, exact: true }, 'Conflicts with row 4 (same member and space, different role or action): keep one of the two rows.'],
  [{ reason: 'conflict', row: 4, exact: false },
    'Conflicts with row 4 (the same member in this space, written differently, with a different role or action): keep one of the two rows.'],
  [{ reason: 'spaceNotListed' }, 'The space could not be listed.'],
  [{ reason: 'membersNotListed', space: TEAM, error: E403 },
    'Google Chat won\'t show you the members of "Team": the member list may be hidden, or you are not a member. Ask a space manager, or turn on admin access. (HTTP 403 PERMISSION_DENIED: no)'],
  [{ reason: 'membersNotListed', space: TEAM, error: E404 }, 'Google Chat can\'t find the space "Team" any more. (HTTP 404 NOT_FOUND: gone)'],
  [{ reason: 'membersNotListed', space: TEAM, error: E500 }, 'Could not list the members of "Team": Google Chat had a temporary problem. (HTTP 500: oops)'],
  [{ reason: 'presenceUnknown', member: 'bob@example.com', space: TEAM, error: E403 },
    'Could not check whether bob@example.com is in "Team": Google Chat refused: check that you are a manager of this space (or turn on admin access) and, for people outside your organisation, that the space allows them. (HTTP 403 PERMISSION_DENIED: no)'],
  [{ reason: 'alreadyMember', role: 'ROLE_ASSISTANT_MANAGER' }, 'Already a member as Manager'],
  [{ reason: 'alreadyInvited', role: null }, 'Already invited; waiting for them to accept'],
  [{ reason: 'alreadyInvited', role: 'ROLE_MANAGER' }, 'Already invited; waiting for them to accept (the role Owner can be set once they have joined: run again then)'],
  [{ reason: 'groupPresent' }, 'The group is already in the space'],
  [{ reason: 'appPresent' }, 'The Chat app is already in the space'],
  [{ reason: 'notInSpace', throughGroup: false, invitationsHidden: false }, 'Not in the space'],
  [{ reason: 'notInSpace', throughGroup: true, invitationsHidden: true },
    'Not in the space as a direct member (if they belong through a Google Group, remove them from the group instead); with admin access Google does not list invitations, so a pending invitation would not show here'],
  [{ reason: 'lastOwner', member: 'boss@example.com', space: TEAM, removing: true },
    'boss@example.com is the only Owner of "Team": make someone else Owner before removing them, then run again.'],
  [{ reason: 'lastOwner', member: 'users/2', space: DM, removing: false },
    'users/2 is the only Owner of spaces/D: make someone else Owner before changing this role, then run again.'],
  [{ reason: 'appKept' }, 'Chat Roster never removes the Chat app: remove it from the space in Google Chat (the space\'s Apps & integrations).'],
  [{ reason: 'callerKept' }, 'This is your own account, which runs Chat Roster: leave the space in Google Chat yourself, or ask another manager to remove you.'],
  [{ reason: 'wouldAdd', memberKind: 'user', role: null }, 'Would add to the space'],
  [{ reason: 'wouldAdd', memberKind: 'group', role: null }, 'Would add the group to the space'],
  [{ reason: 'wouldAdd', memberKind: 'app', role: null }, 'Would add the Chat app to the space'],
  [{ reason: 'wouldAdd', memberKind: 'user', role: 'ROLE_ASSISTANT_MANAGER' }, 'Would add to the space as Manager'],
  [{ reason: 'wouldAdd', memberKind: 'user', role: null, outsider: true }, 'Would add to the space, if it allows people from outside your organisation'],
  [{ reason: 'wouldAdd', memberKind: 'user', role: 'ROLE_MANAGER', outsider: true },
    'Would add to the space as Owner, if it allows people from outside your organisation'],
  [{ reason: 'wouldChangeRole', from: 'ROLE_MEMBER', role: 'ROLE_MANAGER' }, 'Would change the role from Member to Owner'],
  [{ reason: 'wouldRemove', invited: false }, 'Would remove from the space'],
  [{ reason: 'wouldRemove', invited: true }, 'Would withdraw the invitation'],
  [{ reason: 'added', memberKind: 'user' }, 'Added to the space'],
  [{ reason: 'added', memberKind: 'group' }, 'Group added to the space'],
  [{ reason: 'added', memberKind: 'app' }, 'Chat app added to the space'],
  [{ reason: 'addedAs', role: 'ROLE_MANAGER' }, 'Added to the space as Owner'],
  [{ reason: 'invited', role: null }, 'Invited: the user must accept the invitation (their auto-accept is off)'],
  [{ reason: 'invited', role: 'ROLE_ASSISTANT_MANAGER' },
    'Invited: the user must accept the invitation (their auto-accept is off) (the role Manager can be set once they have joined: run again then)'],
  [{ reason: 'roleChanged', from: 'ROLE_MEMBER', role: 'ROLE_ASSISTANT_MANAGER' }, 'Role changed from Member to Manager'],
  [{ reason: 'roleChangedOnConflict', from: 'ROLE_MEMBER', role: 'ROLE_MANAGER' }, 'Was already a member; role changed from Member to Owner'],
  [{ reason: 'removed', invited: false }, 'Removed from the space'],
  [{ reason: 'removed', invited: true }, 'Invitation withdrawn'],
  [{ reason: 'alreadyRemoved' }, 'Not in the space (already removed)'],
  [{ reason: 'alreadyInSpace' }, 'Already in the space'],
  [{ reason: 'reportedInSpace' }, 'Already in the space (Google Chat reported it as existing)'],
  [{ reason: 'refused', error: { code: 400, status: 'INVALID_ARGUMENT', message: 'bad' }, adminAccess: false }, 'Google Chat rejected the request. (HTTP 400 INVALID_ARGUMENT: bad)'],
  [{ reason: 'refused', error: { code: 401, status: '', message: '' }, adminAccess: false }, 'Your authorisation has expired: reload the spreadsheet and run again. (HTTP 401)'],
  [{ reason: 'refused', error: { code: 409, status: 'ALREADY_EXISTS', message: 'x' }, adminAccess: false }, 'Google Chat reported a conflict. (HTTP 409 ALREADY_EXISTS: x)'],
  [{ reason: 'refused', error: { code: 418, status: '', message: 'teapot' }, adminAccess: false }, 'The call to Google Chat failed. (HTTP 418: teapot)'],
  // Admin access on: turning it on is no advice; what is left is the privilege, or a space outside the organisation.
  [{ reason: 'refused', error: E403, adminAccess: true },
    'Google Chat refused, though admin access is on: you need the Chat admin privilege (Admin console › Admin roles), and the space must be in your organisation. (HTTP 403 PERMISSION_DENIED: no)'],
  [{ reason: 'refused', error: E403, adminAccess: false },
    'Google Chat refused: check that you are a manager of this space (or turn on admin access) and, for people outside your organisation, that the space allows them. (HTTP 403 PERMISSION_DENIED: no)'],
  [{ reason: 'refused', error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'slow down' }, adminAccess: false },
    "Google Chat's rate limit was reached. (HTTP 429 RESOURCE_EXHAUSTED: slow down)"],
  [{ reason: 'roleNotSet', error: E403, adminAccess: false },
    'Added, but the role could not be set: Google Chat refused: check that you are a manager of this space (or turn on admin access) and, for people outside your organisation, that the space allows them. (HTTP 403 PERMISSION_DENIED: no)'],
  [{ reason: 'roleNotSetNoName' }, 'Added, but the role could not be set: Google Chat returned no membership name.'],
  [{ reason: 'roleNotChanged', error: E404, adminAccess: true },
    'Already a member, but the role could not be changed: Google Chat couldn\'t find it: the space or the person may not exist, or you can\'t see them. (HTTP 404 NOT_FOUND: gone)'],
  [{ reason: 'conflictUnconfirmed', conflict: { code: 409, status: 'ALREADY_EXISTS', message: 'exists' }, error: E404 },
    'Google Chat said this member is already in the space, but then couldn\'t find the membership. (HTTP 409 ALREADY_EXISTS: exists) (HTTP 404 NOT_FOUND: gone)'],
  [{ reason: 'chatNotAnswering', ref: { kind: 'displayName', displayName: 'Team' }, error: { code: 0, status: '', message: 'API call to chat.spaces.list failed with error: The service is currently unavailable.' } },
    'Google Chat is not answering about the space "Team" — nothing was changed, try again later. (HTTP status unknown: API call to chat.spaces.list failed with error: The service is currently unavailable.)'],
  [{ reason: 'removalNotFoundYetListed', error: E404 },
    "Not removed: Google Chat answered that this member isn't in the space, yet still lists them. (HTTP 404 NOT_FOUND: gone)"],
  [{ reason: 'spaceListedTwice', row: 3 }, 'Row 3 of the Spaces sheet already lists this space: keep one of the two rows.'],
  [{ reason: 'addOnlySpace' }, "Add-only: members the roster doesn't name stay in the space."],
  [{ reason: 'mirrorWouldRemove', members: ['a@example.com', 'group:g@example.com'], kept: [] }, '2 to remove: a@example.com, group:g@example.com.'],
  [{ reason: 'mirrorNothingToRemove', kept: ['o@example.com'] },
    'Mirror: no one to remove; every other member is named in the roster, is you, or is an app. Kept o@example.com: the last Owner.'],
  [{ reason: 'mirrorRemoved', removed: ['a@example.com'], failed: ['b@example.com'], pending: ['c@example.com'], unconfirmed: [], kept: [] },
    'Removed 1: a@example.com. Not removed, Google refused (the log and a new run tell more): b@example.com. 1 wait for the next run: c@example.com.'],
  [{ reason: 'mirrorRemoved', removed: ['a@example.com'], failed: [], pending: [], unconfirmed: ['n@example.com'], kept: [] },
    'Removed 1: a@example.com. Not confirmed in the sidebar, so left in the space (joined after the preview, or left out of the confirmation): n@example.com. Preview and Apply again to confirm, or the nightly sync removes them within Max removal %.'],
  [{ reason: 'mirrorOverLimit', members: ['a@example.com', 'b@example.com'], total: 5, max: 20 },
    'Held, nothing removed: 2 of 5 members (40%) would be removed, over Max removal % (20). To go ahead, Preview and then Apply in the sidebar and confirm this space (it lists them), or raise Max removal %: a@example.com, b@example.com.'],
  [{ reason: 'mirrorAwaitingConfirmation', members: ['a@example.com'] },
    'Held, nothing removed. Not confirmed in the sidebar, so left in the space (joined after the preview, or left out of the confirmation): a@example.com. Preview and Apply again to confirm, or the nightly sync removes them within Max removal %.'],
  [{ reason: 'mirrorUnmatchedRows', rows: [4, 9] },
    "Held, nothing removed: Chat Roster couldn't tell whom Roster rows 4, 9 of this space name (see their Details): fix them first."],
  [{ reason: 'mirrorCallerUnknown' },
    "Held, nothing removed: Chat Roster couldn't find your own account's Chat id in the directory, so it can't be sure to keep you."],
  [{ reason: 'ruleQueryRejected', query: "orgDept='Sales'", error: { code: 400, status: 'INVALID_ARGUMENT', message: 'Invalid Input: orgDept' } },
    'Google rejected the search "orgDept=\'Sales\'": Invalid Input: orgDept — see the user search guide, https://developers.google.com/admin-sdk/directory/v1/guides/search-users (HTTP 400 INVALID_ARGUMENT)'],
  [{ reason: 'ruleUnknownUnit', path: '/Sails', error: E404 },
    'Your directory has no organisational unit /Sails: copy its path from the Admin console (Directory › Organisational units), e.g. ou:/Sales/EMEA. (HTTP 404 NOT_FOUND: gone)'],
  [{ reason: 'ruleNoSuchGroup', email: 'tema@example.com', error: E404 },
    "Your directory has no group tema@example.com: check the group's email address in the Admin console or Google Groups. (HTTP 404 NOT_FOUND: gone)"],
  [{ reason: 'ruleDirectoryDenied', error: E403 },
    "Chat Roster needs the Directory admin view to expand rules — your account isn't allowed to list your organisation's users and groups: run it as an administrator who may read users and groups. (HTTP 403 PERMISSION_DENIED: no)"],
  [{ reason: 'ruleDirectoryFailed', error: E500 },
    "The directory couldn't expand this rule. (HTTP 500: oops)"],
  [{ reason: 'ruleCounts', people: 120, counts: { added: 5, invited: 1, alreadyIn: 112, held: 2 } },
    '120 people: 5 added, 1 invited, 112 already in, 2 held (the Chat Roster Log names them).'],
  [{ reason: 'ruleCounts', people: 120, counts: { wouldAdd: 5, wouldRaise: 1, alreadyIn: 114 } }, '120 people: would add 5, would raise 1, 114 already in.'],
  [{ reason: 'ruleCounts', people: 1, counts: { roleRaised: 1 } }, '1 person: 1 role raised.'],
  [{ reason: 'ruleCounts', people: 0, counts: {} }, '0 people: no active user matches this source now.'],
  [{ reason: 'notFinished' }, 'Chat Roster could not finish this row.'],
  [{ reason: 'stoppedByError', message: 'boom' }, 'Chat Roster stopped before this row because of an unexpected error. (boom)'],
];

const CELLS: [CellProblem, string][] = [
  [{ problem: 'memberEmpty' }, 'The Member cell is empty: enter an email address (alice@example.com), users/ID, group:EMAIL, groups/ID or app.'],
  [{ problem: 'notEmail', text: 'a@b' }, '"a@b" is not a valid email address: check the spelling.'],
  [{ problem: 'notGroupId', text: 'groups/a b' }, '"groups/a b" is not a group id: write groups/ followed by the id (e.g. groups/abc123), or group:EMAIL.'],
  [{ problem: 'notUserId', text: 'users/12a' }, '"users/12a" is not a user id: a user id is users/ followed by digits; or write the email address.'],
  [{ problem: 'notMember', text: 'Carol' },
    '"Carol" is not a member Chat Roster understands: use an email address (alice@example.com), users/ID, group:EMAIL, groups/ID or app.'],
  [{ problem: 'spaceEmpty' }, 'The Space cell is empty: enter the space\'s URL, spaces/ID, or the space\'s exact name.'],
  [{ problem: 'notSpaceLink', text: 'https://example.com/x' },
    '"https://example.com/x" is not a Google Chat space link: open the space in Chat and copy its URL, or use spaces/ID or the space\'s exact name.'],
  [{ problem: 'notSpaceId', text: 'spaces/a b' }, '"spaces/a b" is not a space id: write spaces/ followed by the id from the space\'s URL, or use the URL itself.'],
  [{ problem: 'badRole', text: 'Admin' }, 'Role "Admin" is not Member, Manager or Owner (leave it empty for Member).'],
  [{ problem: 'badAction', text: 'delete' }, 'Action "delete" is not add or remove (leave it empty for add).'],
  [{ problem: 'roleOnGroupOrApp' }, 'Groups and the Chat app have no role in a space: clear the Role cell.'],
  [{ problem: 'badMode', text: 'sync' }, 'Mode "sync" is not add-only or mirror (leave it empty for add-only).'],
  [{ problem: 'badMaxRemoval', text: '150' }, 'Max removal % "150" is not a number from 0 to 100 (leave it empty for 20).'],
  [{ problem: 'sourceEmpty' },
    'The Source cell is empty: enter ou:/Unit (the unit and every unit below it), ou=/Unit (that unit only), group:EMAIL, query:SEARCH or domain.'],
  [{ problem: 'badSource', text: 'team@example.com' },
    'Source "team@example.com" is not one Chat Roster understands: use ou:/Unit (the unit and every unit below it), ou=/Unit (that unit only), group:EMAIL, query:SEARCH or domain.'],
  [{ problem: 'badSourceGroup', text: 'group:team' }, '"group:team" is not a group\'s email address: write group: followed by it, e.g. group:team@example.com.'],
  [{ problem: 'badSourceUnit', text: 'ou:' }, '"ou:" names no unit: write ou: or ou= followed by the unit\'s path as the Admin console shows it, e.g. ou:/Sales/EMEA.'],
  [{ problem: 'sourceQueryEmpty' },
    'The search after "query:" is empty: write a Directory user search, e.g. query:orgDepartment=\'Sales\' (see https://developers.google.com/admin-sdk/directory/v1/guides/search-users).'],
];

describe('details.ts', () => {
  it.each(SENTENCES.map(([detail, sentence]) => [detail.reason, detail, sentence] as const))('%s', (_reason, detail, sentence) => {
    expect(detailsOf(detail)).toBe(sentence);
  });

  it('has a sentence for every reason (the table above covers them all)', () => {
    // A Record over Reason: a new reason fails the typecheck here until it is added, then the test until it has a row above.
    const every: Record<Reason, true> = {
      queued: true, queuedRolePatch: true, queuedChanged: true, invalidCells: true, spaceUnresolved: true, spaceNotOpened: true, noSpaceNamed: true,
      noSpaceWithIdOrName: true, spaceNameAmbiguous: true, groupNeedsNamedSpace: true, roleNeedsNamedSpace: true, groupNotFound: true,
      noOneWithAddress: true, outsiderUnderAdminAccess: true,
      personAsGroup: true, groupAsPerson: true, suspended: true, repeat: true, conflict: true, spaceNotListed: true,
      membersNotListed: true, presenceUnknown: true, alreadyMember: true, alreadyInvited: true, groupPresent: true, appPresent: true,
      notInSpace: true, lastOwner: true, appKept: true, callerKept: true, wouldAdd: true, wouldChangeRole: true, wouldRemove: true,
      added: true, addedAs: true, invited: true, roleChanged: true, roleChangedOnConflict: true, removed: true, alreadyRemoved: true,
      alreadyInSpace: true, reportedInSpace: true, refused: true, roleNotSet: true, roleNotSetNoName: true, roleNotChanged: true,
      conflictUnconfirmed: true, removalNotFoundYetListed: true, chatNotAnswering: true, notFinished: true, stoppedByError: true, spaceListedTwice: true, addOnlySpace: true,
      mirrorWouldRemove: true, mirrorNothingToRemove: true, mirrorRemoved: true, mirrorOverLimit: true, mirrorAwaitingConfirmation: true, mirrorUnmatchedRows: true,
      mirrorCallerUnknown: true, ruleQueryRejected: true, ruleUnknownUnit: true, ruleNoSuchGroup: true, ruleDirectoryDenied: true,
      ruleDirectoryFailed: true, ruleCounts: true,
    };
    expect([...new Set(SENTENCES.map(([detail]) => detail.reason))].sort()).toEqual(Object.keys(every).sort());
  });

  it.each(CELLS.map(([cell, sentence]) => [cell.problem, cell, sentence] as const))('cell problem %s', (_problem, cell, sentence) => {
    expect(cellProblemText(cell)).toBe(sentence);
  });

  it('renders an outcome as its cells', () => {
    expect(rendered({ sheetRow: 7, status: 'UNCHANGED', reason: 'alreadyMember', role: 'ROLE_MEMBER' }))
      .toEqual({ sheetRow: 7, status: 'UNCHANGED', details: 'Already a member as Member' });
  });

  const ADMIN_MOVE = 'Your side: fix this, then run again.';
  const GOOGLE_MOVE = "Google's side — try again later; nothing for you to fix.";
  const NO_MOVE = 'Nothing to fix: Chat Roster holds this on purpose.';
  const E429: ApiError = { code: 429, status: 'RESOURCE_EXHAUSTED', message: '' };
  it.each([
    // Google's side: 5xx, 429, and what didn't finish or couldn't be read, whatever the status.
    [{ sheetRow: 2, status: 'ERROR', reason: 'refused', error: E500, adminAccess: false }, GOOGLE_MOVE],
    [{ sheetRow: 2, status: 'ERROR', reason: 'refused', error: E429, adminAccess: true }, GOOGLE_MOVE],
    [{ sheetRow: 2, status: 'ERROR', reason: 'membersNotListed', space: TEAM, error: E500 }, GOOGLE_MOVE],
    [{ sheetRow: 2, status: 'ERROR', reason: 'spaceNotListed' }, GOOGLE_MOVE],
    [{ sheetRow: 2, status: 'ERROR', reason: 'notFinished' }, GOOGLE_MOVE],
    [{ sheetRow: 2, status: 'ERROR', reason: 'ruleDirectoryFailed', error: E0 }, GOOGLE_MOVE],
    // A membership call with no HTTP status: UrlFetchApp threw (the transport failed).
    [{ sheetRow: 2, status: 'ERROR', reason: 'refused', error: E0, adminAccess: false }, GOOGLE_MOVE],
    [{ sheetRow: 2, status: 'ERROR', reason: 'noSpaceWithIdOrName', id: 'X', error: E0 }, ADMIN_MOVE],
    // The administrator's: the row, the sheet, or their access.
    [{ sheetRow: 2, status: 'ERROR', reason: 'refused', error: E403, adminAccess: true }, ADMIN_MOVE],
    [{ sheetRow: 2, status: 'ERROR', reason: 'presenceUnknown', member: 'a@example.com', space: TEAM, error: E404 }, ADMIN_MOVE],
    [{ sheetRow: 2, status: 'INVALID', reason: 'invalidCells', problems: [{ problem: 'memberEmpty' }] }, ADMIN_MOVE],
    [{ sheetRow: 2, status: 'INVALID', reason: 'spaceNotOpened', ref: { kind: 'name', name: 'spaces/X' }, error: E0 }, ADMIN_MOVE],
    [{ sheetRow: 2, status: 'HELD', reason: 'suspended', email: 'a@example.com' }, ADMIN_MOVE],
    // No one's: a guard holds it on purpose.
    [{ sheetRow: 2, status: 'HELD', reason: 'lastOwner', member: 'a@example.com', space: TEAM, removing: true }, NO_MOVE],
    [{ sheetRow: 2, status: 'HELD', reason: 'callerKept' }, NO_MOVE],
    [{ sheetRow: 2, status: 'HELD', reason: 'mirrorOverLimit', members: ['a'], total: 2, max: 20 }, NO_MOVE],
  ] as const)('a problem row says whose move it is: %j', (outcome, move) => {
    const { details } = rendered(outcome);
    expect(details).toBe(`${detailsOf(outcome)} ${move}`);
  });

  it.each(['ADDED', 'UNCHANGED', 'PENDING', 'WOULD_ADD'] as const)('a %s row says no more than its reason', (status) => {
    expect(rendered({ sheetRow: 2, status, reason: 'queued' }).details).toBe('Queued: Chat Roster continues with this row in its next execution.');
  });
});
