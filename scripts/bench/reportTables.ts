/** The report's tables: one row per workload, one row per execution, and where the time beyond the bound went. */
import { countsText, duration, int, ratio, seconds, table } from './format';
import { describeConditions } from './conditions';
import { baseSheetCalls, type ConvergeRun, type ExecutionRow } from './scenarios';
import { naiveSpeedup, timeRatio, type Line, type WorkloadResult } from './targets';

const verdictOf = (all: readonly Line[], section: string, measure: string): string =>
  all.find((line) => line.section === section && line.measure === measure)?.verdict ?? '';

export function workloadTable(results: readonly WorkloadResult[], all: readonly Line[]): string {
  return table(
    ['workload', 'time ÷ bound', 'target', 'naive ÷ ours', 'naive ÷ bound (ours at best)', 'time', 'lower bound', 'executions', 'writes', '429s', 'member reads', 'other calls', 'result'],
    results.map((result) => {
      const { spec, run, naive } = result;
      const verdicts = [verdictOf(all, spec.id, 'time ÷ lower bound'), verdictOf(all, spec.id, 'naive time ÷ ours')];
      return [
        spec.id, ratio(timeRatio(run)), `≤ ${spec.maxRatio.toFixed(2)}`, `${naive.converged ? '' : '≥ '}${ratio(naiveSpeedup(result))}`,
        `${naive.converged ? '' : '≥ '}${ratio(naive.timeMs / run.lowerBoundMs)}`,
        duration(run.timeMs), `${duration(run.lowerBoundMs)} (${run.boundRule})`, int(run.executions.length), int(run.calls.writes),
        int(run.calls.status429), int(run.calls.memberReads), int(run.calls.otherCalls),
        verdicts.every((v) => v === 'PASS') ? '**PASS**' : `**FAIL** (ratio ${verdicts[0]}, naive ${verdicts[1]})`,
      ];
    }),
  );
}

export function executionTable(rows: readonly ExecutionRow[]): string {
  return table(
    ['exec', 'virtual duration', 'start → first write', 'last write → end', 'writes', 'writes/min while writing', 'member reads', 'other calls', '429s', 'other failures', 'Sheets calls (base + progress flushes)', 'pending after'],
    rows.map(({ stats, calls }, index) => {
      const writing = calls.firstWriteAt !== undefined && calls.lastWriteAt !== undefined ? calls.lastWriteAt - calls.firstWriteAt : 0;
      return [
        String(index + 1), seconds(stats.endAt - stats.startAt),
        seconds(calls.firstWriteAt === undefined ? undefined : calls.firstWriteAt - stats.startAt),
        seconds(calls.lastWriteAt === undefined ? undefined : stats.endAt - calls.lastWriteAt),
        int(calls.writes), writing > 0 ? ((calls.writes - 1) / (writing / 60_000)).toFixed(1) : '—',
        int(calls.memberReads), `${calls.otherCalls} (${countsText(calls.otherByMethod)})`, int(calls.status429),
        int(Object.values(calls.failures).reduce((sum, n) => sum + n, 0)),
        `${baseSheetCalls(stats)} + ${stats.progressFlushCalls} (${stats.progressFlushes} flushes)`,
        stats.error ? `error: ${stats.error}` : int(stats.value?.pending ?? 0),
      ];
    }),
  );
}

/** What an execution does before its first membership write: calls by method, and in how many rounds of latency. */
function startOf(run: ConvergeRun, index: number): string {
  const { stats, calls } = run.executions[index];
  const before = run.google.calls.slice(stats.callsFrom, stats.callsTo).filter((call) => calls.firstWriteAt === undefined || call.at < calls.firstWriteAt);
  const byMethod: Record<string, number> = {};
  for (const call of before) {
    const method = call.methodId.replace(/^chat\.|^admin\.directory\./, '');
    byMethod[method] = (byMethod[method] ?? 0) + 1;
  }
  const rounds = new Set(before.map((call) => call.at)).size;
  return `execution ${index + 1} before its first write: ${countsText(byMethod)}, in ${rounds} sequential rounds`;
}

/** Where the time beyond the lower bound went, from the call log. */
export function lossBreakdown(run: ConvergeRun): string {
  let beforeFirst = 0;
  let afterLast = 0;
  let writing = 0;
  for (const { stats, calls } of run.executions) {
    if (calls.firstWriteAt === undefined || calls.lastWriteAt === undefined) {
      beforeFirst += stats.endAt - stats.startAt;
      continue;
    }
    beforeFirst += calls.firstWriteAt - stats.startAt;
    afterLast += stats.endAt - calls.lastWriteAt;
    writing += calls.lastWriteAt - calls.firstWriteAt;
  }
  const extra = run.timeMs - run.lowerBoundMs;
  const conditions = describeConditions(run.conditions);
  return `${duration(extra)} over the lower bound = ${seconds(beforeFirst)} from execution starts to their first write `
    + `(${run.executions.length} starts) + ${seconds(afterLast)} from last writes to execution ends + ${seconds(writing - run.lowerBoundMs)} `
    + `of writing slower than the bound's rate (${seconds(writing)} between first and last writes for ${int(run.calls.writes)} writes of ${int(run.calls.writeAttempts)} attempts). `
    + `429s: ${run.calls.status429}; other failures: ${countsText(run.calls.failures)}.`
    + `${conditions ? ` Conditions: ${conditions}.` : ''}${run.otherWrites !== undefined ? ` The other user made ${int(run.otherWrites)} writes meanwhile.` : ''}`
    + ` Start: ${startOf(run, run.executions.length > 1 ? 1 : 0)}.`;
}
