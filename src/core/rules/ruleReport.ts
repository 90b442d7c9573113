/**
 * Each Rules row's one status and counts (DESIGN.md §4), from what became of the people it grants: "120
 * people: 5 added, 1 invited, 114 already in". A person two rules grant counts for both. Pure; the sentence
 * is details.ts's (reason `ruleCounts`).
 */
import type { GrantResult, RuleRowOutcome, SpaceRowStatus } from '../model';

/** What became of one grant (ruleGrants.ts RuleGrant): the rules that grant it, and the run's result. */
export interface GrantReport {
  rules: readonly number[];
  result: GrantResult;
}

const CHANGED: readonly GrantResult[] = ['added', 'invited', 'roleRaised'];
const PREVIEWED: readonly GrantResult[] = ['wouldAdd', 'wouldRaise'];

/** The worst result decides the row: a failure first, then work left, guards, wrong people, then what changed. */
function statusOf(counts: Partial<Record<GrantResult, number>>): SpaceRowStatus {
  const any = (results: readonly GrantResult[]) => results.some((result) => (counts[result] ?? 0) > 0);
  if (any(['error'])) return 'ERROR';
  if (any(['pending'])) return 'PENDING';
  if (any(['held'])) return 'HELD';
  if (any(['invalid'])) return 'INVALID';
  if (any(CHANGED)) return 'APPLIED';
  if (any(PREVIEWED)) return 'WOULD_APPLY';
  return 'UNCHANGED';
}

/**
 * The outcome of every expanded rule. `people`: each rule's expansion size by sheetRow (expandRules'
 * lists' lengths); `reports`: one per grant of the run (every space). A rule that names no one is
 * UNCHANGED with "0 people".
 */
export function ruleOutcomes(people: ReadonlyMap<number, number>, reports: Iterable<GrantReport>): RuleRowOutcome[] {
  const countsOf = new Map<number, Partial<Record<GrantResult, number>>>();
  for (const sheetRow of people.keys()) countsOf.set(sheetRow, {});
  for (const { rules, result } of reports) {
    for (const sheetRow of rules) {
      const counts = countsOf.get(sheetRow);
      if (counts) counts[result] = (counts[result] ?? 0) + 1;
    }
  }
  return [...countsOf].map(([sheetRow, counts]) => ({
    sheetRow, status: statusOf(counts), reason: 'ruleCounts', people: people.get(sheetRow) ?? 0, counts,
  }));
}
