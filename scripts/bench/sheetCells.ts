/**
 * Sheets cells and time per execution (DESIGN.md §5 "Sheet I/O"): cells written against cells whose value
 * changed, row 1 (headers) apart, from the emulator's count (emulator/gas/sheetsCost.ts), and the virtual time
 * the execution's Sheets calls took under the emulator's cost model.
 *
 * The ratio is taken over the sheets that say how rows stand (Roster, Spaces, Rules): the log only appends, and
 * the blank cells of its new rows count as written but not changed, so it is reported on its own line.
 */
import { totalCells, type CellCounts } from '../../emulator/gas/sheetsCost';
import { LOG_SHEET } from '../../src/core/run/logLayout';
import { int, ratio, seconds } from './format';
import type { ConvergeRun } from './scenarios';
import type { Line } from './targets';

export const MAX_CELLS_RATIO = 1.5;

const bodyRatio = (cells: CellCounts): number => {
  const written = cells.written - cells.headerWritten;
  const changed = cells.changed - cells.headerChanged;
  return written === 0 ? 0 : written / changed;
};

export function sheetCellLines(runs: readonly ConvergeRun[]): Line[] {
  const out: Line[] = [];
  for (const run of runs) {
    const section = `Sheet I/O: ${run.workload.name}`;
    const executions = run.executions.map(({ stats }) => stats);
    const status = executions.map((stats) => totalCells(stats.sheetsIo, (sheet) => sheet !== LOG_SHEET));
    const ratios = status.map(bodyRatio);
    const worst = Math.max(0, ...ratios);
    const log = executions.map((stats) => totalCells(stats.sheetsIo, (sheet) => sheet === LOG_SHEET));
    const share = executions.map((stats) => stats.sheetsMs / Math.max(1, stats.endAt - stats.startAt));
    out.push(
      {
        section, measure: 'status cells written ÷ changed per execution (headers apart), max',
        value: `${ratio(worst)} (${status.map((cells) => `${int(cells.written - cells.headerWritten)}/${int(cells.changed - cells.headerChanged)}`).join(', ')} written/changed)`,
        target: `≤ ${MAX_CELLS_RATIO}`, verdict: worst <= MAX_CELLS_RATIO ? 'PASS' : 'FAIL', hard: true,
      },
      {
        section, measure: 'Sheets virtual time per execution (its share of the execution)',
        value: executions.map((stats, i) => `${seconds(stats.sheetsMs)} (${(share[i] * 100).toFixed(1)}%)`).join(', '),
        target: '', verdict: 'info', hard: false,
      },
      {
        section, measure: 'log cells written / non-blank (append only)',
        value: log.map((cells) => `${int(cells.written)}/${int(cells.changed)}`).join(', '),
        target: '', verdict: 'info', hard: false,
      },
    );
  }
  return out;
}
