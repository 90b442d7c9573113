/**
 * The sidebar's setup actions: Set up roster sheet and Add a Rules sheet (setupRosterSheet), and Check setup
 * (checkSetup), whose report lists each check with its fix.
 */
import type { Sidebar } from './controls';
import { setText } from './dom';
import { errorSentence } from './errorSentence';
import { renderSetupReport } from './render';
import { callServer } from './server';

/** Set up roster sheet; with `rules`, the Rules sheet too (created on demand only: each sheet costs a run one read). */
export async function setup(sidebar: Sidebar, rules = false): Promise<void> {
  const { ui, model, say, sayError } = sidebar;
  if (model.busy || model.running) return;
  model.busy = true;
  sayError('');
  say(rules ? 'Adding the Rules sheet…' : 'Setting up the Roster sheet…', true);
  sidebar.updateControls();
  try {
    say(await callServer('setupRosterSheet', rules ? { rules: true } : undefined));
  } catch (error) {
    say('');
    sayError(errorSentence('setup', error));
  }
  await sidebar.refresh();
  model.busy = false;
  sidebar.updateControls();
  if (model.state?.roster) ui.preview.focus();
}

export async function checkSetup(sidebar: Sidebar): Promise<void> {
  const { ui, model } = sidebar;
  if (model.checkBusy) return;
  model.checkBusy = true;
  setText(ui.checkSummary, 'Checking the setup with Google…');
  sidebar.updateControls();
  try {
    const report = await callServer('checkSetup');
    setText(ui.checkSummary, report.summary);
    renderSetupReport(ui.checkReport, report);
    // The first failure (else warning) in sight: the report is longer than the sidebar is high.
    const first = ui.checkReport.querySelector('[data-outcome="failed"]') ?? ui.checkReport.querySelector('[data-outcome="warning"]');
    first?.scrollIntoView({ block: 'nearest' });
  } catch (error) {
    setText(ui.checkSummary, '');
    sidebar.sayError(errorSentence('check', error));
  }
  model.checkBusy = false;
  sidebar.updateControls();
}
