/** The benchmark report as markdown: environment, targets with verdicts, per-execution tables, method, observations. */
import { cpus } from 'node:os';
import { countsText, duration, int, seconds, table } from './format';
import { baseSheetCalls, WRITES_PER_MINUTE, type ConvergeRun, type ExecutionRow } from './scenarios';
import { FRESH_RUNS } from './planSpeed';
import { scaleCeiling } from './scaleCeiling';
import { lines, type Line, type Results } from './targets';

function executionTable(rows: readonly ExecutionRow[]): string {
  return table(
    ['exec', 'virtual duration', 'start → first write', 'last write → end', 'writes', 'writes/min while writing', 'member reads', 'other calls', '429s', 'Sheets calls (base + progress flushes)', 'pending after'],
    rows.map(({ stats, calls }, index) => {
      const writing = calls.firstWriteAt !== undefined && calls.lastWriteAt !== undefined ? calls.lastWriteAt - calls.firstWriteAt : 0;
      return [
        String(index + 1), seconds(stats.endAt - stats.startAt),
        seconds(calls.firstWriteAt === undefined ? undefined : calls.firstWriteAt - stats.startAt),
        seconds(calls.lastWriteAt === undefined ? undefined : stats.endAt - calls.lastWriteAt),
        int(calls.writes), writing > 0 ? ((calls.writes - 1) / (writing / 60_000)).toFixed(1) : '—',
        int(calls.memberReads), `${calls.otherCalls} (${countsText(calls.otherByMethod)})`, int(calls.status429),
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
  const pacing = writing - run.lowerBoundMs;
  return `${run.workload.name}: ${duration(extra)} over the lower bound = ${seconds(beforeFirst)} from execution starts to their first write `
    + `(${run.executions.length} starts) + ${seconds(afterLast)} from last writes to execution ends + ${seconds(pacing)} `
    + `of writing slower than ${WRITES_PER_MINUTE}/min (${seconds(writing)} between first and last writes for ${int(run.calls.writes)} writes). `
    + `429s: ${run.calls.status429}. Start: ${startOf(run, run.executions.length > 1 ? 1 : 0)}.`;
}

function verdictCell(line: Line): string {
  if (line.verdict === 'info') return '';
  return line.hard ? `**${line.verdict}**` : `${line.verdict} (soft)`;
}

export function renderReport(results: Results, meta: { date: string; realMs: number }): string {
  const all = lines(results);
  const cpu = cpus();
  const t = results.throughput;
  return [
    '# Chat Roster benchmark',
    '',
    `${meta.date} · Node ${process.version} · ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'} · real time of the measurements ${duration(meta.realMs)}`,
    '',
    'Emulator virtual clock, 300 ms per API call (`latencyMs: 300`; a fetchAll batch costs 300 ms once), the emulator\'s default quotas '
      + '(300 membership writes and 3,000 membership reads a minute per project, 15 reads a second per space, sliding windows). '
      + 'Executions of 6 virtual minutes, driven back to back as the sidebar does, as admin@example.com (Chat admin, Owner of every space).',
    '',
    '## Targets (DESIGN.md §5)',
    '',
    table(['§', 'measure', 'value', 'target', 'result'], all.map((line) => [line.section, line.measure, line.value, line.target, verdictCell(line)])),
    '',
    `## 1. Throughput run (${t.workload.name}), per execution`,
    '',
    executionTable(t.executions),
    '',
    `## 4. One big space (${results.big.workload.name}), per execution`,
    '',
    executionTable(results.big.executions),
    '',
    '## Where the time beyond the lower bound went',
    '',
    `- ${lossBreakdown(t)}`,
    `- ${lossBreakdown(results.big)}`,
    `- ${lossBreakdown(results.bigOrg)} (the throughput roster with 50,000 people in the directory)`,
    `- Naive loop: ${int(results.naive.calls.calls)} sequential calls × 300 ms = ${duration(results.naive.calls.calls * 300)} of its ${duration(results.naive.timeMs)} `
      + `(one call at a time is 200 a minute, under the 300-write budget, hence ${results.naive.calls.status429} × 429); ${int(results.naive.calls.failures['spaces.members.create 409'] ?? 0)} of its calls are creates of members already present (409).`,
    '',
    '## Scale ceiling, on paper',
    '',
    scaleCeiling(Math.max(...t.executions.map(({ calls }) => calls.writes))),
    '',
    '## How each number was measured',
    '',
    '- **Workload** (scripts/bench/workload.ts): 10,000 rows, row r in space r mod 40 (`spaces/BENCH01`…`BENCH40`, named spaces "Bench Team n"), a different person per row within a space (5,000 directory users); '
      + '30% of the rows drawn (seeded PRNG) as already present, seeded as members with the row\'s role; of the new rows about 2% Manager and 1% Owner (create + role patch), the rest plain Member adds. No deletes (add-only).',
    '- **Time to converge**: `google.clock.now()` at the first `provisionRoster` execution\'s start to the last one\'s end (the one reporting `pending: 0`); `setupRosterSheet` runs once before and is not counted. '
      + 'Executions follow each other with no gap (the sidebar\'s google.script.run round trip is not modelled).',
    '- **Lower bound**: membership writes the roster needs (creates + role patches + deletes, counted from the workload) ÷ 300 a minute; checked against the successful writes in the call log and `google.writes().length`.',
    '- **Calls**: `google.calls` sliced per execution. Membership writes = create/patch/delete answered 2xx; membership reads = members.get/list; other = spaces.get/list/search and Directory calls; 429s = any call answered 429.',
    '- **Sheets calls**: the emulator\'s per-execution count of round trips (every SpreadsheetApp/Spreadsheet/Sheet/Range call but handle getters). `SpreadsheetApp.flush` is wrapped to note the `setValues` count and API-call count at each flush; '
      + 'a flush followed by more API calls is a progress flush, costing its `setValues` calls + the flush. "base" = all other Sheets calls; the target applies to base.',
    '- **Final and right**: the Roster sheet\'s Status column after convergence (no PENDING or ERROR), and `google.membersOf` of every space compared with the roster (member present with the asked role; nobody but the admin unnamed).',
    '- **Naive loop** (scripts/bench/naive.js, loaded through gas-local like dist/): per row `Chat.Spaces.Members.create({member:{name:\'users/\'+email,type:\'HUMAN\'}}, space)` in a try/catch, then `Chat.Spaces.Members.patch` with `updateMask=role` for Manager/Owner rows; '
      + 'sequential, no retry. Fresh `Google` and `AppsScriptWorld`, same seed and roster; it stops starting rows after 5 min 45 s, keeps its row index in document properties and the next execution continues (writing no statuses: generous to it).',
    '- **Second run**: one `provisionRoster` right after convergence, unchanged roster; its calls from the call log.',
    '- **One big space**: 3,000 new Member rows to one space (admin is Owner), driven as in 1; lower bound 3,000 ÷ 300 a minute.',
    '- **Large organisation**: the workload of 1 with 50,000 directory users instead of 5,000 (users.list pages of 500: 101 reads to list them), driven as in 1; Directory reads = users/groups list and get calls per execution.',
    `- **Parse + plan**: \`measurePlanSpeed()\` from scripts/bench/planSpeed.ts (its header says what is timed, and what the floor loop does), called in ${FRESH_RUNS} fresh Node processes (\`--max-old-space-size=4096\`, as planSpeed.ts's own main), each timing cold and once, the floor first; the median of each measure, and of the runs' own ratios (parse + plan ÷ floor, one process each); before any emulator run.`,
    '- **Size**: bytes of dist/Code.js as built by `npm run build` just before.',
    '',
  ].join('\n');
}
