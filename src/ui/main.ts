/**
 * The sidebar's controller. Every server call is one Apps Script execution; an apply run is driven from
 * here (DESIGN.md §1 "who drives the next execution"): provisionRoster is called again while rows are
 * PENDING, one call at a time, until the run is done, the administrator presses Stop, or a call fails.
 */
import type { RemovalConfirmation, RunReport } from '../shared/report';
import type { SidebarState } from '../shared/sidebar';
import { normalizeReport } from './serverReport';
import { byId, setText, show } from './dom';
import {
  errorSentence, finishSentence, removalCount,
} from './format';
import { renderMirrorConfirm, renderMirrorPlan } from './mirrorRemovals';
import { renderPlanBars } from './planBars';
import { renderRunChart } from './runChart';
import { nothingToApply, previewOverwriteNote, runNoticeSentence } from './runNotes';
import { renderRulePlan } from './rulePlan';
import { latestProgressAt, pollProgress } from './progressPoller';
import { confirmationOf, mirrorRemovalCount, NOTHING_CONFIRMED, removalPrompt } from './removalConfirmation';
import {
  fillHours, renderProgress, renderRecentRuns, renderResult, renderSetupReport, renderSummary, resetProgress,
  type ProgressParts,
} from './render';
import { setUpImportPanel } from './importPanel';
import { callServer } from './server';

/** The nightly hour offered before one is chosen. */
const DEFAULT_NIGHTLY_HOUR = 2;
/** Executions in a row that finish no row before the sidebar gives up (the rows stay PENDING). */
const MAX_STALLED_CALLS = 3;

const ui = {
  app: byId('app', HTMLElement),
  summary: byId('summary', HTMLElement),
  refresh: byId('refresh', HTMLButtonElement),
  applyWhy: byId('apply-why', HTMLElement),
  previewNote: byId('preview-note', HTMLElement),
  planFind: byId('plan-find', HTMLInputElement),
  runChart: byId('run-chart', HTMLElement),
  setup: byId('setup', HTMLButtonElement),
  runNotice: byId('run-notice', HTMLElement),
  runNoticeText: byId('run-notice-text', HTMLElement),
  resume: byId('resume', HTMLButtonElement),
  preview: byId('preview', HTMLButtonElement),
  apply: byId('apply', HTMLButtonElement),
  confirm: byId('confirm', HTMLElement),
  confirmQuestion: byId('confirm-question', HTMLElement),
  confirmDetail: byId('confirm-detail', HTMLElement),
  confirmList: byId('confirm-list', HTMLElement),
  confirmApply: byId('confirm-apply', HTMLButtonElement),
  confirmCancel: byId('confirm-cancel', HTMLButtonElement),
  progress: byId('progress', HTMLElement),
  stop: byId('stop', HTMLButtonElement),
  message: byId('message', HTMLElement),
  error: byId('error', HTMLElement),
  result: byId('result', HTMLElement),
  planSection: byId('plan-section', HTMLElement),
  plan: byId('plan', HTMLElement),
  planMirror: byId('plan-mirror', HTMLElement),
  planRules: byId('plan-rules', HTMLElement),
  nightlyToggle: byId('nightly-toggle', HTMLInputElement),
  nightlyHour: byId('nightly-hour', HTMLSelectElement),
  nightlyStatus: byId('nightly-status', HTMLElement),
  adminAccess: byId('admin-access', HTMLInputElement),
  adminStatus: byId('admin-status', HTMLElement),
  recentRuns: byId('recent-runs', HTMLElement),
  checkHeading: byId('check-heading', HTMLElement),
  checkSetup: byId('check-setup', HTMLButtonElement),
  addRules: byId('add-rules', HTMLButtonElement),
  checkSummary: byId('check-summary', HTMLElement),
  checkReport: byId('check-report', HTMLElement),
  user: byId('user', HTMLElement),
};

