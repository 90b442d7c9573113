/**
 * What Apply asks before it removes anyone, and what it sends (DESIGN.md §2 provisionRoster(confirmation)):
 * the question's words and the confirmation, from the preview's report. Pure, like format.ts; the DOM side is
 * mirrorRemovals.ts.
 */
import type { RemovalConfirmation, RunReport } from '../shared/report';
import { countOf, plural } from './format';

/** Members a preview would remove. */
export function removalCount(report: RunReport): number {
  return countOf(report.counts, 'WOULD_REMOVE');
}

export function mirrorRemovalCount(report: RunReport, overLimitToo = true): number {
  return (report.mirror ?? []).filter((plan) => overLimitToo || !plan.overLimit).reduce((sum, plan) => sum + plan.removals.length, 0);
}

/** What Apply sends: every removal shown, but those of an over-limit space only when its box is ticked. */
export function confirmationOf(report: RunReport, confirmedSpaces: ReadonlySet<string>): RemovalConfirmation {
  const plans = (report.mirror ?? []).filter((plan) => !plan.overLimit || confirmedSpaces.has(plan.space));
  return {
    removals: plans.flatMap((plan) => plan.removals.map(({ member }) => ({ space: plan.space, member }))),
    overLimitSpaces: plans.filter((plan) => plan.overLimit).map((plan) => plan.space),
  };
}

/** A resumed run (no preview this time) confirms no one: the mirror removals wait for the next Apply. */
export const NOTHING_CONFIRMED: RemovalConfirmation = { removals: [], overLimitSpaces: [] };

/**
 * The inline confirmation before an Apply that removes members: roster rows that say remove (named in the
 * sheet's WOULD_REMOVE rows) and mirror removals (named below the question, mirrorRemovals.ts).
 */
export function removalPrompt(report: RunReport): { question: string; detail: string } {
  // The preview counts a mirror removal within its space's limit as WOULD_REMOVE too.
  const rows = Math.max(0, removalCount(report) - mirrorRemovalCount(report, false));
  const mirror = mirrorRemovalCount(report, false);
  const held = mirrorRemovalCount(report) - mirror;
  const parts = [
    rows > 0 ? `${plural(rows, 'roster row says', 'roster rows say')} remove (its WOULD_REMOVE rows)` : '',
    mirror > 0 ? `mirror spaces lose ${plural(mirror, 'member', 'members')} the sheets don’t name, listed below` : '',
  ].filter(Boolean);
  const total = rows + mirror;
  return {
    question: total > 0 ? `Remove ${plural(total, 'member', 'members')}?` : 'Apply without the held removals?',
    detail: [
      parts.length > 0 ? `Apply removes only these: ${parts.join('; ')}.` : '',
      held > 0 ? `${plural(held, 'member stays', 'members stay')} in spaces over their Max removal % unless you tick the space.` : '',
      'Anyone who joins a mirror space from now on stays until you confirm them too. Everything else in the plan is applied.',
    ].filter(Boolean).join(' '),
  };
}
