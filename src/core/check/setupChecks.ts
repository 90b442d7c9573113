/**
 * checkSetup (DESIGN.md §2): the Google side checked before anything runs — permissions, the Chat app,
 * Directory access, the admin privilege when admin access is on, and one read of each space the roster
 * names. The adapter gathers the facts through the ports (readRosterSpaces here does the space reads);
 * setupReport turns them into lines, deciding on HTTP statuses, never on Google's messages.
 */
import { thrownError } from '../apiErrors';
import { detailsOf, httpNote } from '../details';
import type { SpaceRef } from '../model';
import type { ApiError, ChatGateway, MemberCall, MemberReply, Result } from '../ports';
import { spaceKey } from '../rows/refs';
import { MAX_BATCH } from '../apply/pacedSender';
import { ADMIN_LIST_FILTER } from '../resolve/takeSnapshots';
import { resolveSpaces } from '../resolve/resolveSpaces';
import type { SetupCheck, SetupReport } from '../../shared/setup';

export interface ScopeGap {
  scope: string;
  purpose: string;
}

export type DirectoryMode = 'admin' | 'domain_public' | 'none';

export interface SetupFacts {
  /** Scopes every run needs, the nightly sync's, the Directory's and admin access's, not granted. */
  missing: { required: ScopeGap[]; nightly: ScopeGap[]; directory: ScopeGap[]; adminAccess: ScopeGap[] };
  /** The sentence that asks for the missing scopes (the consent adapter writes it). */
  consentFix: (missing: ScopeGap[]) => string;
  adminAccess: boolean;
  /** One spaces.list read; null when skipped (its permissions are missing). */
  chatApi: Result<true> | null;
  /** How the caller can read the Directory; null when skipped. */
  directory: { mode: DirectoryMode; detail: string } | null;
  /** One admin read, when admin access is on, its scopes are granted and Google Chat answered; else null. */
  adminPrivilege: Result<true> | null;
  /** One read per space the roster names; null when skipped (permissions missing, or Google Chat didn't answer). */
  spaces: SpaceRead[] | null;
  /** Why the roster's spaces could not be listed (no sheet, missing headers); '' otherwise. */
  rosterProblem: string;
}

export type SpaceRead = { label: string; ok: true } | { label: string; ok: false; error?: ApiError; details: string };

const line = (name: string, outcome: SetupCheck['outcome'], detail: string, fix = ''): SetupCheck => ({ name, outcome, detail, fix });
const scopeList = (gaps: ScopeGap[]) => gaps.map((gap) => gap.scope.slice(gap.scope.lastIndexOf('/') + 1)).join(', ');

function permissionsLine(facts: SetupFacts): SetupCheck {
  const { required, adminAccess } = facts.missing;
  const blocking = [...required, ...(facts.adminAccess ? adminAccess : [])];
  if (blocking.length > 0) return line('Permissions', 'failed', `Not granted: ${scopeList(blocking)}.`, facts.consentFix(blocking));
  return line('Permissions', 'ok', 'Every permission Chat Roster needs to run is granted.');
}

function nightlyLine(facts: SetupFacts): SetupCheck | null {
  const { nightly } = facts.missing;
  if (nightly.length === 0) return null;
  return line('Nightly sync permission', 'warning', `Not granted: ${scopeList(nightly)}, so the nightly sync can't be turned on.`, facts.consentFix(nightly));
}

function chatLine(result: Result<true> | null): SetupCheck {
  const name = 'Google Chat API and Chat app';
  if (!result) return line(name, 'skipped', 'Not checked until the permissions above are granted.');
  if (result.ok) return line(name, 'ok', 'Google Chat answered.');
  const { error } = result;
  if (error.code === 404) {
    return line(name, 'failed', `The Cloud project has no Chat app configured, so Google Chat refuses every change. ${httpNote(error)}`,
      'In the Google Cloud console of the script\'s project, open Google Chat API › Configuration, give the app a name, an avatar URL and a description (leave "Build this Chat app as a Workspace add-on" unticked), and save.');
  }
  if (error.code === 403) {
    return line(name, 'failed', `Google Chat refused the project. ${httpNote(error)}`,
      'Enable the Google Chat API in the script\'s Cloud project (APIs & Services › Library), then check setup again.');
  }
  return line(name, 'failed', `Google Chat did not answer; this is on Google's side or the network's. ${httpNote(error)}`, 'Try again in a few minutes.');
}

function directoryLine(facts: SetupFacts): SetupCheck {
  const name = 'Directory access';
  const { directory } = facts.missing;
  if (!facts.directory) return line(name, 'skipped', 'Not checked until the permissions above are granted.');
  if (facts.directory.mode === 'admin') return line(name, 'ok', facts.directory.detail);
  const fix = directory.length > 0
    ? facts.consentFix(directory)
    : 'Optional: run as an administrator with Directory read access, or ask one to turn on directory sharing (Admin console › Directory › Directory settings › Sharing settings).';
  return line(name, 'warning', facts.directory.detail, fix);
}

/** Google Chat refused or didn't answer: every later Chat read would only repeat that line, so they are skipped. */
const chatFailed = (facts: SetupFacts) => facts.chatApi !== null && !facts.chatApi.ok;
const UNTIL_CHAT = 'Not checked until Google Chat answers (see above).';