const progressParts: ProgressParts = {
  bar: byId('progress-bar', HTMLElement),
  fill: byId('progress-fill', HTMLElement),
  text: byId('progress-text', HTMLElement),
  eta: byId('progress-eta', HTMLElement),
  spaces: byId('progress-spaces', HTMLElement),
};

interface Model {
  state: SidebarState | null;
  /** The last preview with rows in it: Apply is ready. Cleared when an apply starts. */
  preview: RunReport | null;
  /** A load, preview, setup or the apply loop is in flight. */
  busy: boolean;
  /** The apply loop is going. */
  running: boolean;
  stopRequested: boolean;
  confirming: boolean;
  nightlyBusy: boolean;
  adminBusy: boolean;
  checkBusy: boolean;
}

const model: Model = {
  state: null, preview: null, busy: false, running: false, stopRequested: false, confirming: false,
  nightlyBusy: false, adminBusy: false, checkBusy: false,
};

// ---- what the admin sees ---------------------------------------------------------------------------

function say(text: string, working = false): void {
  setText(ui.message, text);
  ui.message.classList.toggle('is-working', working);
}

function sayError(text: string): void {
  setText(ui.error, text);
}

function updateControls(): void {
  const { state, busy, running, confirming, stopRequested } = model;
  const canRun = !busy && !running && !confirming;
  ui.app.setAttribute('aria-busy', busy || running ? 'true' : 'false');
  // For tests and the workbench: 'loading' | 'running' | 'busy' | 'confirming' | 'idle'.
  ui.app.dataset.state = !state && busy ? 'loading' : running ? 'running' : busy ? 'busy' : confirming ? 'confirming' : 'idle';
  ui.preview.disabled = !canRun || !state || !state.roster;
  // A preview with nothing to send leaves Apply off, and says why (an unfinished run still offers it).
  const blocked = model.preview && !state?.run ? nothingToApply(model.preview) : '';
  ui.apply.disabled = !canRun || !((model.preview && !blocked) || state?.run);
  setText(ui.applyWhy, blocked);
  show(ui.applyWhy, blocked !== '' && canRun);
  const overwrite = state?.roster && !model.preview ? previewOverwriteNote(state.roster.counts) : '';
  setText(ui.previewNote, overwrite);
  show(ui.previewNote, overwrite !== '' && canRun);
  ui.refresh.disabled = busy || running;
  // With an unfinished run and no newer preview, Resume is the main action; Apply (same effect) steps back.
  const resumeFirst = Boolean(state?.run) && !model.preview && !running;
  ui.apply.classList.toggle('btn-primary', !resumeFirst);
  ui.apply.classList.toggle('btn-secondary', resumeFirst);
  ui.resume.disabled = !canRun;
  ui.setup.disabled = busy || running;
  show(ui.setup, Boolean(state && !state.roster));
  show(ui.runNotice, Boolean(state?.run) && !running && !confirming);
  show(ui.stop, running);
  ui.stop.disabled = stopRequested;
  setText(ui.stop, stopRequested ? 'Stopping…' : 'Stop');
  ui.confirmApply.disabled = !confirming || busy || running;
  ui.confirmCancel.disabled = !confirming || busy || running;
  show(ui.confirm, confirming);
  ui.nightlyToggle.disabled = !state || model.nightlyBusy;
  ui.nightlyHour.disabled = !state || model.nightlyBusy;
  ui.adminAccess.disabled = !state || model.adminBusy;
  ui.checkSetup.disabled = model.checkBusy;
  ui.addRules.disabled = !canRun;
}

function renderRunNotice(state: SidebarState): void {
  setText(ui.runNoticeText, runNoticeSentence(state));
}

function applyState(state: SidebarState): void {
  model.state = state;
  renderSummary(ui.summary, state);
  renderRunNotice(state);
  renderRunChart(ui.runChart, state.recentRuns);
  renderRecentRuns(ui.recentRuns, state.recentRuns);
  if (!model.nightlyBusy) {
    ui.nightlyToggle.checked = state.nightlyHour !== null;
    fillHours(ui.nightlyHour, state.nightlyHour ?? Number(ui.nightlyHour.value || DEFAULT_NIGHTLY_HOUR));
  }
  if (!model.adminBusy) ui.adminAccess.checked = state.adminAccess;
  setText(ui.user, state.user ? `Runs as ${state.user}` : '');
  updateControls();
}

