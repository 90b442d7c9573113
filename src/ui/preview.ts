/**
 * The Preview action: previewRoster as one execution (nothing changes in Google Chat), then its plan shown —
 * the bars per space, the mirror removals and the rules — with a preview that has rows kept for Apply.
 */
import { errorSentence } from './errorSentence';
import { setText, show } from './dom';
import type { Sidebar } from './controls';
import { renderMirrorPlan } from './mirrorRemovals';
import { renderPlanBars } from './planBars';
import { renderResult } from './render';
import { renderRulePlan } from './rulePlan';
import { callServer } from './server';
import { normalizeReport } from './serverReport';

/** Previews the roster; `readyToApply` (the menu's Apply) then points the admin at Apply. */
export async function preview(sidebar: Sidebar, readyToApply: boolean): Promise<void> {
  const { ui, model, say, sayError } = sidebar;
  if (model.busy || model.running) return;
  model.busy = true;
  model.preview = null;
  model.confirming = false;
  sayError('');
  setText(ui.result, '');
  show(ui.progress, false);
  say('Previewing the roster… Nothing changes in Google Chat.', true);
  sidebar.updateControls();
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
  await sidebar.refresh();
  sidebar.updateControls();
  if (readyToApply && model.preview) {
    say(`${ui.message.textContent ?? ''} Check the plan, then press Apply to make these changes.`.trim());
    ui.apply.focus();
  }
}
