/**
 * The sidebar's controller: the one model, the first load, and the wiring of every control to its action.
 * Every server call is one Apps Script execution; the actions live beside it — preview.ts, applyRun.ts (the
 * apply loop that drives the next execution, DESIGN.md §1), setupActions.ts, settings.ts, importPanel.ts —
 * and all work through the one Sidebar (controls.ts) built here.
 */
import type { SidebarState } from '../shared/sidebar';
import { setText } from './dom';
import { errorSentence } from './errorSentence';
import { applyConfirmation, apply, stop } from './applyRun';
import { sidebarElements, updateControls, type Model, type Sidebar } from './controls';
import { preview } from './preview';
import { NOTHING_CONFIRMED } from './removalConfirmation';
import { renderRunChart } from './runChart';
import { runNoticeSentence } from './runNotes';
import { fillHours, renderRecentRuns, renderSummary } from './render';
import { setUpImportPanel } from './importPanel';
import { callServer } from './server';
import { changeAdminAccess, changeNightly, changeNightlyHour } from './settings';
import { checkSetup, setup } from './setupActions';

/** The nightly hour offered before one is chosen. */
const DEFAULT_NIGHTLY_HOUR = 2;

const ui = sidebarElements();

const model: Model = {
  state: null, preview: null, busy: false, running: false, stopRequested: false, confirming: false,
  nightlyBusy: false, adminBusy: false, checkBusy: false,
};

const sidebar: Sidebar = {
  ui,
  model,
  say(text: string, working = false): void {
    setText(ui.message, text);
    ui.message.classList.toggle('is-working', working);
  },
  sayError(text: string): void {
    setText(ui.error, text);
  },
  updateControls: () => updateControls(ui, model),
  refresh,
};

// ---- what the admin sees ---------------------------------------------------------------------------

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
  sidebar.updateControls();
}

// ---- loading ---------------------------------------------------------------------------------------

async function refresh(): Promise<SidebarState | null> {
  try {
    const state = await callServer('getSidebarState');
    applyState(state);
    return state;
  } catch (error) {
    sidebar.sayError(errorSentence('load', error));
    return null;
  }
}

/** Reads the sidebar state again (the Refresh button, and the first load). */
async function reload(): Promise<SidebarState | null> {
  if (model.busy || model.running) return null;
  model.busy = true;
  sidebar.updateControls();
  const state = await refresh();
  model.busy = false;
  sidebar.updateControls();
  return state;
}

/** The first load, then what the menu item that opened the sidebar asked for (state.startAction). */
async function load(): Promise<void> {
  const state = await reload();
  if (!state) {
    setText(ui.summary, 'The roster could not be read.');
    return;
  }
  if (state.startAction === 'preview') {
    await preview(sidebar, false);
  } else if (state.startAction === 'check') {
    // Opened by the menu's Check setup: the report sits below Settings, out of sight without this.
    ui.checkHeading.scrollIntoView({ block: 'start' });
    await checkSetup(sidebar);
  } else if (state.startAction === 'import') {
    importPanel.focus();
  } else if (state.startAction === 'apply') {
    if (state.run) {
      sidebar.say('A run isn’t finished yet: press Resume to continue it.');
      ui.resume.focus();
    } else {
      await preview(sidebar, true);
    }
  }
}

// ---- wiring ----------------------------------------------------------------------------------------

const confirmation = applyConfirmation(sidebar);

ui.preview.addEventListener('click', () => void preview(sidebar, false));
ui.refresh.addEventListener('click', () => void reload());
ui.apply.addEventListener('click', confirmation.request);
ui.resume.addEventListener('click', () => void apply(sidebar, NOTHING_CONFIRMED));
ui.confirmApply.addEventListener('click', confirmation.confirm);
ui.confirmCancel.addEventListener('click', confirmation.cancel);
ui.stop.addEventListener('click', () => void stop(sidebar));
ui.setup.addEventListener('click', () => void setup(sidebar));
ui.addRules.addEventListener('click', () => void setup(sidebar, true));
ui.nightlyToggle.addEventListener('change', () => void changeNightly(sidebar));
ui.nightlyHour.addEventListener('change', () => void changeNightlyHour(sidebar));
ui.adminAccess.addEventListener('change', () => void changeAdminAccess(sidebar));
ui.checkSetup.addEventListener('click', () => void checkSetup(sidebar));
ui.confirm.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') confirmation.cancel();
});

const importPanel = setUpImportPanel(refresh);

fillHours(ui.nightlyHour, DEFAULT_NIGHTLY_HOUR);
sidebar.updateControls();
void load();
