/**
 * Mirror removals in the sidebar (DESIGN.md §3 Spaces, §6): the preview's plan names every member a mirror
 * space would lose, and Apply asks about them by name before it starts (removalConfirmation.ts has the words
 * and what is sent). A space over its Max removal % has its own checkbox, unticked: left alone, its members stay.
 */
import type { MirrorSpacePlan, RunReport } from '../shared/report';
import { h, replaceChildren } from './dom';
import { formatCount, plural } from './format';

function names(plan: MirrorSpacePlan): HTMLElement {
  return h('ul', { className: 'mirror-names', attrs: { 'aria-label': `Members to remove from ${plan.label}` } },
    plan.removals.map((removal) => h('li', { className: 'mirror-name', text: removal.invited ? `${removal.label} (invitation)` : removal.label })));
}

function heading(plan: MirrorSpacePlan): string {
  const count = plural(plan.removals.length, 'member', 'members');
  if (!plan.overLimit) return `${plan.label}: remove ${count}`;
  const share = Math.round((plan.removals.length * 100) / Math.max(plan.overLimit.total, 1));
  return `${plan.label}: ${count} of ${formatCount(plan.overLimit.total)} (${share}%), over its Max removal % (${plan.overLimit.max})`;
}

/** The plan's list: each mirror space and the people it would lose, by name. */
export function renderMirrorPlan(container: HTMLElement, report: RunReport): void {
  const plans = report.mirror ?? [];
  replaceChildren(container, plans.length === 0 ? [] : [
    h('p', { className: 'mirror-title', text: 'Mirror spaces: members the sheets don’t name' }),
    ...plans.map((plan) => h('div', { className: 'mirror-space', attrs: { 'data-space': plan.space } }, [
      h('p', { className: 'mirror-heading', text: heading(plan) }),
      plan.overLimit ? h('p', { className: 'mirror-note muted', text: 'Held unless you confirm this space when you Apply.' }) : null,
      names(plan),
    ])),
  ]);
}

/**
 * The confirmation's list: within-limit spaces by name (confirmed by "Yes, apply"), and one unticked box per
 * over-limit space. Returns the spaces whose box is ticked when asked.
 */
export function renderMirrorConfirm(container: HTMLElement, report: RunReport): () => Set<string> {
  const boxes = new Map<string, HTMLInputElement>();
  replaceChildren(container, (report.mirror ?? []).map((plan) => {
    let box: HTMLInputElement | null = null;
    if (plan.overLimit) {
      box = h('input', { attrs: { type: 'checkbox', 'data-space': plan.space } });
      boxes.set(plan.space, box);
    }
    const title = box
      ? h('label', { className: 'mirror-heading' }, [box, ` Also remove from ${heading(plan)} — for this run only`])
      : h('p', { className: 'mirror-heading', text: heading(plan) });
    return h('div', { className: 'mirror-space', attrs: { 'data-space': plan.space } }, [title, names(plan)]);
  }));
  return () => new Set([...boxes].filter(([, box]) => box.checked).map(([space]) => space));
}
