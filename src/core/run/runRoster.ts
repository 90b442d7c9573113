/**
 * The one entry the adapters call for preview and apply (DESIGN.md §1): one read of the Roster sheet,
 * the pipeline under a pacer and a deadline, progress flushes, one write-back of every status in column
 * blocks. It never throws for bad input or a failing Google: every row ends with a status, and the
 * RunReport says in one sentence what happened.
 *
 * The sheet is the checkpoint: an apply run that meets the deadline leaves its unfinished rows PENDING;
 * the next execution sees PENDING rows and re-plans only those (a continuation); with none, it is a new
 * run over every row. Planning is idempotent, so no row is lost and none is applied twice. What the next
 * execution must know beyond PENDING is data beside the run record (rowNotes.ts), written before the sheet.
 */
import { thrownError } from '../apiErrors';
import { httpNote } from '../details';
import type { RosterRow, RowOutcome, SpaceRowOutcome } from '../model';
import { pendingOutcome } from './outcomes';
import { previewOutage, previewOutageReport } from './previewOutage';
import { GOOGLE_LIMITS, Pacer, type Limits } from '../apply/pacing';
import { collectOutcomes, type PipelineDeps, type RunOptions } from './pipeline';
import { CachedDirectory } from '../resolve/directoryCache';
import { CachedPeopleDirectory } from '../rules/expansionCache';
import type { Clock, KeyValueStore, ProgressBoard, RosterStore, RunLog, ShortTermCache } from '../ports';
import { ProgressPublisher } from './liveProgress';
import { parseRoster, ROSTER_SHEET } from '../sheet/readRoster';
import { clearRecord, loadRecord, nextRecord, saveRecord, type RunRecord } from './runRecord';
import { ChangeLog } from './changeLog';
import { logRow } from './logLayout';
import { planPeople } from './planPeople';
import { RowNotes } from './rowNotes';
import { rowSpaceLabels } from './spaceLabels';
import { SettingSheets } from './settingSheets';
import type { MirrorConfirmation } from '../plan/planMirror';
import { PacedSender } from '../apply/pacedSender';
import { reportWithMessage } from './summary';
import { progressMessage, wholeRosterReport, withChangedRows, withSettings } from './runReport';
import { progressDue, SheetWriter } from './sheetWriter';
import type { RunMode, RunReport } from '../../shared/report';

export type { RunOptions } from './pipeline';

/** An execution dies at 6 minutes (reference/apps-script-limits.md §2); the last 15 s are for writing back. */
export const WORK_BUDGET_MS = 6 * 60_000 - 15_000;
/** Progress reaches the sheet this often at most while a run goes on (less often when writing it costs more, and after the last round: sheetWriter.ts). */
export const PROGRESS_FLUSH_MS = 15_000;

export interface RunDeps extends PipelineDeps {
  store: RosterStore;
  clock: Clock;
  options: RunOptions;
  /** Document properties: the run record of a run spanning executions. */
  state?: KeyValueStore;
  /** The document cache: the directory's answers, for the run's later executions (directoryCache.ts). */
  cache?: ShortTermCache;
  /** The Spaces sheet (optional: without it every space is add-only). */
  spaces?: RosterStore;
  /** The Rules sheet (optional: without it no one is enrolled by rule). */
  rules?: RosterStore;
  /** Where an Apply publishes its progress for the sidebar to poll (the document cache). */
  progress?: ProgressBoard;
  /** The Chat Roster Log sheet: a row per membership change, a row per finished run. */
  log?: RunLog;
  /** The log's maximum entries (LOG_MAX_ROWS unless a test says otherwise). */
  logMaxRows?: number;
  /** Who or what started the run, for the log ("admin@example.com", "nightly sync"). */
  startedBy?: string;
  /** Start a new run over every row even if some are PENDING (the nightly sync at its hour). */
  fresh?: boolean;
  limits?: Limits;
  workBudgetMs?: number;
  random?: () => number;
}

/** Exactly one outcome per row, in row order; a row the pipeline never reached says so. */
function completeOutcomes(rows: readonly RosterRow[], found: readonly RowOutcome[], failure: string | null): RowOutcome[] {
  const byRow = new Map<number, RowOutcome>();
  for (const outcome of found) if (!byRow.has(outcome.sheetRow)) byRow.set(outcome.sheetRow, outcome);
  const missing: RowOutcome = failure === null
    ? { sheetRow: 0, status: 'ERROR', reason: 'notFinished' }
    : { sheetRow: 0, status: 'ERROR', reason: 'stoppedByError', message: failure };
  return rows.map((row) => byRow.get(row.sheetRow) ?? { ...missing, sheetRow: row.sheetRow });
}

