/**
 * The preview's plan as pictures (issue 13): per space a stacked bar of what would happen (its text under it,
 * and in its aria-label), and the people behind it, by name, in a disclosure that opens on demand. One Find
 * box filters every space's people and opens the spaces with a match. DOM only through dom.ts's `h`.
 */
import type { PlannedPerson, RunReport, SpacePeople } from '../shared/report';
import { h, replaceChildren, setText } from './dom';
import { displayText } from './escape';
import { formatCount, statusLabel, statusTitle, statusTone } from './format';
import { type PlanRow, planRows } from './pictures';
import { barLabel, findPeople, peopleRest, peopleSummary, planSegments, type BarSegment } from './pictures';

function segmentNode(segment: BarSegment): HTMLElement {
  const node = h('span', { className: `seg tone-${segment.tone} seg-${segment.kind}`, attrs: { title: segment.text } });
  node.style.width = `${segment.percent}%`;
  return node;
}

function legendNode(segment: BarSegment): HTMLElement {
  return h('li', { className: 'seg-legend' }, [
    h('span', { className: `swatch tone-${segment.tone} seg-${segment.kind}`, attrs: { 'aria-hidden': 'true' } }),
    segment.text,
  ]);
}

function personNode([member, status, sheetRow]: PlannedPerson): HTMLElement {
  return h('li', { className: 'person', attrs: { 'data-status': status, title: `Roster row ${sheetRow}` } }, [
    h('span', { className: `dot dot-${statusTone(status)}`, attrs: { 'aria-hidden': 'true' } }),
    h('span', { className: 'person-name', text: member || '(blank Member cell)' }),
    h('span', { className: 'person-status', text: statusLabel(status, true), attrs: { title: statusTitle(status) } }),
  ]);
}

/** One space's people: fills its list (lazily: only when open) for the current query. */
class SpacePeopleList {
  readonly details: HTMLDetailsElement;
  private readonly summary: HTMLElement;
  private readonly list: HTMLElement;
  private readonly rest: HTMLElement;

  constructor(space: string, private readonly entry: SpacePeople, private query: () => string) {
    this.summary = h('summary', { className: 'people-summary' });
    this.list = h('ul', { className: 'people', attrs: { 'aria-label': `People planned for ${space}` } });
    this.rest = h('p', { className: 'people-rest muted' });
    this.details = h('details', { className: 'people-details' }, [this.summary, this.list, this.rest]);
    this.details.addEventListener('toggle', () => this.fill());
    this.fill();
  }

  /** Returns whether anyone matches the query. */
  fill(): boolean {
    const found = findPeople(this.entry.people, this.query());
    const filtering = this.query().trim() !== '';
    setText(this.summary, peopleSummary(this.entry.people.length, this.entry.more, found, filtering));
    replaceChildren(this.list, this.details.open ? found.shown.map(personNode) : []);
    setText(this.rest, this.details.open ? peopleRest(this.entry.people.length, filtering ? 0 : this.entry.more, found) : '');
    return found.matched > 0;
  }
}

function spaceNode(row: PlanRow, people: SpacePeople | undefined, query: () => string, lists: SpacePeopleList[]): HTMLElement {
  const segments = planSegments(row);
  const label = barLabel(row.space, segments);
  const list = people && people.people.length > 0 ? new SpacePeopleList(row.space, people, query) : null;
  if (list) lists.push(list);
  return h('li', { className: 'plan-row', attrs: { 'data-space': row.space } }, [
    h('div', { className: 'plan-head' }, [
      h('span', { className: 'plan-space', text: row.space, attrs: { title: row.space } }),
      h('span', { className: 'plan-total muted', text: `${formatCount(row.total)} ${row.total === 1 ? 'row' : 'rows'}` }),
    ]),
    h('div', { className: 'stack', attrs: { role: 'img', 'aria-label': label } }, segments.map(segmentNode)),
    h('ul', { className: 'seg-legends', attrs: { 'aria-hidden': 'true' } }, segments.length ? segments.map(legendNode) : [h('li', { className: 'seg-legend', text: 'nothing to do' })]),
    list ? list.details : null,
  ]);
}

/**
 * Renders the plan into `plan` (one li per space, data-space = the space as the roster names it) and wires
 * `find` to filter the people of every space.
 */
export function renderPlanBars(plan: HTMLElement, find: HTMLInputElement, report: RunReport): void {
  const rows = planRows(report.bySpace);
  find.value = '';
  if (rows.length === 0) {
    replaceChildren(plan, [h('li', { className: 'plan-empty muted', text: 'No spaces to change.' })]);
    find.hidden = true;
    return;
  }
  const peopleBySpace = new Map((report.people ?? []).map((entry) => [displayText(entry.space) || '(no space)', entry]));
  const lists: SpacePeopleList[] = [];
  const query = () => find.value;
  replaceChildren(plan, rows.map((row) => spaceNode(row, peopleBySpace.get(row.space), query, lists)));
  find.hidden = lists.length === 0;
  find.oninput = () => {
    const filtering = query().trim() !== '';
    for (const list of lists) {
      if (filtering) list.details.open = list.fill();
      else list.fill();
    }
  };
}
