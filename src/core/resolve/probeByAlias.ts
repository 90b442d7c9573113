/**
 * members.get by email alias (reference §6): where the directory gave no users/{id} (people outside the
 * organisation, a caller without directory access) or where the snapshot can't tell (invitations hidden
 * from admin access), one get per (space, member) answers "present?" and the canonical name at once.
 * Three steps, the ask between two decisions: probeQuestions (which gets), the gets themselves (the
 * pipeline sends them), probeAnswered (what the replies mean). What the probes teach is remembered for
 * the run's later executions (rememberProbeAnswers).
 */
import { replyError } from '../apiErrors';
import type { Membership, Resolved, RowOutcome, SpaceInfo, Target } from '../model';
import { pendingOutcome } from '../run/outcomes';
import type { Directory, DirectoryEntry, MemberCall, MemberReply, MemberSender } from '../ports';
import { findTargetRepeats } from './findRepeats';
import { memberNameOf, type SpaceSnapshot } from './takeSnapshots';

export type GetCall = Extract<MemberCall, { method: 'get' }>;

/**
 * The gets to send, once per (space, member); `asked[k]` is the index (in the targets) of a target asked
 * about, `callOf[k]` the index of the call that answers it.
 */
export interface ProbeQuestions { calls: GetCall[]; asked: number[]; callOf: number[] }

/**
 * Whether only members.get can tell this target's presence: users known by email only, the app, and users
 * the snapshot doesn't show in a space whose invitations Google wouldn't list (admin access) — without that
 * get, an invited person would be re-created (a wasted write and a 409) on every run. Without a snapshot (not
 * listed yet): whether a probe is sure to be needed.
 */
export function needsProbe(target: Target, snapshot: SpaceSnapshot | undefined): boolean {
  const { member } = target;
  if (member.kind === 'app') return true;
  if (member.kind !== 'user') return false;
  if (member.name === null) return true;
  return snapshot !== undefined && !snapshot.invitedListed && !snapshot.members.has(member.name);
}

/** The member part of the get's name: the email alias, the numeric id, or `app`. */
function aliasOf(target: Target): string {
  const { kind, email, name } = target.member;
  return kind === 'app' ? 'app' : email ?? (name ?? '').slice('users/'.length);
}

function probeCall(target: Target, alias: string, useAdminAccess: boolean): GetCall {
  const call: GetCall = { method: 'get', name: `${target.space.name}/members/${alias}` };
  // Admin access can't read app memberships (reference §8): the app is always asked about as the user.
  if (useAdminAccess && target.member.kind !== 'app') call.useAdminAccess = true;
  return call;
}

/** The gets the targets need. Targets come mostly space by space: the previous target's snapshot is reused. */
export function probeQuestions(
  targets: readonly Target[], snapshots: ReadonlyMap<string, SpaceSnapshot>, useAdminAccess: boolean,
): ProbeQuestions {
  const questions: ProbeQuestions = { calls: [], asked: [], callOf: [] };
  /** Per space name, per alias: the call's index (keyed by the cells' own strings, never a joined one). */
  const callIndex = new Map<string, Map<string, number>>();
  let lastSpace: SpaceInfo | null = null;
  let snapshot: SpaceSnapshot | undefined;
  let inSpace: Map<string, number> | undefined;
  for (let at = 0; at < targets.length; at++) {
    const target = targets[at];
    if (target.space !== lastSpace) {
      lastSpace = target.space;
      snapshot = snapshots.get(lastSpace.name);
      inSpace = undefined;
    }
    if (!needsProbe(target, snapshot)) continue;
    if (!inSpace) {
      inSpace = callIndex.get(lastSpace.name);
      if (!inSpace) callIndex.set(lastSpace.name, (inSpace = new Map()));
    }
    const alias = aliasOf(target);
    let index = inSpace.get(alias);
    if (index === undefined) {
      inSpace.set(alias, (index = questions.calls.length));
      questions.calls.push(probeCall(target, alias, useAdminAccess));
    }
    questions.asked.push(at);
    questions.callOf.push(index);
  }
  return questions;
}

function probed(target: Target, membership: Membership | null): Target {
  const name = target.member.kind === 'user' && membership ? memberNameOf(membership) : target.member.name;
  return { ...target, member: { ...target.member, name, probed: membership } };
}

/**
 * What the replies say: fills `member.probed` and the canonical name (a target with no reply goes on as it
 * was; deferred = PENDING; refused = ERROR). Rows that turn out to name one member twice in a space are
 * INVALID (repeats.ts).
 */
export function probeAnswered(
  targets: readonly Target[], questions: ProbeQuestions, replies: readonly (MemberReply | undefined)[],
): Resolved {
  /** Per target answered: what it becomes (null: it ends here). Only the few targets asked are visited. */
  const answered = new Map<number, Target | null>();
  const outcomes: RowOutcome[] = [];
  let renamed = false;
  questions.asked.forEach((at, k) => {
    const reply = replies[questions.callOf[k]];
    if (!reply) return;
    const target = targets[at];
    if (reply.deferred) {
      answered.set(at, null);
      outcomes.push(pendingOutcome(target.intent.sheetRow));
    } else if (reply.code >= 200 && reply.code <= 299) {
      const membership = reply.membership ?? null;
      const found = probed(target, membership && membership.state !== 'NOT_A_MEMBER' ? membership : null);
      if (found.member.name !== target.member.name) renamed = true;
      answered.set(at, found);
    } else if (reply.code === 404) {
      answered.set(at, probed(target, null));
    } else {
      answered.set(at, null);
      outcomes.push({
        sheetRow: target.intent.sheetRow, status: 'ERROR', reason: 'presenceUnknown',
        member: target.member.label, space: target.space, error: replyError(reply),
      });
    }
  });
  const resolved: readonly Target[] = answered.size === 0 ? targets : withAnswers(targets, answered);
  // A probe can reveal that an email names someone another row names by users/ID: only a new name can.
  if (!renamed) return { targets: resolved, outcomes };
  const repeats = findTargetRepeats(resolved);
  if (repeats.size === 0) return { targets: resolved, outcomes };
  const kept: Target[] = [];
  resolved.forEach((target) => {
    const repeat = repeats.get(target.intent.sheetRow);
    if (repeat === undefined) kept.push(target);
    else outcomes.push({ sheetRow: target.intent.sheetRow, status: 'INVALID', ...repeat });
  });
  return { targets: kept, outcomes };
}

function withAnswers(targets: readonly Target[], answered: ReadonlyMap<number, Target | null>): Target[] {
  const resolved: Target[] = [];
  for (let at = 0; at < targets.length; at++) {
    const next = answered.get(at);
    if (next === undefined) resolved.push(targets[at]);
    else if (next !== null) resolved.push(next);
  }
  return resolved;
}

/** members.get by alias where needed, through `sender`, in one batch: the questions, the ask, the answers. */
export function probeByAlias(
  sender: MemberSender, targets: readonly Target[], snapshots: ReadonlyMap<string, SpaceSnapshot>, useAdminAccess: boolean,
): Resolved {
  const questions = probeQuestions(targets, snapshots, useAdminAccess);
  return probeAnswered(targets, questions, sender.send(questions.calls));
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
