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
import type { Intent, MemberRef, Membership, RowOutcome } from './model';
import type { ApiError, Directory, DirectoryEntry, MemberCall, MemberSender } from './ports';
import { memberLabel } from './refs';
import { pendingOutcome } from './outcomes';
import { findTargetRepeats } from './repeats';
import { memberNameOf, type SpaceSnapshot } from './snapshot';
import { spaceLabel, type SpaceInfo } from './spaces';

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

export interface Target { intent: Intent; space: SpaceInfo; member: ResolvedMember }

export interface Resolved { targets: Target[]; outcomes: RowOutcome[] }

export interface DirectoryView { entries: Map<string, DirectoryEntry>; failure: ApiError | null }

export function lookUp(directory: Directory, emails: string[]): DirectoryView {
  if (emails.length === 0) return { entries: new Map(), failure: null };
  try {
    const result = directory.lookup(emails);
    return result.ok ? { entries: result.value, failure: null } : { entries: result.known ?? new Map(), failure: result.error };
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
export type Resolution =
  | { member: ResolvedMember; heldWhenAdding: string | null }
  | { status: 'INVALID' | 'ERROR'; details: string };

export function resolveRef(ref: MemberRef, view: DirectoryView): Resolution {
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
  resolved.forEach((target) => {
    const repeat = repeats.get(target.intent.sheetRow);
    if (repeat === undefined) kept.push(target);
    else outcomes.push({ sheetRow: target.intent.sheetRow, status: 'INVALID', details: repeat });
  });
  return { targets: kept, outcomes };
}

/**
 * What members.get by email alias taught: email → users/{id}, for the people Chat says are in the
 * organisation. Those may be added by id in another space; a person from outside must be added by email
 * (reference §6), so they are not remembered (`affiliation` is the newest field and may be absent: then
 * nothing is remembered and the next execution asks again).
 */
export function probeAnswers(targets: readonly Target[]): Map<string, DirectoryEntry> {
  const learned = new Map<string, DirectoryEntry>();
  for (const { member } of targets) {
    const membership: (Membership & { affiliation?: unknown }) | null | undefined = member.probed;
    if (member.kind !== 'user' || !member.email || !membership || !member.name?.startsWith('users/')) continue;
    if (membership.affiliation === 'INTERNAL') learned.set(member.email, { kind: 'user', name: member.name });
  }
  return learned;
}

/** Gives the directory what the probes learned, for the run's later executions; never fails the run. */
export function rememberProbeAnswers(directory: Directory, targets: readonly Target[]): void {
  if (!directory.remember) return;
  const learned = probeAnswers(targets);
  if (learned.size === 0) return;
  try {
    directory.remember(learned);
  } catch {
    // Not kept: the next execution probes again.
  }
}
