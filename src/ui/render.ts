/** Renders the sidebar's parts from JSON-safe server values, with DOM nodes only (see dom.ts). */
import type { RunReport } from '../shared/report';
import type { SetupReport } from '../shared/setup';
import type { LoggedRun, SidebarState } from '../shared/sidebar';
import { h, replaceChildren, setText } from './dom';
import { formatCount, formatStarted, hourLabel, statusTitle, summaryEntries, type SummaryEntry } from './format';
import {
  progressPercent, progressSegments, type ProgressSegments, progressText, spaceProgress, timeLeft,
} from './progressFigures';
import { attentionSentence, rosterSentence } from './reportSentences';

function statusRow(entry: SummaryEntry): HTMLElement {
  return h('li', { className: 'status-row', attrs: { 'data-status': entry.status } }, [
    h('span', { className: `dot dot-${entry.tone}`, attrs: { 'aria-hidden': 'true' } }),
    // The status table's words; the code the Status column writes is the tooltip.
    h('span', { className: 'status-name', text: entry.label, attrs: { title: statusTitle(entry.status) } }),
    h('span', { className: 'status-count', text: formatCount(entry.count) }),
  ]);
}

/** The roster summary: rows, spaces and rows per status; or the reason there is no roster yet. */
export function renderSummary(summary: HTMLElement, state: SidebarState): void {
  if (!state.roster) {
    const problem = state.rosterProblem || 'The Roster sheet can’t be read yet.';
    replaceChildren(summary, [
      h('p', { className: 'summary-problem', text: problem }),
      h('p', { className: 'muted', text: 'Set up roster sheet adds the Roster sheet (or its missing headers) with dropdowns for Role and Action.' }),
    ]);
    return;
  }
  const entries = summaryEntries(state.roster.counts);
  replaceChildren(summary, [
    h('p', { className: 'summary-total', text: rosterSentence(state.roster) }),
    entries.length > 0
      ? h('ul', { className: 'status-list', attrs: { 'aria-label': 'Rows per status' } }, entries.map(statusRow))
      : h('span'),
  ]);
}

export interface ProgressParts {
  bar: HTMLElement;
  fill: HTMLElement;
  text: HTMLElement;
  eta: HTMLElement;
  spaces: HTMLElement;
}

/** Live progress of an apply run: the bar, "X of Y rows done", the time left, and each space. */
export function renderProgress(parts: ProgressParts, report: RunReport, writesPerMinute: number, running: boolean): void {
  const percent = progressPercent(report.done, report.rows);
  fillSegments(parts.bar, parts.fill, progressSegments(report.counts, report.rows));
  parts.bar.setAttribute('aria-valuenow', String(percent));
  parts.bar.setAttribute('aria-valuetext', progressText(report.done, report.rows));
  setText(parts.text, progressText(report.done, report.rows));
  setText(parts.eta, running ? timeLeft(report.pending, writesPerMinute) : '');
  replaceChildren(parts.spaces, spaceProgress(report.bySpace).map((space) =>
    h('li', { className: 'space-progress-row', attrs: { 'data-space': space.space } }, [
      h('span', { className: 'space-progress-name', text: space.space, attrs: { title: space.space } }),
      h('span', { className: 'space-progress-count', text: `${formatCount(space.done)} / ${formatCount(space.total)}` }),
      (() => {
        const bar = h('span', { className: 'mini-bar', attrs: { 'aria-hidden': 'true' } });
        fillSegments(bar, bar.appendChild(h('span', { className: space.percent === 100 ? 'mini-fill mini-fill-done' : 'mini-fill' })), space.segments);
        return bar;
      })(),
    ]),
  ));
}

/** A bar's fill for the rows as asked, then amber for the held and red for the failed (created on first use). */
function fillSegments(bar: HTMLElement, fill: HTMLElement, segments: ProgressSegments): void {
  fill.style.width = `${segments.ok}%`;
  for (const kind of ['held', 'failed'] as const) {
    let segment = bar.querySelector<HTMLElement>(`.bar-${kind}`);
    if (!segment) segment = bar.appendChild(h('span', { className: `bar-segment bar-${kind}` }));
    segment.style.width = `${segments[kind]}%`;
  }
}

/** Progress that hasn't started yet: an empty bar. */
export function resetProgress(parts: ProgressParts, label: string): void {
  fillSegments(parts.bar, parts.fill, { ok: 0, held: 0, failed: 0 });
  parts.bar.setAttribute('aria-valuenow', '0');
  parts.bar.removeAttribute('aria-valuetext');
  setText(parts.text, label);
  setText(parts.eta, '');
  replaceChildren(parts.spaces, []);
}

/** The result counts and the sentence about rows needing attention. */
export function renderResult(result: HTMLElement, report: RunReport, withCounts = true): void {
  const entries = withCounts ? summaryEntries(report.counts) : [];
  const attention = attentionSentence(report.counts);
  const nodes: Node[] = [];
  if (entries.length) nodes.push(h('ul', { className: 'status-list', attrs: { 'aria-label': 'Rows per status' } }, entries.map(statusRow)));
  if (attention) nodes.push(h('p', { className: 'attention', text: attention }));
  replaceChildren(result, nodes);
}

function runItem(run: LoggedRun): HTMLElement {
  const started = formatStarted(run.started);
  const by = run.startedBy ? `by ${run.startedBy}` : '';
  return h('li', { className: 'run', attrs: { 'data-run': run.run } }, [
    h('div', { className: 'run-meta' }, [
      h('span', { className: 'run-started', text: started || 'Unknown time' }),
      by ? h('span', { className: 'run-by', text: by, attrs: { title: by } }) : null,
    ]),
    run.summary ? h('p', { className: 'run-summary', text: run.summary }) : null,
  ]);
}

export function renderRecentRuns(list: HTMLElement, runs: readonly LoggedRun[]): void {
  if (runs.length === 0) {
    replaceChildren(list, [h('li', { className: 'run-empty muted', text: 'No runs yet. Finished runs appear here and in the Chat Roster Log sheet.' })]);
    return;
  }
  replaceChildren(list, runs.map(runItem));
}

/** The 24 hours of the nightly sync select. */
export function fillHours(select: HTMLSelectElement, selected: number): void {
  const options: HTMLOptionElement[] = [];
  for (let hour = 0; hour < 24; hour++) {
    const option = h('option', { text: hourLabel(hour), attrs: { value: String(hour) } });
    option.selected = hour === selected;
    options.push(option);
  }
  replaceChildren(select, options);
}

const OUTCOME_WORDS = { ok: 'OK', warning: 'Warning', failed: 'Failed', skipped: 'Not checked' } as const;

/** checkSetup's report: one line per check, what was found, and the fix for each failure or warning. */
export function renderSetupReport(list: HTMLElement, report: SetupReport): void {
  replaceChildren(list, report.checks.map((check) => h('li', { className: `check check-${check.outcome}`, attrs: { 'data-outcome': check.outcome } }, [
    h('span', { className: 'check-outcome', text: OUTCOME_WORDS[check.outcome] }),
    h('span', { className: 'check-name', text: check.name }),
    h('p', { className: 'check-detail', text: check.detail }),
    check.fix ? h('p', { className: 'check-fix', text: check.fix }) : null,
  ])));
}
