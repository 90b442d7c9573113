import type { RunReport } from '../../src/shared/report';
import type { SidebarState } from '../../src/shared/sidebar';
import { nothingToApply, previewOverwriteNote, runNoticeSentence } from '../../src/ui/runNotes';

const preview = (over: Partial<RunReport>): RunReport => ({
  mode: 'preview', rows: 3, done: 3, pending: 0, counts: {}, message: '', bySpace: [], ...over,
});

describe('Apply after a preview', () => {
  it('is off, with the reason, when every row is UNCHANGED or INVALID and no mirror space or rule changes anyone', () => {
    expect(nothingToApply(preview({ counts: { UNCHANGED: 3 } }))).toBe('Nothing to apply: every row is already as the roster asks.');
    expect(nothingToApply(preview({ counts: { UNCHANGED: 1, INVALID: 2 } })))
      .toBe('Nothing to apply: 2 rows are INVALID (see the Details column); fix them, then Preview again.');
  });

  it('is on when anything would change', () => {
    expect(nothingToApply(preview({ counts: { UNCHANGED: 2, WOULD_ADD: 1 } }))).toBe('');
    expect(nothingToApply(preview({ counts: { UNCHANGED: 2, HELD: 1 } }))).toBe('');
    expect(nothingToApply(preview({ counts: { UNCHANGED: 3 }, mirror: [{ space: 'spaces/A', label: 'A', removals: [], overLimit: null }] }))).toBe('');
    expect(nothingToApply(preview({ counts: { UNCHANGED: 3 }, rules: [{ row: 2, source: 'ou:/', space: 'A', add: ['a@x'], raise: [] }] }))).toBe('');
    expect(nothingToApply(preview({ rows: 0 }))).toBe('');
  });
});

describe('before a preview', () => {
  it('says plainly that it replaces the last run\'s results, when the Status column holds any', () => {
    expect(previewOverwriteNote({ ADDED: 12, REMOVED: 1, UNCHANGED: 40, ERROR: 2 }))
      .toBe('The Status column shows the last run’s results (12 added, 1 removed). Preview replaces them with what would change; the Chat Roster Log keeps the run.');
    expect(previewOverwriteNote({ WOULD_ADD: 3, UNCHANGED: 2, '': 4 })).toBe('');
  });
});

describe('the unfinished run\'s notice', () => {
  const state = (pending: number, run: SidebarState['run']): SidebarState => ({
    user: '', roster: { rows: 10, spaces: 1, counts: { PENDING: pending, ADDED: 10 - pending } }, rosterProblem: '', adminAccess: false,
    nightlyHour: null, run, recentRuns: [], writesPerMinute: 300, startAction: null,
  });

  it('counts PENDING rows from the roster as last read: one number, one source', () => {
    expect(runNoticeSentence(state(4, { id: 'r', executions: 3, startedBy: 'nightly sync', stopped: false, continuesHourly: true })))
      .toBe('A run isn\'t finished: 4 rows are still PENDING. It was started by nightly sync. It carries on by itself within the hour (the hourly trigger); press Resume to continue it now.');
    expect(runNoticeSentence(state(0, { id: 'r', executions: 1, startedBy: '', stopped: true, continuesHourly: true })))
      .toBe('A run isn\'t finished. It was stopped. It waits for you; press Resume to continue it now.');
    expect(runNoticeSentence(state(2, { id: 'r', executions: 1, startedBy: 'admin@example.com', stopped: false, continuesHourly: false })))
      .toMatch(/Nothing carries it on while this sidebar is closed; press Resume/);
    expect(runNoticeSentence(state(4, null))).toBe('');
  });
});
