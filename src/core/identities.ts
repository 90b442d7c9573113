/**
 * Members → Chat identities. List output names people only as users/{numeric id} (reference §3), so emails
 * are resolved first: the Admin SDK Directory in ONE bulk lookup; for emails it doesn't know (people outside
 * the organisation) or when the caller has no directory access, members.get with the email alias in each
 * target space, which answers "present?" and the canonical name at once.
 *
 * Choices: adding a user the directory marks suspended is HELD (restore the account first); removing one
 * goes ahead. A plain email that the directory knows as a group, or group: on a person, is INVALID.
 */
import { explain, httpNote, replyError, thrownError } from './apiErrors';
import type { Intent, MemberRef, Membership, RowOutcome, SpaceRef } from './model';
import type { ApiError, Directory, DirectoryEntry, MemberCall, MemberSender } from './ports';
import { memberLabel, spaceKey } from './refs';
import { pendingOutcome } from './outcomes';
import { findRepeats, findTargetRepeats, identityOf, Numbering, type RepeatKeys } from './repeats';
import { memberNameOf, type SpaceSnapshot } from './snapshot';
import { spaceLabel, spaceTypeProblem, type SpaceInfo, type SpaceResolution } from './spaces';

export interface ResolvedMember {
  kind: 'user' | 'group' | 'app';
  /** Canonical users/{id} or groups/{id}; null while only the email is known (or for the app). */
  name: string | null;
  /** Lower-case email when the row gave one. */
  email: string | null;
  /** How Details name the member: the email, the id, or "the Chat app". */
  label: string;
  /** What members.get by alias found: undefined = not asked (use the snapshot), null = not in the space. */
  probed?: Membership | null;
}

/**
 * Intents and, at the same index, the space each one names: two arrays rather than a million pair
 * objects that would all live until resolution is done (DESIGN.md §5).
 */
export interface SpaceTargets { intents: Intent[]; spaces: SpaceInfo[] }

/**
 * Intents whose space resolved, paired with it; the others end as ERROR (space not resolved) or INVALID
 * (a group or a role where the space type allows none). Rows naming one space share its ref and come
 * mostly space by space, so the previous row's answer is reused.
 */
export function pairWithSpaces(
  intents: readonly Intent[], spaces: ReadonlyMap<string, SpaceResolution>, outcomes: RowOutcome[],
  onResolved?: (sheetRow: number, space: SpaceInfo) => void,
): SpaceTargets {
  const pairs: SpaceTargets = { intents: [], spaces: [] };
  let lastRef: SpaceRef | null = null;
  let resolved: SpaceResolution | undefined;
  for (const intent of intents) {
    if (intent.space !== lastRef) {
      lastRef = intent.space;
      resolved = spaces.get(spaceKey(intent.space));
    }
    if (!resolved || !resolved.ok) {
      outcomes.push({ sheetRow: intent.sheetRow, status: 'ERROR', details: resolved ? resolved.details : 'The space could not be resolved.' });
      continue;
    }
    onResolved?.(intent.sheetRow, resolved.space);
    const problem = spaceTypeProblem(intent, resolved.space);
    if (problem) {
      outcomes.push({ sheetRow: intent.sheetRow, status: 'INVALID', details: problem });
    } else {
      pairs.intents.push(intent);
      pairs.spaces.push(resolved.space);
    }
  }
  return pairs;
}
export interface Target { intent: Intent; space: SpaceInfo; member: ResolvedMember }

export interface Resolved { targets: Target[]; outcomes: RowOutcome[] }

interface DirectoryView { entries: Map<string, DirectoryEntry>; failure: ApiError | null }

function lookUp(directory: Directory, emails: string[]): DirectoryView {
  if (emails.length === 0) return { entries: new Map(), failure: null };
  try {
    const result = directory.lookup(emails);
    return result.ok ? { entries: result.value, failure: null } : { entries: new Map(), failure: result.error };
  } catch (thrown) {
    return { entries: new Map(), failure: thrownError(thrown) };
  }
}

function groupNotFound(email: string, failure: ApiError | null): string {
  const base = `The group ${email} was not found in your Google Workspace directory (or you have no Admin SDK access): use groups/{id} in the Member cell (the id is in the Admin console or the Cloud Identity Groups API).`;
  return failure ? `${base} ${httpNote(failure)}` : base;
}

/**
 * What the directory says about one member ref, whatever the row: a member to target (held when adding a
 * suspended user), or an outcome for every row naming it.
 */
type Resolution =
  | { member: ResolvedMember; heldWhenAdding: string | null }
  | { status: 'INVALID' | 'ERROR'; details: string };

