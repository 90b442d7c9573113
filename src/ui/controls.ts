/**
 * The sidebar's controls: the elements of its static shell (sidebar.html), the model of what is under way,
 * and which buttons that model leaves on. main.ts holds the one model and passes the Sidebar below to each
 * action (preview.ts, applyRun.ts, setupActions.ts, settings.ts), so they all say and disable things alike.
 */
import type { SidebarState } from '../shared/sidebar';
import type { RunReport } from '../shared/report';
import { byId, setText, show } from './dom';
import type { ProgressParts } from './render';
import { nothingToApply, previewOverwriteNote } from './runNotes';

/** The static shell's elements, looked up once (a missing one throws: a build bug). */
export function sidebarElements() {
  const elements = {
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
  return { ...elements, progressParts };
}

export type SidebarUi = ReturnType<typeof sidebarElements>;

export interface Model {
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

/** What every action of the sidebar works with: the elements, the one model, and the shared ways to speak. */
export interface Sidebar {
  readonly ui: SidebarUi;
  readonly model: Model;
  /** The message line; `working` shows it as in progress. */
  say(text: string, working?: boolean): void;
  sayError(text: string): void;
  updateControls(): void;
  /** Reads the sidebar state again and shows it; null (the error said) when it can't be read. */
  refresh(): Promise<SidebarState | null>;
}

export function updateControls(ui: SidebarUi, model: Model): void {
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