export function runRoster(deps: RunDeps, mode: RunMode): RunReport {
  const { clock } = deps;
  const startedAt = clock.now();
  let grid: unknown[][] | null;
  try {
    grid = deps.store.read();
  } catch (thrown) {
    return reportWithMessage(mode, `Could not read the ${ROSTER_SHEET} sheet: ${thrownError(thrown).message}`);
  }
  if (!grid) return reportWithMessage(mode, `There is no ${ROSTER_SHEET} sheet: run Chat Roster › Set up roster sheet first.`);
  const parsed = parseRoster(grid);
  if (!parsed.ok) return reportWithMessage(mode, parsed.message);

  const refusal = adminAccessRefusal(deps);
  if (refusal) return reportWithMessage(mode, refusal);
  const previous = mode === 'apply' && deps.state ? loadRecord(deps.state) : null;
  const pendingRows = parsed.rows.filter((row) => row.status === 'PENDING');
  const settingsLeft = previous?.settingsPending === true;
  const continuing = mode === 'apply' && !deps.fresh && (pendingRows.length > 0 || settingsLeft);
  const sheets = SettingSheets.read(deps, continuing, settingsLeft);
  const rows = continuing ? pendingRows : parsed.rows;
  const keepers = continuing && sheets.needsKeepers ? parsed.rows.filter((row) => row.status !== 'PENDING') : [];
  // Only the sidebar knows whom the administrator confirmed: a later execution without it (the hourly
  // trigger) removes no mirror member of a run started from the sidebar.
  const confirmation = deps.options.confirmation ?? (continuing && previous?.confirmed ? NO_CONFIRMATION : undefined);
  const record: RunRecord | null = mode === 'apply' && deps.state
    ? withConfirmed(nextRecord(previous, continuing, startedAt, deps.startedBy ?? deps.options.callerEmail), continuing, confirmation !== undefined)
    : null;
  // Saved before any work, so an execution killed midway still tells the hourly trigger to continue.
  if (record && deps.state) saveRecord(deps.state, record);
  const notes = record && deps.state ? new RowNotes(deps.state, record.id, rows) : null;

  const deadline = startedAt + (deps.workBudgetMs ?? WORK_BUDGET_MS);
  const sender = new PacedSender(deps.chat, clock, deadline,
    new Pacer(startedAt, deps.limits ?? GOOGLE_LIMITS), deps.random);
  const resolvedSpaces = new Map<number, string>();
  const changeLog = mode === 'apply' && deps.log ? new ChangeLog({
    standIns: sheets.standIns,
    log: deps.log, maxRows: deps.logMaxRows, stamp: (ms) => clock.stamp(ms), now: () => clock.now(),
    account: deps.options.callerEmail, run: record?.id ?? '', rows: new Map(rows.map((row) => [row.sheetRow, row])), spaces: resolvedSpaces,
  }) : null;
  const writer = new SheetWriter(parsed.rows, deps, notes, changeLog, mode === 'apply', grid);
  let lastFlush = startedAt;
  const publisher = record ? new ProgressPublisher(deps.progress, clock, record) : null;
  const settledSoFar = (beforeRun: readonly RowOutcome[], fromRun: readonly RowOutcome[]) => {
    const known = new Map<number, RowOutcome>();
    for (const outcome of [...beforeRun, ...fromRun]) known.set(outcome.sheetRow, outcome);
    return rows.map((row) => known.get(row.sheetRow) ?? pendingOutcome(row.sheetRow));
  };
  // Every row counts under its space's one label, in every execution of the run (spaceLabels.ts); read and
  // kept once, after planning has resolved this execution's spaces.
  let spaceLabels: ReadonlyMap<number, string> | null = null;
  const labelsNow = () => (spaceLabels ??= rowSpaceLabels(parsed.rows, resolvedSpaces, deps.cache));
  const reportSoFar = (outcomes: readonly RowOutcome[], found: readonly RowOutcome[], labels: ReadonlyMap<number, string> = labelsNow()) =>
    wholeRosterReport(mode, parsed.rows, outcomes, labels, sheets.counted(found), (id) => sheets.standIns.get(id)?.space ?? '');
  const flushProgress = (beforeRun: readonly RowOutcome[], fromRun: readonly RowOutcome[], ended: boolean) => {
    publisher?.round(() => reportSoFar(settledSoFar(beforeRun, fromRun), [...beforeRun, ...fromRun]), fromRun.length);
    if (!progressDue(clock.now() - lastFlush, writer.progressEveryMs(PROGRESS_FLUSH_MS), deadline - clock.now(), ended, lastFlush > startedAt)) return;
    lastFlush = clock.now();
    writer.write(settledSoFar(beforeRun, fromRun));
  };
  publisher?.planning(reportSoFar(rows.map((row) => pendingOutcome(row.sheetRow)), [], resolvedSpaces));

  const found: RowOutcome[] = [];
  let failure: string | null = null;
  const directory = record && deps.cache ? new CachedDirectory(deps.directory, deps.cache, record.id) : deps.directory;
  // A rule's people are asked once per run, whatever the number of its executions.
  const people = record && deps.cache && deps.people ? new CachedPeopleDirectory(deps.people, deps.cache, record.id) : deps.people;
  try {
    collectOutcomes(keepers.length > 0 ? [...rows, ...keepers] : rows, { ...deps, directory, people, options: { ...deps.options, confirmation } }, mode, found, {
      keepers: keepers.length > 0 ? new Set(keepers.map((row) => row.sheetRow)) : undefined,
      sender,
      afterRound: mode === 'apply' ? flushProgress : undefined,
      spaceResolved: (sheetRow, label) => resolvedSpaces.set(sheetRow, label),
      addedEarlier: notes?.addedEarlier,
      changed: changeLog?.changed,
      spaceSettings: sheets.spaceSettings,
      mirrored: sheets.mirrored,
      rules: sheets.ruleSettings,
      ruled: sheets.ruled,
    });
  } catch (thrown) {
    failure = thrownError(thrown).message;
  }
  const outage = previewOutage(mode, found, resolvedSpaces.size);
  if (outage) return previewOutageReport(outage);
  const outcomes = completeOutcomes(rows, found, failure);
  const settled = sheets.outcomes(mode, found);
  // Rows edited or inserted while this execution worked are queued, and the run goes on (sheetWriter.ts).
  let changed = 0;
  let checkFailure: unknown = null;
  try {
    changed = writer.check();
  } catch (thrown) {
    checkFailure = thrown;
  }
  const counted = withChangedRows(reportSoFar(outcomes, found), changed);
  const report = { ...withSettings(progressMessage(counted), settled), ...sheets.views(mode, found) };
  if (mode === 'preview') report.people = planPeople(parsed.rows, outcomes, resolvedSpaces);

  // The run row goes with the last change rows, in the same write (DESIGN.md §5).
  const runRow = record && report.pending === 0 ? logRow(record, clock.now(), report, (ms) => clock.stamp(ms), deps.options.callerEmail) : null;
  try {
    if (checkFailure !== null) throw checkFailure;
    const settingsWritten = sheets.write(settled, clock);
    writer.write(outcomes, runRow ? [runRow] : [], settingsWritten);
  } catch (thrown) {
    return {
      ...report,
      message: `${report.message} But the statuses could not be written to the sheet (${thrownError(thrown).message}): run again.`,
    };
  }
  if (record && deps.state) finishExecution(deps.state, record, report, [...settled.spaces, ...settled.rules], notes);
  publisher?.done(report, outcomes.filter((outcome) => outcome.status !== 'PENDING').length);
  return report;
}

