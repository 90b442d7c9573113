/**
 * What limits a roster of 100,000 rows and of 1,000,000 (issue 15 item 5): the arithmetic, from Google's
 * published limits (reference/apps-script-limits.md, reference/chat-api-limits.md) and what this run
 * measured. On paper only: no emulator run of that size.
 */
import { LOG_HEADERS } from '../../src/core/run/logLayout';
import { LOG_MAX_ROWS } from '../../src/core/run/logAppender';
import { ROSTER_HEADERS } from '../../src/core/sheet/readRoster';
import { int, table } from './format';

const CELLS_PER_SPREADSHEET = 10_000_000;
const URL_FETCH_PER_DAY = 100_000; // Google Workspace account
const TRIGGER_RUNTIME_MS_PER_DAY = 6 * 60 * 60_000; // Google Workspace account
const EXECUTION_MS = 6 * 60_000;
const WRITES_PER_MINUTE = 300; // per Cloud project, shared by every user of a published add-on
const MEMBERS_PER_LIST_PAGE = 1000;

/** `writesPerExecution`: the most membership writes one full execution made in this run. */
export function scaleCeiling(writesPerExecution: number): string {
  const rosterColumns = ROSTER_HEADERS.length;
  const logCells = LOG_MAX_ROWS * LOG_HEADERS.length;
  const row = (rows: number) => {
    // Every row a change (a first run of a new roster): one write each, plus the reads that list the spaces.
    const writes = rows;
    const reads = Math.ceil(rows / MEMBERS_PER_LIST_PAGE);
    const cells = rows * rosterColumns + logCells;
    const executions = Math.ceil(writes / writesPerExecution);
    const budgetHours = writes / WRITES_PER_MINUTE / 60;
    return [
      int(rows),
      `${int(rows * rosterColumns)} roster + ${int(logCells)} log = ${int(cells)} of ${int(CELLS_PER_SPREADSHEET)} (${Math.round((cells * 100) / CELLS_PER_SPREADSHEET)}%)`,
      `${int(writes + reads)} calls: ${((writes + reads) / URL_FETCH_PER_DAY).toFixed(1)} days of one user's ${int(URL_FETCH_PER_DAY)} a day`,
      `${budgetHours.toFixed(1)} h of the project's whole budget`,
      `${int(executions)} × 6 min = ${((executions * EXECUTION_MS) / 3_600_000).toFixed(1)} h; the trigger alone: ${((executions * EXECUTION_MS) / TRIGGER_RUNTIME_MS_PER_DAY).toFixed(1)} days of its 6 h a day`,
    ];
  };
  const share = (rows: number) => Math.round(((rows * rosterColumns + logCells) * 100) / CELLS_PER_SPREADSHEET);
  const days = (rows: number) => ((rows + Math.ceil(rows / MEMBERS_PER_LIST_PAGE)) / URL_FETCH_PER_DAY).toFixed(1);
  const hours = (rows: number) => (rows / WRITES_PER_MINUTE / 60).toFixed(1);
  return [
    table(['rows (all changes)', 'Sheets cells (10 M a spreadsheet)', 'UrlFetch calls (a user\'s daily quota)', 'writes at 300/min (per project)', 'executions'], [row(100_000), row(1_000_000)]),
    '',
    `- **100,000 rows** fit: with a full log the cells are ${share(100_000)}% of a spreadsheet, one read of the roster is ${int(100_000 * rosterColumns)} values, and the run takes about ${Math.ceil(100_000 / writesPerExecution)} executions. `
      + `What binds is the daily UrlFetch quota (every membership call is one fetch): a first run of 100,000 changes needs ${days(100_000)} days of one user's quota, and ${hours(100_000)} hours of the Cloud project's whole write budget, which every customer of a published add-on shares. A second run of the same roster makes no write and costs only the list reads.`,
    `- **1,000,000 rows** don't: the roster's ${int(1_000_000 * rosterColumns)} cells plus a full log come to ${share(1_000_000)}% of a spreadsheet's 10 million, a first run needs ${days(1_000_000)} days of one user's UrlFetch quota and ${hours(1_000_000)} hours of the project's write budget, and the hourly trigger alone could give it only 6 hours of runtime a day. `
      + 'Memory per execution is not published; parsing and planning 1,000,000 rows in Node held the whole grid in memory (see §5 local speed). Such a roster wants several spreadsheets (one per department or per set of spaces) or rules (an organisational unit expands without a row per person).',
    `- Assumed: ${int(writesPerExecution)} writes per execution (the most one full execution of the throughput run made), ${rosterColumns} roster columns, a log trimmed at ${int(LOG_MAX_ROWS)} rows of ${LOG_HEADERS.length} columns, members listed ${int(MEMBERS_PER_LIST_PAGE)} a page, Google Workspace quotas (a consumer account has 20,000 UrlFetch calls and 90 minutes of triggers a day).`,
  ].join('\n');
}
