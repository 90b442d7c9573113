/**
 * Stages 7–10 of the pipeline (pipeline.ts) for targets whose spaces have been listed: which targets go on,
 * which members.get only can tell, and, with those replies, the operations. planRoster runs them once over
 * every space; the read-ahead (readAhead.ts) runs them space group by space group while writes go on.
 */
import type { RowOutcome, Target, SpaceInfo } from '../model';
import { finishEarlierAdds, planTargets, type Plan } from '../plan/planTargets';
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
  });
  finishEarlierAdds(plan, context.addedEarlier ?? NONE);
  append(outcomes, own(plan.outcomes));
  return { plan, targets: probed.targets, outcomes: probed.outcomes };
}
