/**
 * Rules in the preview's plan (DESIGN.md §3 Rules): each rule with the people it would add or raise, by
 * email, so an administrator sees whom an organisational unit or a search brings in before Apply.
 */
import type { RulePlanView, RunReport } from '../shared/report';
import { h, replaceChildren } from './dom';
import { plural } from './format';

function people(rule: RulePlanView): HTMLElement {
  return h('ul', { className: 'mirror-names', attrs: { 'aria-label': `People rule ${rule.row} would add or raise` } }, [
    ...rule.add.map((email) => h('li', { className: 'mirror-name', text: email })),
    ...rule.raise.map((email) => h('li', { className: 'mirror-name', text: `${email} (role raised)` })),
  ]);
}

function heading(rule: RulePlanView): string {
  const parts = [rule.add.length > 0 ? `add ${plural(rule.add.length, 'person', 'people')}` : '', rule.raise.length > 0 ? `raise ${rule.raise.length}` : ''];
  return `Rule ${rule.row}, ${rule.source} → ${rule.space}: ${parts.filter(Boolean).join(', ')}`;
}

export function renderRulePlan(container: HTMLElement, report: RunReport): void {
  const rules = report.rules ?? [];
  replaceChildren(container, rules.length === 0 ? [] : [
    h('p', { className: 'mirror-title', text: 'Rules: people they bring in' }),
    ...rules.map((rule) => h('div', { className: 'mirror-space', attrs: { 'data-rule': String(rule.row) } }, [
      h('p', { className: 'mirror-heading', text: heading(rule) }),
      people(rule),
    ])),
  ]);
}
