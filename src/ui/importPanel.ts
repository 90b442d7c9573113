/**
 * The sidebar's Import section (importMemberships, DESIGN.md §2): the spaces as typed, one per line (a
 * name may hold a comma; empty = every space you're in), the import, and its report — rows added per
 * space, members already on the roster, and one line per space that couldn't be read.
 */
import type { ImportReport } from '../shared/importReport';
import { byId, h, replaceChildren, setText } from './dom';
import { errorSentence } from './errorSentence';
import { plural } from './format';
import { spaceCellsOf } from './importCells';
import { callServer } from './server';

function spaceLine(space: ImportReport['spaces'][number]): HTMLElement {
  const parts = [`${plural(space.added, 'row', 'rows')} added`];
  if (space.alreadyOnRoster > 0) parts.push(`${space.alreadyOnRoster} already on the roster`);
  if (space.otherApps > 0) parts.push(`${plural(space.otherApps, 'other Chat app', 'other Chat apps')} not imported`);
  return h('li', { className: 'check check-ok', attrs: { 'data-outcome': 'ok' } }, [
    h('span', { className: 'check-name', text: space.space }),
    h('p', { className: 'check-detail', text: parts.join(', ') }),
  ]);
}

function problemLine(problem: string): HTMLElement {
  return h('li', { className: 'check check-failed', attrs: { 'data-outcome': 'failed' } }, [
    h('p', { className: 'check-detail', text: problem }),
  ]);
}

export function renderImportReport(list: HTMLElement, report: ImportReport): void {
  replaceChildren(list, [...report.spaces.map(spaceLine), ...report.problems.map(problemLine)]);
}

/** Wires the section; `done` runs after an import (the roster summary changed). Returns what the menu's Import members… does. */
export function setUpImportPanel(done: () => Promise<unknown>): { focus(): void } {
  const ui = {
    heading: byId('import-heading', HTMLElement),
    spaces: byId('import-spaces', HTMLTextAreaElement),
    run: byId('import', HTMLButtonElement),
    summary: byId('import-summary', HTMLElement),
    report: byId('import-report', HTMLElement),
    error: byId('error', HTMLElement),
  };
  let busy = false;
  async function importMembers(): Promise<void> {
    if (busy) return;
    busy = true;
    ui.run.disabled = true;
    setText(ui.error, '');
    replaceChildren(ui.report, []);
    setText(ui.summary, 'Reading the members of the spaces… Nothing changes in Google Chat.');
    try {
      const report = await callServer('importMemberships', spaceCellsOf(ui.spaces.value));
      setText(ui.summary, report.message);
      renderImportReport(ui.report, report);
    } catch (error) {
      setText(ui.summary, '');
      setText(ui.error, errorSentence('import', error));
    }
    busy = false;
    ui.run.disabled = false;
    await done();
  }
  ui.run.addEventListener('click', () => void importMembers());
  return {
    focus() {
      ui.heading.scrollIntoView({ block: 'start' });
      ui.spaces.focus();
    },
  };
}
