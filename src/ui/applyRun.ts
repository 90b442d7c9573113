/**
 * An Apply from the sidebar (DESIGN.md §1 "who drives the next execution"): the confirmation it asks first when
 * the preview removes anyone, then the loop — provisionRoster called again while rows are PENDING, one call at
 * a time, until the run is done, the administrator presses Stop, or a call fails — with the live progress
 * polled beside each call (progressPoller.ts). Every call carries the same confirmation.
 */
import type { RemovalConfirmation, RunReport } from '../shared/report';
import type { Sidebar } from './controls';
import { setText, show } from './dom';
import { errorSentence } from './errorSentence';
import { removalCount } from './removalConfirmation';
import { finishSentence } from './reportSentences';
import { renderMirrorConfirm } from './mirrorRemovals';
import { latestProgressAt, pollProgress } from './progressPoller';
import { confirmationOf, mirrorRemovalCount, NOTHING_CONFIRMED, removalPrompt } from './removalConfirmation';
import { renderProgress, renderResult, resetProgress } from './render';
import { continuationSentence } from './runNotes';
import { callServer } from './server';
import { normalizeReport } from './serverReport';

/** Executions in a row that finish no row before the sidebar gives up (the rows stay PENDING). */
const MAX_STALLED_CALLS = 3;

/** Apply's confirmation: what the Apply, "Yes, apply" and Cancel buttons do. */
export interface ApplyConfirmation {
  /** Apply: asks first when the preview removes anyone, else applies at once. */
  request(): void;
  /** "Yes, apply": exactly the removals the confirmation showed, and the spaces ticked. */
  confirm(): void;
  cancel(): void;
}

export function applyConfirmation(sidebar: Sidebar): ApplyConfirmation {
  const { ui, model } = sidebar;
  /** The over-limit spaces the admin ticked in the confirmation (set while it shows). */
  let tickedSpaces: () => Set<string> = () => new Set();
  return {
    request() {
      if (model.busy || model.running) return;
      const planned = model.preview;
      if (!planned) {
        void apply(sidebar, NOTHING_CONFIRMED);
        return;
      }
      if (removalCount(planned) > 0 || mirrorRemovalCount(planned) > 0) {
        const prompt = removalPrompt(planned);
        setText(ui.confirmQuestion, prompt.question);
        setText(ui.confirmDetail, prompt.detail);
        tickedSpaces = renderMirrorConfirm(ui.confirmList, planned);
        model.confirming = true;
        sidebar.updateControls();
        ui.confirmCancel.focus();
        return;
      }
      void apply(sidebar, confirmationOf(planned, new Set()));
    },
    confirm() {
      const planned = model.preview;
      void apply(sidebar, planned ? confirmationOf(planned, tickedSpaces()) : NOTHING_CONFIRMED);
    },
    cancel() {
      model.confirming = false;
      sidebar.updateControls();
      ui.apply.focus();
    },
  };
}

/**
 * The apply loop: one provisionRoster at a time, again while rows are PENDING, until done or Stop. Every call
 * carries the same confirmation: no mirror member is removed that the admin wasn't shown.
 */
export async function apply(sidebar: Sidebar, confirmation: RemovalConfirmation): Promise<void> {
  const { ui, model, say, sayError } = sidebar;
  const progressParts = ui.progressParts;
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
  sidebar.updateControls();
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
  sidebar.updateControls();
  // Stop is hidden now: keep keyboard focus in the sidebar.
  if (document.activeElement === ui.stop || document.activeElement === document.body) ui.preview.focus();
  model.busy = true;
  await sidebar.refresh();
  model.busy = false;
  sidebar.updateControls();
}

/** Stop: the loop ends after the execution under way (stopRun tells the server side too). */
export async function stop(sidebar: Sidebar): Promise<void> {
  const { model } = sidebar;
  if (!model.running || model.stopRequested) return;
  model.stopRequested = true;
  sidebar.say('Stopping after the current step. The rows not done yet stay PENDING.', true);
  sidebar.updateControls();
  try {
    await callServer('stopRun');
  } catch (error) {
    sidebar.sayError(errorSentence('stop', error));
  }
}
