/**
 * Stages 7–10 of the pipeline (pipeline.ts) for targets whose spaces have been listed: which targets go on,
 * which members.get only can tell, and, with those replies, the operations. planRoster runs them once over
 * every space; the read-ahead (readAhead.ts) runs them space group by space group while writes go on.
 */
import type { RowOutcome, Target, SpaceInfo } from '../model';
import { finishEarlierAdds, planTargets, type OwnerLedger, type Plan } from '../plan/planTargets';
import type { MemberReply } from '../ports';
import { probeAnswered, probeQuestions, type ProbeQuestions } from '../resolve/probeByAlias';
import { listedTargets, type SnapshotResult, type SpaceSnapshot } from '../resolve/takeSnapshots';

/**
 * Appends `more` to `outcomes` one by one: push(...more) passes every item as an argument, and past about
 * 100,000 of them V8 throws "Maximum call stack size exceeded" (a 200,000-row preview would crash).
 */
export function append(outcomes: RowOutcome[], more: readonly RowOutcome[]): void {
  for (const outcome of more) outcomes.push(outcome);
}

/** Keeps only the items of rows this run gives an outcome to (PlanInput.keepers get none). */
export type Own = <T extends { sheetRow: number }>(list: readonly T[]) => readonly T[];
export const everyRow: Own = (list) => list;

/** After the listing: the targets that go on, their snapshots, and the gets only members.get can answer. */
export interface Listed {
  targets: readonly Target[];
  snapshots: Map<string, SpaceSnapshot>;
  questions: ProbeQuestions;
  /** The rows that ended here (space not listed: PENDING or ERROR). */
  outcomes: readonly RowOutcome[];
}

/** Stages 7–8. */
export function afterListing(
  targets: readonly Target[], spaces: readonly SpaceInfo[], listings: ReadonlyMap<string, SnapshotResult>,
  useAdminAccess: boolean, outcomes: RowOutcome[], own: Own,
): Listed {
  const listed = listedTargets(targets, spaces, listings);
  append(outcomes, own(listed.outcomes));
  return {
    targets: listed.targets, snapshots: listed.snapshots, outcomes: listed.outcomes,
    questions: probeQuestions(listed.targets, listed.snapshots, useAdminAccess),
  };
}

/** What stage 10 needs besides the targets. */
export interface PlanContextInput {
  callerEmail: string;
  callerName: string | null;
  useAdminAccess: boolean;
  addedEarlier?: ReadonlySet<number>;
  /** The probed targets, whose answers the run's later executions may reuse. */
  learned?: (targets: readonly Target[]) => void;
  /** PlanContext.owners: one space's targets planned in several parts. */
  owners?: OwnerLedger;
}

const NONE: ReadonlySet<number> = new Set();

/** Stages 9–10: the probes' replies (a missing one = not asked), then the operations. */
export function afterProbes(
  listed: Listed, replies: readonly (MemberReply | undefined)[], context: PlanContextInput, outcomes: RowOutcome[], own: Own,
): { plan: Plan; targets: readonly Target[]; outcomes: readonly RowOutcome[] } {
  const probed = probeAnswered(listed.targets, listed.questions, replies);
  append(outcomes, own(probed.outcomes));
  context.learned?.(probed.targets);
  const plan = planTargets(probed.targets, {
    snapshots: listed.snapshots, callerEmail: context.callerEmail, callerName: context.callerName, useAdminAccess: context.useAdminAccess,
    owners: context.owners,
  });
  finishEarlierAdds(plan, context.addedEarlier ?? NONE);
  append(outcomes, own(plan.outcomes));
  return { plan, targets: probed.targets, outcomes: probed.outcomes };
}

/**
 * The listed targets in parts of at most `maxProbes` members.get each, in order: a part is planned as soon as its
 * own probes are answered, so a space of hundreds of people known only by email starts its writes after seconds,
 * not after all its probes. Plan the parts in order with one OwnerLedger (planTargets counts owners in row order).
 * Only adds are split: two rows that turn out to name one person (an alias and the primary email) are found
 * only within a part, and an add and a removal of the same person must meet to be INVALID; two adds that don't
 * meet cost a create answered 409, read as already a member.
 */
export function inParts(listed: Listed, maxProbes: number, useAdminAccess: boolean): Listed[] {
  if (listed.questions.calls.length <= maxProbes || listed.targets.some((target) => target.intent.action !== 'add')) return [listed];
  const asked = new Set(listed.questions.asked);
  const parts: Listed[] = [];
  let from = 0;
  let probes = 0;
  const cut = (to: number) => {
    const targets = listed.targets.slice(from, to);
    parts.push({ targets, snapshots: listed.snapshots, outcomes: parts.length === 0 ? listed.outcomes : [], questions: probeQuestions(targets, listed.snapshots, useAdminAccess) });
    from = to;
    probes = 0;
  };
  for (let at = 0; at < listed.targets.length; at++) {
    if (asked.has(at) && probes === maxProbes) cut(at);
    if (asked.has(at)) probes++;
  }
  cut(listed.targets.length);
  return parts;
}