// ---- server calls ----------------------------------------------------------------------------------

async function refresh(): Promise<SidebarState | null> {
  try {
    const state = await callServer('getSidebarState');
    applyState(state);
    return state;
  } catch (error) {
    sayError(errorSentence('load', error));
    return null;
  }
}

/** Reads the sidebar state again (the Refresh button, and the first load). */
async function reload(): Promise<SidebarState | null> {
  if (model.busy || model.running) return null;
  model.busy = true;
  updateControls();
  const state = await refresh();
  model.busy = false;
  updateControls();
  return state;
}

async function load(): Promise<void> {
  const state = await reload();
  if (!state) {
    setText(ui.summary, 'The roster could not be read.');
    return;
  }
  if (state.startAction === 'preview') {
    await preview(false);
  } else if (state.startAction === 'check') {
    // Opened by the menu's Check setup: the report sits below Settings, out of sight without this.
    ui.checkHeading.scrollIntoView({ block: 'start' });
    await checkSetup();
  } else if (state.startAction === 'import') {
    importPanel.focus();
  } else if (state.startAction === 'apply') {
    if (state.run) {
      say('A run isn’t finished yet: press Resume to continue it.');
      ui.resume.focus();
    } else {
      await preview(true);
    }
  }
}

async function preview(readyToApply: boolean): Promise<void> {
  if (model.busy || model.running) return;
  model.busy = true;
  model.preview = null;
  model.confirming = false;
  sayError('');
  setText(ui.result, '');
  show(ui.progress, false);
  say('Previewing the roster… Nothing changes in Google Chat.', true);
  updateControls();
  try {
    const report = normalizeReport(await callServer('previewRoster'), 'preview');
    model.preview = report.rows > 0 ? report : null;
    say(report.message || 'The preview is done.');
    if (report.rows > 0) {
      renderPlanBars(ui.plan, ui.planFind, report);
      renderMirrorPlan(ui.planMirror, report);
      renderRulePlan(ui.planRules, report);
      show(ui.planSection, true);
      renderResult(ui.result, report, false);
    } else {
      show(ui.planSection, false);
    }
  } catch (error) {
    say('');
    sayError(errorSentence('preview', error));
  }
  model.busy = false;
  await refresh();
  updateControls();
  if (readyToApply && model.preview) {
    say(`${ui.message.textContent ?? ''} Check the plan, then press Apply to make these changes.`.trim());
    ui.apply.focus();
  }
}

/** The over-limit spaces the admin ticked in the confirmation (set while it shows). */
let tickedSpaces: () => Set<string> = () => new Set();

function requestApply(): void {
  if (model.busy || model.running) return;
  const planned = model.preview;
  if (!planned) {
    void apply(NOTHING_CONFIRMED);
    return;
  }
  if (removalCount(planned) > 0 || mirrorRemovalCount(planned) > 0) {
    const prompt = removalPrompt(planned);
    setText(ui.confirmQuestion, prompt.question);
    setText(ui.confirmDetail, prompt.detail);
    tickedSpaces = renderMirrorConfirm(ui.confirmList, planned);
    model.confirming = true;
    updateControls();
    ui.confirmCancel.focus();
    return;
  }
  void apply(confirmationOf(planned, new Set()));
}

/** "Yes, apply": exactly the removals the confirmation showed, and the spaces ticked. */
function confirmApply(): void {
  const planned = model.preview;
  void apply(planned ? confirmationOf(planned, tickedSpaces()) : NOTHING_CONFIRMED);
}

function cancelConfirm(): void {
  model.confirming = false;
  updateControls();
  ui.apply.focus();
}