/**
 * With admin access on, one admin read first: without the privilege every space lookup and snapshot would
 * fail row by row, so the run stops before touching a row and says why. Only a 403 decides; anything else
 * (an outage) lets the run go on and report per row.
 */
function adminAccessRefusal(deps: RunDeps): string | null {
  if (!deps.options.useAdminAccess) return null;
  let checked;
  try {
    checked = deps.chat.verifyAdminAccess();
  } catch (thrown) {
    checked = { ok: false as const, error: thrownError(thrown) };
  }
  if (checked.ok || checked.error.code !== 403) return null;
  return `Admin access is on, but Google refused it: your account needs the "Manage chat and spaces conversations" admin privilege. Ask a super administrator for it, or turn admin access off in the sidebar. No row was changed. ${httpNote(checked.error)}`;
}

/**
 * Keeps the record (and the notes) while rows are pending, saying whether Spaces or Rules rows are;
 * otherwise (the run row logged) forgets the run.
 */
function finishExecution(state: KeyValueStore, record: RunRecord, report: RunReport, settingRows: readonly SpaceRowOutcome[], notes: RowNotes | null): void {
  const settingsPending = settingRows.some((row) => row.status === 'PENDING');
  if (report.pending > 0 || settingsPending) {
    if (settingsPending !== (record.settingsPending === true)) saveRecord(state, { ...record, settingsPending });
    return;
  }
  clearRecord(state);
  notes?.clear();
}

/** A confirmation that names no one: mirror removals wait for the sidebar. */
const NO_CONFIRMATION: MirrorConfirmation = { removals: new Map(), overLimit: new Set() };

/** A new run remembers whether the sidebar started it with a confirmation; a continuation keeps what its run said. */
function withConfirmed(record: RunRecord, continuing: boolean, confirmed: boolean): RunRecord {
  return continuing ? record : { ...record, confirmed };
}