function resolveRef(ref: MemberRef, view: DirectoryView): Resolution {
  const label = memberLabel(ref);
  switch (ref.kind) {
    case 'userId': return { member: { kind: 'user', name: ref.name, email: null, label }, heldWhenAdding: null };
    case 'groupId': return { member: { kind: 'group', name: ref.name, email: null, label }, heldWhenAdding: null };
    case 'app': return { member: { kind: 'app', name: null, email: null, label }, heldWhenAdding: null };
    case 'groupEmail': {
      const entry = view.entries.get(ref.email);
      if (!entry) return { status: 'ERROR', details: groupNotFound(ref.email, view.failure) };
      if (entry.kind === 'user') {
        return { status: 'INVALID', details: `${ref.email} is a person, not a group: remove "group:" from the Member cell.` };
      }
      return { member: { kind: 'group', name: entry.name, email: ref.email, label }, heldWhenAdding: null };
    }
    case 'userEmail': {
      const entry = view.entries.get(ref.email);
      if (!entry) return { member: { kind: 'user', name: null, email: ref.email, label }, heldWhenAdding: null };
      if (entry.kind === 'group') {
        return { status: 'INVALID', details: `${ref.email} is a Google Group: write group:${ref.email} in the Member cell.` };
      }
      const held = entry.suspended
        ? `${ref.email} is suspended in your Google Workspace directory: restore the account first, or delete this row.`
        : null;
      return { member: { kind: 'user', name: entry.name, email: ref.email, label }, heldWhenAdding: held };
    }
  }
}

/** A member ref's normalised name, unique within its kind (people and groups may share an email). */
function nameOf(ref: MemberRef): string {
  switch (ref.kind) {
    case 'userEmail': case 'groupEmail': return ref.email;
    case 'userId': case 'groupId': return ref.name;
    case 'app': return 'app';
  }
}

/**
 * Numbers for findRepeats: each row's space, the person, group or app its member resolved to (-1 when it
 * resolved to none: the row already has its outcome), and its distinct member cell (`memberOf`).
 */
function repeatKeys(pairs: SpaceTargets, memberOf: Int32Array, resolutions: readonly Resolution[]): RepeatKeys {
  const identities = new Numbering();
  const identityOfRef = resolutions.map((resolution) => ('status' in resolution ? -1 : identities.of(identityOf(resolution.member))));
  const count = pairs.intents.length;
  const keys: RepeatKeys = { spaces: new Int32Array(count), members: new Int32Array(count), written: memberOf };
  const spaceNumbers = new Numbering();
  let lastSpace: SpaceInfo | null = null;
  let spaceNumber = -1;
  for (let index = 0; index < count; index++) {
    // Rows naming one space share its SpaceInfo, and come mostly space by space.
    if (pairs.spaces[index] !== lastSpace) {
      lastSpace = pairs.spaces[index];
      spaceNumber = spaceNumbers.of(lastSpace.name);
    }
    keys.spaces[index] = spaceNumber;
    keys.members[index] = identityOfRef[memberOf[index]];
  }
  return keys;
}

/**
 * One Directory lookup for every email of the roster (and the caller's, to know their users/{id} for the
 * self-removal guard). Returns the caller's canonical name when the directory knows it.
 * Each distinct member is resolved once, and its ResolvedMember shared by the rows naming it: one Map
 * lookup per row and no object but its Target (DESIGN.md §5: a million rows). Rows that name one member
 * of one space twice end here as INVALID (repeats.ts), the first of them before a suspended user is HELD.
 */
export function resolveWithDirectory(
  directory: Directory, pairs: SpaceTargets, callerEmail: string,
): Resolved & { callerName: string | null } {
  const { intents, spaces } = pairs;
  const numbers: Record<MemberRef['kind'], Map<string, number>> = {
    userEmail: new Map(), groupEmail: new Map(), userId: new Map(), groupId: new Map(), app: new Map(),
  };
  const distinct: MemberRef[] = [];
  const emails: string[] = [];
  /** Per intent: its member's index in `distinct`. */
  const memberOf = new Int32Array(intents.length);
  for (let index = 0; index < intents.length; index++) {
    const ref = intents[index].member;
    const byName = numbers[ref.kind];
    const name = nameOf(ref);
    let number = byName.get(name);
    if (number === undefined) {
      // A person's and a group's email may be the same text: it is looked up once.
      const isEmail = ref.kind === 'userEmail' || ref.kind === 'groupEmail';
      if (isEmail && !numbers.userEmail.has(ref.email) && !numbers.groupEmail.has(ref.email)) emails.push(ref.email);
      byName.set(name, (number = distinct.length));
      distinct.push(ref);
    }
    memberOf[index] = number;
  }
  const caller = callerEmail.trim().toLowerCase();
  if (emails.length > 0 && caller && !numbers.userEmail.has(caller) && !numbers.groupEmail.has(caller)) emails.push(caller);
  const view = lookUp(directory, emails);
  const resolutions = distinct.map((ref) => resolveRef(ref, view));
  const repeats = findRepeats(intents, repeatKeys(pairs, memberOf, resolutions));

  const targets: Target[] = [];
  const outcomes: RowOutcome[] = [];
  for (let index = 0; index < intents.length; index++) {
    const intent = intents[index];
    const resolution = resolutions[memberOf[index]];
    const repeat = repeats.size > 0 ? repeats.get(index) : undefined;
    if ('status' in resolution) {
      outcomes.push({ sheetRow: intent.sheetRow, status: resolution.status, details: resolution.details });
    } else if (repeat !== undefined) {
      outcomes.push({ sheetRow: intent.sheetRow, status: 'INVALID', details: repeat });
    } else if (resolution.heldWhenAdding !== null && intent.action === 'add') {
      outcomes.push({ sheetRow: intent.sheetRow, status: 'HELD', details: resolution.heldWhenAdding });
    } else {
      targets.push({ intent, space: spaces[index], member: resolution.member });
    }
  }
  const callerEntry = caller ? view.entries.get(caller) : undefined;
  return { targets, outcomes, callerName: callerEntry?.kind === 'user' ? callerEntry.name : null };
}