/** Said while a run spans executions: what happens if the administrator closes the sidebar now. */
function continuationSentence(report: RunReport): string {
  return report.continuation === 'sidebarOnly'
    ? 'Applying the roster. Keep this sidebar open until it is done: Chat Roster has no permission to install the trigger that would carry it on without you.'
    : 'Applying the roster. You can keep working in the sheet, or close this sidebar: Chat Roster carries on by itself within the hour.';
}

/**
 * The apply loop: one provisionRoster at a time, again while rows are PENDING, until done or Stop. Every call
 * carries the same confirmation: no mirror member is removed that the admin wasn't shown.
 */
async function apply(confirmation: RemovalConfirmation): Promise<void> {
  if (model.running || model.busy) return;
  const writesPerMinute = model.state?.writesPerMinute ?? 0;
  model.running = true;
  model.confirming = false;
  model.stopRequested = false;
  model.preview = null;
  sayError('');
  setText(ui.result, '');
  show(ui.planSection, false);
  show(ui.progress, true);
  resetProgress(progressParts, 'Starting…');
  say('Applying the roster. Chat Roster keeps going until every row is done; you can keep working in the sheet.', true);
  updateControls();
  ui.stop.focus();

  let last: RunReport | null = null;
  let stalled = 0;
  // The pace measured by the executions themselves (rows a minute); the write budget until one is known.
  let pace = 0;
  const baseline = await latestProgressAt();
  try {
    for (;;) {
      const stopPolling = pollProgress(baseline, (progress) => {
        if (progress.rowsPerMinute > 0) pace = progress.rowsPerMinute;
        if (!model.stopRequested) renderProgress(progressParts, normalizeReport(progress.report, 'apply'), pace || writesPerMinute, true);
      });
      let report: RunReport;
      try {
        report = normalizeReport(await callServer('provisionRoster', confirmation), 'apply');
      } finally {
        stopPolling();
      }
      stalled = last && report.pending > 0 && report.done <= last.done ? stalled + 1 : 0;
      last = report;
      renderProgress(progressParts, report, pace || writesPerMinute, report.pending > 0 && !model.stopRequested);
      if (report.pending > 0) say(continuationSentence(report), true);
      if (report.pending === 0 || model.stopRequested) break;
      if (stalled >= MAX_STALLED_CALLS) {
        sayError(`Chat Roster finished no row in the last ${MAX_STALLED_CALLS} steps, so it paused. The rows not done yet stay PENDING: check the Details column, then press Resume.`);
        break;
      }
    }
  } catch (error) {
    sayError(errorSentence('apply', error));
  }

  const stopped = model.stopRequested;
  model.running = false;
  model.stopRequested = false;
  if (last) {
    if (last.rows === 0) show(ui.progress, false);
    const unfinished = finishSentence(last, stopped);
    say(last.pending > 0 ? unfinished : last.message);
    // The counts once: the finished run's sentence names them; a stopped run's list shows what was done.
    if (last.pending > 0) renderResult(ui.result, last);
    else setText(ui.result, '');
  } else {
    say('');
    show(ui.progress, false);
  }
  updateControls();
  // Stop is hidden now: keep keyboard focus in the sidebar.
  if (document.activeElement === ui.stop || document.activeElement === document.body) ui.preview.focus();
  model.busy = true;
  await refresh();
  model.busy = false;
  updateControls();
}

async function stop(): Promise<void> {
  if (!model.running || model.stopRequested) return;
  model.stopRequested = true;
  say('Stopping after the current step. The rows not done yet stay PENDING.', true);
  updateControls();
  try {
    await callServer('stopRun');
  } catch (error) {
    sayError(errorSentence('stop', error));
  }
}

