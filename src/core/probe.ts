/**
 * members.get by email alias (reference §6): where the directory gave no users/{id} (people outside the
 * organisation, a caller without directory access) or where the snapshot can't tell (invitations hidden
 * from admin access), one get per (space, member) answers "present?" and the canonical name at once.
 * What it teaches is remembered for the run's later executions (rememberProbeAnswers).
 */
import { explain, replyError } from './apiErrors';
import type { Membership, Resolved, RowOutcome, Target } from './model';
import { pendingOutcome } from './outcomes';
import type { Directory, DirectoryEntry, MemberCall, MemberSender } from './ports';
import { findTargetRepeats } from './repeats';
import { memberNameOf, type SpaceSnapshot } from './snapshot';
import { spaceLabel } from './spaces';

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
