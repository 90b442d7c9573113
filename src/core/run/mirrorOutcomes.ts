/**
 * A mirror space's Spaces row from its plan (plan/planMirror.ts) and, after an apply, the outcomes of its
 * removals (their stand-in rows): one status for the space, every member named (nothing is removed that
 * the preview didn't name).
 */
import type { RowOutcome, SpaceRowOutcome } from '../model';
import type { MirrorPlan, MirrorRemoval } from '../plan/planMirror';
import type { MirrorSpacePlan, RunMode } from '../../shared/report';

/** What the mirror stage found: the plan, how Details name its members, and rows that ended before it. */
export interface MirrorResult {
  plan: MirrorPlan;
  /** users/{id} or groups/{id} → email (people) or group:email (groups); absent → the id itself. */
  labels: ReadonlyMap<string, string>;
  /** Spaces rows settled before the plan: space not resolved or listed (INVALID, ERROR, PENDING), add-only (UNCHANGED). */
  ended: readonly SpaceRowOutcome[];
}

export function mirrorOutcomes(result: MirrorResult, mode: RunMode, found: readonly RowOutcome[]): SpaceRowOutcome[] {
  const { plan, labels } = result;
  const label = (name: string) => labels.get(name) ?? name;
  const labelsOf = (removals: readonly MirrorRemoval[]) => removals.map((removal) => label(removal.member));
  const outcomes: SpaceRowOutcome[] = [...result.ended];
  for (const [sheetRow, held] of plan.held) {
    if (held.why === 'overLimit') {
      outcomes.push({ sheetRow, status: 'HELD', reason: 'mirrorOverLimit', members: labelsOf(held.removals), total: held.total, max: held.max });
    } else if (held.why === 'awaitingConfirmation') {
      outcomes.push({ sheetRow, status: 'HELD', reason: 'mirrorAwaitingConfirmation', members: labelsOf(held.removals) });
    } else if (held.why === 'unmatchedRows') {
      outcomes.push({ sheetRow, status: 'HELD', reason: 'mirrorUnmatchedRows', rows: held.rows });
    } else {
      outcomes.push({ sheetRow, status: 'HELD', reason: 'mirrorCallerUnknown' });
    }
  }
  const byId = new Map<number, RowOutcome>();
  for (const outcome of found) if (outcome.sheetRow < 0) byId.set(outcome.sheetRow, outcome);
  for (const [sheetRow, removals] of plan.planned) {
    const kept = (plan.kept.get(sheetRow) ?? []).map(label);
    const unconfirmed = labelsOf(plan.unconfirmed.get(sheetRow) ?? []);
    if (removals.length === 0) {
      outcomes.push({ sheetRow, status: 'UNCHANGED', reason: 'mirrorNothingToRemove', kept });
    } else if (mode === 'preview') {
      outcomes.push({ sheetRow, status: 'WOULD_APPLY', reason: 'mirrorWouldRemove', members: labelsOf(removals), kept });
    } else {
      const removed: string[] = [];
      const failed: string[] = [];
      const pending: string[] = [];
      for (const removal of removals) {
        const status = byId.get(removal.id)?.status;
        (status === 'REMOVED' || status === 'UNCHANGED' ? removed : status === 'ERROR' ? failed : pending).push(label(removal.member));
      }
      const status = failed.length > 0 ? 'ERROR' : pending.length > 0 ? 'PENDING' : unconfirmed.length > 0 ? 'HELD' : 'APPLIED';
      outcomes.push({ sheetRow, status, reason: 'mirrorRemoved', removed, failed, pending, unconfirmed, kept });
    }
  }
  return outcomes;
}

/**
 * The sidebar's view of the mirror plan (RunReport.mirror): every space with members a preview would remove
 * or that wait for a confirmation (after an apply: only those still waiting), each member by resource name
 * (what a confirmation names) and by label (what the admin reads).
 */
export function mirrorPlanView(result: MirrorResult, mode: RunMode): MirrorSpacePlan[] {
  const { plan, labels } = result;
  const view = (removals: readonly MirrorRemoval[]) =>
    removals.map(({ member, invited }) => ({ member, label: labels.get(member) ?? member, invited }));
  const spaces: MirrorSpacePlan[] = [];
  const add = (removals: readonly MirrorRemoval[], overLimit: MirrorSpacePlan['overLimit']) => {
    const first = removals[0];
    if (!first) return;
    spaces.push({ space: first.space.name, label: first.space.displayName || first.space.name, removals: view(removals), overLimit });
  };
  for (const [sheetRow, removals] of plan.planned) add([...(mode === 'preview' ? removals : []), ...(plan.unconfirmed.get(sheetRow) ?? [])], null);
  for (const held of plan.held.values()) {
    if (held.why === 'overLimit') add(held.removals, { total: held.total, max: held.max });
    else if (held.why === 'awaitingConfirmation') add(held.removals, null);
  }
  return spaces;
}