/** Set up roster sheet; with `rules`, the Rules sheet too (created on demand only: each sheet costs a run one read). */
async function setup(rules = false): Promise<void> {
  if (model.busy || model.running) return;
  model.busy = true;
  sayError('');
  say(rules ? 'Adding the Rules sheet…' : 'Setting up the Roster sheet…', true);
  updateControls();
  try {
    say(await callServer('setupRosterSheet', rules ? { rules: true } : undefined));
  } catch (error) {
    say('');
    sayError(errorSentence('setup', error));
  }
  await refresh();
  model.busy = false;
  updateControls();
  if (model.state?.roster) ui.preview.focus();
}

async function changeNightly(): Promise<void> {
  const on = ui.nightlyToggle.checked;
  const hour = Number(ui.nightlyHour.value);
  model.nightlyBusy = true;
  setText(ui.nightlyStatus, on ? 'Turning on the nightly sync…' : 'Turning off the nightly sync…');
  updateControls();
  try {
    const sentence = on ? await callServer('installNightlySync', hour) : await callServer('removeNightlySync');
    setText(ui.nightlyStatus, sentence);
  } catch (error) {
    ui.nightlyToggle.checked = !on;
    setText(ui.nightlyStatus, '');
    sayError(errorSentence('nightly', error));
  }
  model.nightlyBusy = false;
  updateControls();
}

async function changeNightlyHour(): Promise<void> {
  if (ui.nightlyToggle.checked) await changeNightly();
}

async function changeAdminAccess(): Promise<void> {
  const wanted = ui.adminAccess.checked;
  model.adminBusy = true;
  updateControls();
  try {
    const enabled = (await callServer('setAdminAccess', wanted)) === true;
    ui.adminAccess.checked = enabled;
    setText(ui.adminStatus, enabled
      ? 'Admin access is on, for you only: Chat Roster now acts with your Chat admin privilege, so it can manage members of any space of your organisation, even ones you are not in. Google then refuses to add people from outside your organisation, and the nightly sync you installed uses it too.'
      : 'Admin access is off: Chat Roster changes only spaces where you are a Manager or Owner.');
  } catch (error) {
    ui.adminAccess.checked = !wanted;
    sayError(errorSentence('admin', error));
  }
  model.adminBusy = false;
  updateControls();
}

async function checkSetup(): Promise<void> {
  if (model.checkBusy) return;
  model.checkBusy = true;
  setText(ui.checkSummary, 'Checking the setup with Google…');
  updateControls();
  try {
    const report = await callServer('checkSetup');
    setText(ui.checkSummary, report.summary);
    renderSetupReport(ui.checkReport, report);
    // The first failure (else warning) in sight: the report is longer than the sidebar is high.
    const first = ui.checkReport.querySelector('[data-outcome="failed"]') ?? ui.checkReport.querySelector('[data-outcome="warning"]');
    first?.scrollIntoView({ block: 'nearest' });
  } catch (error) {
    setText(ui.checkSummary, '');
    sayError(errorSentence('check', error));
  }
  model.checkBusy = false;
  updateControls();
}

// ---- wiring ----------------------------------------------------------------------------------------

ui.preview.addEventListener('click', () => void preview(false));
ui.refresh.addEventListener('click', () => void reload());
ui.apply.addEventListener('click', requestApply);
ui.resume.addEventListener('click', () => void apply(NOTHING_CONFIRMED));
ui.confirmApply.addEventListener('click', confirmApply);
ui.confirmCancel.addEventListener('click', cancelConfirm);
ui.stop.addEventListener('click', () => void stop());
ui.setup.addEventListener('click', () => void setup());
ui.addRules.addEventListener('click', () => void setup(true));
ui.nightlyToggle.addEventListener('change', () => void changeNightly());
ui.nightlyHour.addEventListener('change', () => void changeNightlyHour());
ui.adminAccess.addEventListener('change', () => void changeAdminAccess());
ui.checkSetup.addEventListener('click', () => void checkSetup());
ui.confirm.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') cancelConfirm();
});

const importPanel = setUpImportPanel(refresh);

fillHours(ui.nightlyHour, DEFAULT_NIGHTLY_HOUR);
updateControls();
void load();