/**
 * Targets whose presence only members.get can tell: users known by email only, the app, and users the
 * snapshot doesn't show in a space whose invitations Google wouldn't list (admin access) — without that
 * get, an invited person would be re-created (a wasted write and a 409) on every run.
 */
function needsProbe(target: Target, snapshots: ReadonlyMap<string, SpaceSnapshot>): boolean {
  const { member } = target;
  if (member.kind === 'app') return true;
  if (member.kind !== 'user') return false;
  if (member.name === null) return true;
  const snapshot = snapshots.get(target.space.name);
  return snapshot !== undefined && !snapshot.invitedListed && !snapshot.members.has(member.name);
}

type GetCall = Extract<MemberCall, { method: 'get' }>;

function probeCall(target: Target, useAdminAccess: boolean): GetCall {
  if (target.member.kind === 'app') {
    // Admin access can't read app memberships (reference §8): the app is always asked about as the user.
    return { method: 'get', name: `${target.space.name}/members/app` };
  }
  const { email, name } = target.member;
  const segment = email ?? (name ?? '').slice('users/'.length);
  const call: GetCall = { method: 'get', name: `${target.space.name}/members/${segment}` };
  if (useAdminAccess) call.useAdminAccess = true;
  return call;
}

function probed(target: Target, membership: Membership | null): Target {
  const name = target.member.kind === 'user' && membership ? memberNameOf(membership) : target.member.name;
  return { ...target, member: { ...target.member, name, probed: membership } };
}

/**
 * members.get (by email alias where needed), one per (space, member), batched; fills `member.probed` and the
 * canonical name. Rows that turn out to name one member twice in a space are INVALID (repeats.ts).
 */
export function probeByAlias(
  sender: MemberSender, targets: readonly Target[], snapshots: ReadonlyMap<string, SpaceSnapshot>, useAdminAccess: boolean,
): Resolved {
  const calls: GetCall[] = [];
  const callIndex = new Map<string, number>();
  for (const target of targets) {
    if (!needsProbe(target, snapshots)) continue;
    const call = probeCall(target, useAdminAccess);
    if (!callIndex.has(call.name)) {
      callIndex.set(call.name, calls.length);
      calls.push(call);
    }
  }
  const replies = sender.send(calls);
  const resolved: Target[] = [];
  const outcomes: RowOutcome[] = [];
  for (const target of targets) {
    const index = needsProbe(target, snapshots) ? callIndex.get(probeCall(target, useAdminAccess).name) : undefined;
    const reply = index === undefined ? undefined : replies[index];
    if (!reply) {
      resolved.push(target);
    } else if (reply.deferred) {
      outcomes.push(pendingOutcome(target.intent.sheetRow));
    } else if (reply.code >= 200 && reply.code <= 299) {
      const membership = reply.membership ?? null;
      resolved.push(probed(target, membership && membership.state !== 'NOT_A_MEMBER' ? membership : null));
    } else if (reply.code === 404) {
      resolved.push(probed(target, null));
    } else {
      outcomes.push({
        sheetRow: target.intent.sheetRow, status: 'ERROR',
        details: explain(replyError(reply), `Could not check whether ${target.member.label} is in ${spaceLabel(target.space)}:`),
      });
    }
  }
  if (calls.length === 0) return { targets: resolved, outcomes };
  // A probe can reveal that an email names someone another row names by users/ID.
  const repeats = findTargetRepeats(resolved);
  if (repeats.size === 0) return { targets: resolved, outcomes };
  const kept: Target[] = [];
  resolved.forEach((target, index) => {
    const repeat = repeats.get(index);
    if (repeat === undefined) kept.push(target);
    else outcomes.push({ sheetRow: target.intent.sheetRow, status: 'INVALID', details: repeat });
  });
  return { targets: kept, outcomes };
}
