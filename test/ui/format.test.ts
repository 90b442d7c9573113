/**
 * The sidebar's wording and arithmetic (src/ui/format.ts, progressFigures.ts, reportSentences.ts, errorSentence.ts):
 * pure, so no DOM is needed.
 */
import type { RunReport, SpaceCounts } from '../../src/shared/report';
import { normalizeReport } from '../../src/ui/serverReport';
import { errorSentence } from '../../src/ui/errorSentence';
import {
  formatCount, formatStarted, hourLabel, plural, statusLabel, statusTitle, summaryEntries,
} from '../../src/ui/format';
import { planRows } from '../../src/ui/pictures';
import {
  progressPercent, progressSegments, progressText, spaceProgress, timeLeft,
} from '../../src/ui/progressFigures';
import { attentionSentence, finishSentence, rosterSentence } from '../../src/ui/reportSentences';

const report = (over: Partial<RunReport>): RunReport => ({
  mode: 'preview', rows: 0, done: 0, pending: 0, counts: {}, message: '', bySpace: [], ...over,
});

describe('numbers and counts', () => {
  it('groups thousands', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(10000)).toBe('10,000');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(Number.NaN)).toBe('0');
  });

  it('says one or many', () => {
    expect(plural(1, 'row', 'rows')).toBe('1 row');
    expect(plural(0, 'row', 'rows')).toBe('0 rows');
    expect(plural(1204, 'row', 'rows')).toBe('1,204 rows');
  });

  it('sums up the roster', () => {
    expect(rosterSentence({ rows: 120, spaces: 8, counts: {} })).toBe('120 rows in 8 spaces');
    expect(rosterSentence({ rows: 1, spaces: 1, counts: {} })).toBe('1 row in 1 space');
    expect(rosterSentence({ rows: 0, spaces: 0, counts: {} })).toMatch(/no rows yet/);
  });

  it('lists statuses in a fixed order, blanks as "Not run yet", unknown ones last', () => {
    const entries = summaryEntries({ ERROR: 2, '': 5, ADDED: 10, ZED: 1, UNCHANGED: 0, PENDING: 3 });
    expect(entries.map((entry) => entry.status)).toEqual(['ADDED', 'PENDING', 'ERROR', '', 'ZED']);
    expect(entries.map((entry) => entry.tone)).toEqual(['done', 'waiting', 'problem', 'neutral', 'neutral']);
    expect(statusLabel('')).toBe('Not run yet');
    // The status table's words, not the code: the code is the tooltip (statusTitle).
    expect(statusLabel('WOULD_UPDATE_ROLE')).toBe('Roles to change');
    expect(statusLabel('WOULD_UPDATE_ROLE', true)).toBe('Role to change');
    expect(statusLabel('ERROR')).toBe('Errors');
    expect(statusLabel('Typo')).toBe('Typo');
    expect(statusTitle('WOULD_UPDATE_ROLE')).toBe('Status column: WOULD_UPDATE_ROLE');
    expect(entries[3].label).toBe('Not run yet');
  });
});

describe('progress', () => {
  it('says how many rows are done', () => {
    expect(progressText(1234, 10000)).toBe('1,234 of 10,000 rows done');
    expect(progressText(0, 1)).toBe('0 of 1 row done');
  });

  it('gives a bounded whole percent', () => {
    expect(progressPercent(1234, 10000)).toBe(12);
    expect(progressPercent(10000, 10000)).toBe(100);
    expect(progressPercent(0, 0)).toBe(100);
    expect(progressPercent(20, 10)).toBe(100);
  });

  it('estimates the time left from the write budget', () => {
    expect(timeLeft(0, 285)).toBe('');
    expect(timeLeft(100, 0)).toBe('');
    expect(timeLeft(100, 285)).toBe('less than a minute left');
    expect(timeLeft(285, 285)).toBe('about 1 minute left');
    expect(timeLeft(3420, 285)).toBe('about 12 minutes left');
    expect(timeLeft(8766, 285)).toBe('about 31 minutes left');
    expect(timeLeft(285 * 60, 285)).toBe('about 1 hour left');
    expect(timeLeft(285 * 80, 285)).toBe('about 1 hour 20 minutes left');
    expect(timeLeft(285 * 178, 285)).toBe('about 3 hours left');
  });

  it('counts a space done when none of its rows is PENDING', () => {
    expect(spaceProgress([
      { space: 'spaces/A', counts: { ADDED: 3, PENDING: 1 } },
      { space: 'Team <b>', counts: { UNCHANGED: 2 } },
    ])).toEqual([
      { space: 'spaces/A', done: 3, total: 4, percent: 75, segments: { ok: 75, held: 0, failed: 0 } },
      { space: 'Team <b>', done: 2, total: 2, percent: 100, segments: { ok: 100, held: 0, failed: 0 } },
    ]);
  });

  it('shows failed rows in red and held ones in amber, never as done and green', () => {
    expect(progressSegments({ ADDED: 28, ERROR: 971 - 900, INVALID: 900 - 800, HELD: 1, PENDING: 899 }, 1099))
      .toEqual({ ok: 2, held: 0, failed: 15 });
    expect(progressSegments({ ERROR: 971, ADDED: 28 }, 999)).toEqual({ ok: 2, held: 0, failed: 97 });
    expect(progressSegments({ HELD: 5, REMOVED: 5 }, 10)).toEqual({ ok: 50, held: 50, failed: 0 });
    expect(progressSegments({}, 0)).toEqual({ ok: 0, held: 0, failed: 0 });
  });
});

