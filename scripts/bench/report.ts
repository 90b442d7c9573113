/** The benchmark report as markdown: environment, the workload table, other targets, per-execution tables, method. */
import { cpus } from 'node:os';
import { duration, ratio, table } from './format';
import { successfulWriteBudget } from './conditions';
import { MAX_PASSES } from './naive';
import { FRESH_RUNS } from './planSpeed';
import { executionTable, lossBreakdown, workloadTable } from './reportTables';
import { scaleCeiling } from './scaleCeiling';
import { lines, type Line, type Results } from './targets';

function verdictCell(line: Line): string {
  if (line.verdict === 'info') return '';
  return line.hard ? `**${line.verdict}**` : `${line.verdict} (not in the exit code)`;
}

/** The faults workload against the plain 300/min too, since faulted attempts are charged (FIDELITY.md). */
function faultNote(results: Results): string[] {
  return results.workloads.filter(({ spec }) => spec.conditions.faultRate).map(({ spec, run }) => {
    const plain = run.timeMs / ((run.workload.writesNeeded.total / 300) * 60_000);
    return `- **${spec.id}**: the bound counts the writes that succeed, at the ${successfulWriteBudget(spec.conditions).toFixed(0)}/min the faults leave them `
      + `(an injected 429/500/503 passed the quota check and is charged, emulator/FIDELITY.md, so ${(spec.conditions.faultRate ?? 0) * 100}% of write attempts spend budget and fail). `
      + `Against a plain 300/min the same run is ${ratio(plain)}; no run can go under ${ratio(1 / (1 - (spec.conditions.faultRate ?? 0)))} there.`;
  });
}

export function renderReport(results: Results, meta: { date: string; realMs: number }): string {
  const all = lines(results);
  const cpu = cpus();
  return [
    '# Chat Roster benchmark',
    '',
    `${meta.date} · Node ${process.version} · ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'} · real time of the measurements ${duration(meta.realMs)}`,
    '',
    'Emulator virtual clock, 300 ms per API call (`latencyMs: 300`; a fetchAll batch costs 300 ms once), the emulator\'s default quotas '
      + '(300 membership writes and 3,000 membership reads a minute per project, 15 reads a second per space, sliding windows). '
      + 'Executions of 6 virtual minutes, driven back to back as the sidebar does, as admin@example.com (Owner of every space). '
      + 'The exit code fails only on the ratios marked hard (time ÷ lower bound, naive ÷ ours).',
    '',
    '## Workloads (DESIGN.md §5, throughput at the quota)',
    '',
    workloadTable(results.workloads, all),
    '',
    ...results.workloads.map(({ spec, run }) => `- **${spec.id}** (${run.workload.name}): ${spec.about}.`),
    ...faultNote(results),
    '- **naive ÷ bound** is the most naive ÷ ours could be if Chat Roster met the lower bound exactly: the naive loop makes one call per 300 ms, '
      + '200 a minute, so where every row is a write (a roster of new members only) it would be only 1.5× slower than the 300/min budget allows anyone to be (hence every roster here has the same mix, 30% already members); '
      + 'its 2× comes from rows already present (a create answered 409 still costs 300 ms) and, under faults or a shared budget, from rows it must walk again.',
    '',
    '## Every target',
    '',
    table(['§', 'measure', 'value', 'target', 'result'], all.map((line) => [line.section, line.measure, line.value, line.target, verdictCell(line)])),
    '',
    '## Where the time beyond the lower bound went',
    '',
    ...results.workloads.map(({ spec, run }) => `- **${spec.id}**: ${lossBreakdown(run)}`),
    '',
    ...results.workloads.flatMap(({ spec, run }) => [`## ${spec.id} (${run.workload.name}), per execution`, '', executionTable(run.executions), '']),
    '## Scale ceiling, on paper',
    '',
    scaleCeiling(Math.max(...results.workloads[0].run.executions.map(({ calls }) => calls.writes))),
    '',
    '## How each number was measured',
    '',
    '- **Workloads** (scripts/bench/workloads.ts lists them as data; workload.ts builds them, conditions.ts sets what else happens in Google): row r of an n-space roster goes to space r mod n, a different person per row within a space; '
      + '30% of the rows drawn (seeded PRNG) as already present, seeded as members with the row\'s role; of the new rows about 2% Manager and 1% Owner (create + role patch). No deletes (add-only).',
    '- **Time to converge**: `google.clock.now()` at the first `provisionRoster` execution\'s start to the last one\'s end (the one reporting `pending: 0`); `setupRosterSheet` runs once before, uncounted, and the conditions (faults, the other user) start after it. '
      + 'Executions follow each other with no gap (the sidebar\'s google.script.run round trip is not modelled).',
    '- **Lower bound**: membership writes the roster needs (creates + role patches, counted from the workload) ÷ the write budget left for successful writes (300/min; less the other user\'s 150/min; times 0.9 with 10% faults), or membership reads made ÷ 3,000/min when that is longer.',
    '- **Right**: the Roster (and Rules) Status column after convergence (no PENDING or ERROR), and `google.membersOf` of every space compared with what the workload asks (member present with the asked role; nobody but the admin unnamed). A ratio from a run that is not right is a FAIL.',
    '- **Calls**: `google.calls` sliced per execution. Writes = create/patch/delete answered 2xx; member reads = members.get/list; other = spaces.get/list/search and Directory calls; 429s = any call answered 429. The other user\'s calls are not in `google.calls`.',
    '- **Sheets calls**: the emulator\'s per-execution count of round trips (every SpreadsheetApp/Spreadsheet/Sheet/Range call but handle getters); a flush followed by more API calls is a progress flush, costing its `setValues` calls + the flush; "base" = all other Sheets calls.',
    `- **Naive loop** (scripts/bench/naive.js, loaded through gas-local like dist/): per row \`Chat.Spaces.Members.create\` in a try/catch, then \`Chat.Spaces.Members.patch\` with \`updateMask=role\` for Manager/Owner rows; sequential, no retry; it stops starting rows after 5 min 45 s and the next execution continues from its row index (it writes no statuses: generous to it). `
      + `Same seed, roster and conditions on a fresh Google. It retries nothing, so after each walk through the roster it is run again from the top while Chat doesn't match (an oracle tells it: generous), at most ${MAX_PASSES} walks; a loop that never converged has its ratio marked "at least". For the OU rule it gets the rule's people as roster rows (generous: it needs no Directory).`,
    '- **Second run**: one `provisionRoster` right after the first workload converged, unchanged roster.',
    `- **Parse + plan**: \`measurePlanSpeed()\` from scripts/bench/planSpeed.ts (its header says what is timed, and what the floor loop does), called in ${FRESH_RUNS} fresh Node processes (\`--max-old-space-size=4096\`, as planSpeed.ts's own main), each timing cold and once, the floor first; the median of each measure, and of the runs' own ratios (parse + plan ÷ floor, one process each); before any emulator run. The absolute time is information only.`,
    '- **Size**: bytes of dist/Code.js as built by `npm run build` just before.',
    '',
  ].join('\n');
}
