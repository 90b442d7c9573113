/**
 * The chart of the last runs (issue 13): per run, a column of changes made in Chat and a column of errors,
 * oldest left. A figure with a caption; each run's numbers are its title and a visually hidden text, so the
 * chart reads without the picture. The runs' own list (render.ts) stays below it.
 */
import type { LoggedRun } from '../shared/sidebar';
import { h, replaceChildren } from './dom';
import { columnHeight, runColumns, type RunColumn } from './pictures';

function bar(kind: 'changes' | 'errors', count: number, max: number): HTMLElement {
  const node = h('span', { className: `chart-bar chart-${kind}`, attrs: { 'aria-hidden': 'true' } });
  node.style.height = `${columnHeight(count, max)}%`;
  return node;
}

function runNode(column: RunColumn, max: number): HTMLElement {
  return h('li', { className: 'chart-run', attrs: { 'data-run': column.run, title: column.text } }, [
    h('span', { className: 'chart-bars' }, [bar('changes', column.changes, max), bar('errors', column.errors, max)]),
    h('span', { className: 'visually-hidden', text: column.text }),
  ]);
}

export function renderRunChart(container: HTMLElement, runs: readonly LoggedRun[]): void {
  if (runs.length === 0) {
    replaceChildren(container, []);
    return;
  }
  const { columns, max } = runColumns(runs);
  replaceChildren(container, [
    h('figure', { className: 'chart' }, [
      h('ol', { className: 'chart-runs', attrs: { 'aria-label': 'Changes and errors per run, oldest first' } }, columns.map((column) => runNode(column, max))),
      h('figcaption', { className: 'chart-caption muted' }, [
        h('span', { className: 'chart-key chart-changes', attrs: { 'aria-hidden': 'true' } }), ' changes in Chat  ',
        h('span', { className: 'chart-key chart-errors', attrs: { 'aria-hidden': 'true' } }), ' errors, per run (oldest left; the most: ', String(max), ')',
      ]),
    ]),
  ]);
}