describe('the plan', () => {
  const bySpace: SpaceCounts[] = [
    { space: 'Engineering', counts: { WOULD_ADD: 12, WOULD_UPDATE_ROLE: 1, UNCHANGED: 40 } },
    { space: 'spaces/B', counts: { WOULD_REMOVE: 2, HELD: 1, INVALID: 1, ERROR: 3, PENDING: 1 } },
    { space: '', counts: { INVALID: 1 } },
  ];

  it('reads each space of bySpace', () => {
    expect(planRows(bySpace)).toEqual([
      { space: 'Engineering', add: 12, roleChange: 1, remove: 0, held: 0, invalid: 0, error: 0, unchanged: 40, other: 0, total: 53 },
      { space: 'spaces/B', add: 0, roleChange: 0, remove: 2, held: 1, invalid: 1, error: 3, unchanged: 0, other: 1, total: 8 },
      { space: '(no space)', add: 0, roleChange: 0, remove: 0, held: 0, invalid: 1, error: 0, unchanged: 0, other: 0, total: 1 },
    ]);
  });

});

describe('results', () => {
  it('points at the Details column when rows need attention', () => {
    expect(attentionSentence({ ADDED: 4 })).toBe('');
    expect(attentionSentence({ ERROR: 1 })).toBe('1 row needs attention: see the Details column in the Roster sheet.');
    expect(attentionSentence({ ERROR: 3 })).toBe('3 rows need attention: see the Details column in the Roster sheet.');
    expect(attentionSentence({ ERROR: 2, HELD: 1, INVALID: 1200 }))
      .toBe('1,203 rows need attention (2 errors, 1,200 invalid, 1 held): see the Details column in the Roster sheet.');
  });

  it('says that stopped rows stay PENDING', () => {
    const stopped = report({ mode: 'apply', rows: 10000, done: 1234, pending: 8766 });
    expect(finishSentence(stopped, true))
      .toBe('Stopped after 1,234 of 10,000 rows done. The rows not done yet stay PENDING: press Resume to continue.');
    // The pending count is the run notice's alone (one number, one source: runNotes.ts).
    expect(finishSentence({ ...stopped, pending: 1 }, false)).toBe('Some rows are still PENDING: press Resume to continue.');
    expect(finishSentence({ ...stopped, pending: 0 }, true)).toBe('');
  });

  it('reads whatever the server returned as a report', () => {
    expect(normalizeReport(null, 'apply')).toEqual(report({ mode: 'apply' }));
    expect(normalizeReport({
      mode: 'preview', rows: 3, done: 2, pending: 1, message: 'Hi', counts: { ADDED: 2, PENDING: 1, X: 'no', Y: -1 },
      bySpace: [{ space: 'A', counts: { ADDED: 2 } }, null, { space: 7, counts: null }],
    }, 'apply')).toEqual({
      mode: 'preview', rows: 3, done: 2, pending: 1, message: 'Hi', counts: { ADDED: 2, PENDING: 1 },
      bySpace: [{ space: 'A', counts: { ADDED: 2 } }, { space: '7', counts: {} }],
    });
  });
});

describe('labels', () => {
  it('shows hours as HH:00', () => {
    expect(hourLabel(0)).toBe('00:00');
    expect(hourLabel(7)).toBe('07:00');
    expect(hourLabel(23)).toBe('23:00');
  });

  it('shows Log sheet times', () => {
    expect(formatStarted('2024-05-01 10:00:59')).toBe('2024-05-01 10:00');
    expect(formatStarted('2024-05-01T08:05:00.000Z', 'en-GB', 'UTC')).toMatch(/1 May 2024.*08:05/);
    expect(formatStarted('yesterday')).toBe('yesterday');
    expect(formatStarted('')).toBe('');
  });
});

describe('server errors as plain sentences', () => {
  it('says what to do for known failures', () => {
    expect(errorSentence('load', new Error('NetworkError: Connection failure due to HTTP 0')))
      .toBe("Chat Roster couldn't reach Google Sheets: check your connection and try again.");
    expect(errorSentence('apply', new Error('Exceeded maximum execution time')))
      .toBe('The last step ran out of time (Apps Script stops a call after 6 minutes). The rows not done yet stay PENDING: press Resume to continue.');
    expect(errorSentence('setup', new Error('Authorization is required to perform that action.')))
      .toMatch(/^Chat Roster doesn't have permission to set up the Roster sheet: /);
    expect(errorSentence('preview', new Error('Service invoked too many times for one day: urlfetch.')))
      .toMatch(/usage limit/);
    expect(errorSentence('preview', 'We\'re sorry, a server error occurred. Please wait a bit and try again.'))
      .toBe('Google had a temporary problem: try again in a minute.');
    expect(errorSentence('load', new Error('Script function not found: getSidebarState')))
      .toMatch(/out of date/);
  });

  it('shows the server’s own sentence for a missing permission as it is, naming the scope', () => {
    const sentence = 'Chat Roster needs your permission to show its menu and sidebar (script.container.ui). Open Extensions › Chat Roster again and allow it on Google\'s consent screen.';
    expect(errorSentence('load', new Error(`Exception: ${sentence}`))).toBe(sentence);
  });

  it('passes any other reason on, as one sentence', () => {
    expect(errorSentence('nightly', new Error('Exception: Boom.'))).toBe("Chat Roster couldn't change the nightly sync: Boom. Try again.");
    expect(errorSentence('preview', {})).toBe("Chat Roster couldn't preview the roster. Try again.");
    expect(errorSentence('apply', new Error('Boom')))
      .toBe("Chat Roster couldn't apply the roster: Boom. The rows not done yet stay PENDING: press Resume to continue.");
  });

  it('keeps the reason plain and bounded', () => {
    const sentence = errorSentence('stop', new Error(`<img src=x onerror=alert(1)>\u202E${'x'.repeat(1000)}`));
    expect(sentence.length).toBeLessThan(400);
    expect(sentence).not.toContain('\u202E');
  });
});