function adminLine(facts: SetupFacts): SetupCheck {
  const name = 'Admin access';
  if (!facts.adminAccess) return line(name, 'ok', 'Off: Chat Roster manages the spaces you manage yourself.');
  const result = facts.adminPrivilege;
  if (!result) {
    return line(name, 'skipped', chatFailed(facts) ? 'On, but not checked until Google Chat answers (see above).' : 'On, but not checked until its permissions are granted.');
  }
  if (result.ok) return line(name, 'ok', 'On, and Google accepts your admin privilege.');
  if (result.error.code === 403) {
    return line(name, 'failed', `On, but Google refused it: your account lacks the "Manage chat and spaces conversations" admin privilege. ${httpNote(result.error)}`,
      'Ask a super administrator to grant that privilege (Admin console › Account › Admin roles), or turn admin access off in the sidebar.');
  }
  return line(name, 'failed', `On, but the check did not get an answer from Google. ${httpNote(result.error)}`, 'Try again in a few minutes.');
}

function spaceFix(error: ApiError | undefined, adminAccess: boolean): string {
  if (error?.code === 403) {
    return adminAccess ? 'Check that the space belongs to your organisation.' : 'Ask a manager of the space to add you as a Manager, or turn on admin access.';
  }
  if (error?.code === 404) return 'Check the Space cell: the space may have been deleted, or the ID or link is wrong.';
  if (error && (error.code === 0 || error.code === 429 || error.code >= 500)) return 'Google did not answer: try again in a few minutes.';
  // Not found by its ID, link or name: a typo, or (without admin access) a space you aren't in.
  return adminAccess ? 'Check the Space cell of the rows that name it: the space may not exist, or the ID, link or name is wrong.'
    : 'Check the Space cell of the rows that name it, and that you are a member of that space (or turn on admin access).';
}

function spaceLines(facts: SetupFacts): SetupCheck[] {
  const name = 'Spaces in the roster';
  if (facts.rosterProblem) return [line(name, 'skipped', facts.rosterProblem)];
  if (!facts.spaces) return [line(name, 'skipped', chatFailed(facts) ? UNTIL_CHAT : 'Not checked until the permissions above are granted.')];
  const failed = facts.spaces.filter((read): read is Extract<SpaceRead, { ok: false }> => !read.ok);
  const total = facts.spaces.length;
  if (total === 0) return [line(name, 'ok', 'The roster names no space yet.')];
  const head = failed.length === 0
    ? line(name, 'ok', `${total === 1 ? 'The one space' : `All ${total} spaces`} the roster names could be read.`)
    : line(name, 'failed', `${failed.length} of ${total} spaces could not be read.`, 'See the lines below.');
  return [head, ...failed.map((read) => line(`Space ${read.label}`, 'failed', read.details, spaceFix(read.error, facts.adminAccess)))];
}

export function setupReport(facts: SetupFacts): SetupReport {
  const checks = [permissionsLine(facts), nightlyLine(facts), chatLine(facts.chatApi), directoryLine(facts), adminLine(facts), ...spaceLines(facts)]
    .filter((check): check is SetupCheck => check !== null);
  const failed = checks.filter((check) => check.outcome === 'failed').length;
  const warnings = checks.filter((check) => check.outcome === 'warning').length;
  const summary = failed > 0
    ? `${failed} ${failed === 1 ? 'check' : 'checks'} failed: fix ${failed === 1 ? 'it' : 'them'} before previewing or applying.`
    : warnings > 0 ? 'Chat Roster can run; see the warnings for what would make it better.' : 'Everything is ready: preview the roster, then apply it.';
  return { ok: failed === 0, checks, summary };
}

/** One members.list of one membership per space (with admin access, the filter admin listing requires). */
function readCall(space: string, useAdminAccess: boolean): MemberCall {
  const call: MemberCall = { method: 'list', parent: space, pageSize: 1, showInvited: false, showGroups: false };
  if (useAdminAccess) {
    call.filter = ADMIN_LIST_FILTER;
    call.useAdminAccess = true;
  }
  return call;
}

/** A Space cell as the administrator wrote it, and what it names. */
export interface SpaceCell {
  cell: string;
  ref: SpaceRef;
}

/** Each distinct space the cells name: found (spaces.get, list or search), then one read of its members. */
export function readRosterSpaces(chat: ChatGateway, cells: readonly SpaceCell[], useAdminAccess: boolean): SpaceRead[] {
  const resolved = resolveSpaces(chat, cells.map((cell) => cell.ref), useAdminAccess);
  const reads: SpaceRead[] = [];
  const found: { label: string; name: string }[] = [];
  const seen = new Set<string>();
  for (const { cell, ref } of cells) {
    const key = spaceKey(ref);
    if (seen.has(key)) continue;
    seen.add(key);
    const resolution = resolved.get(key);
    const label = `"${cell}"`;
    if (!resolution) continue;
    if (!resolution.ok) reads.push({ label, ok: false, details: detailsOf(resolution.problem) });
    // A space named by its ID on one row and by its name on another is read once.
    else if (!found.some((space) => space.name === resolution.space.name)) found.push({ label, name: resolution.space.name });
  }
  let replies: MemberReply[] = [];
  try {
    for (let start = 0; start < found.length; start += MAX_BATCH) {
      replies = replies.concat(chat.send(found.slice(start, start + MAX_BATCH).map((space) => readCall(space.name, useAdminAccess))));
    }
  } catch (thrown) {
    const error = thrownError(thrown);
    return [...reads, ...found.map(({ label }) => ({ label, ok: false as const, error, details: `Could not read its members. ${httpNote(error)}` }))];
  }
  found.forEach(({ label }, index) => {
    const reply = replies[index];
    if (reply && reply.code >= 200 && reply.code < 300) reads.push({ label, ok: true });
    else {
      const error = reply?.error ?? { code: reply?.code ?? 0, status: '', message: '' };
      reads.push({ label, ok: false, error, details: `Could not read its members. ${httpNote(error)}` });
    }
  });
  return reads;
}
