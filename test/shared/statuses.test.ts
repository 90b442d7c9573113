/**
 * The one status table (src/shared/statuses.ts, DESIGN.md §1 "One vocabulary"): these tests walk the table
 * and check that every consumer derives from it — the summary sentence, the attention sentence, the
 * Chat Roster Log's columns and row, the sidebar's order, tones and plan — so that adding a status is one
 * line in the table and nothing else. The sheet's colours are checked through the bundle
 * (test/bundle/statusTable.test.ts).
 */
import { normalizeReport } from '../../src/ui/serverReport';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RowStatus as CoreRowStatus } from '../../src/core/model';
import type { RunRecord } from '../../src/core/run/runRecord';
import { LOG_COLUMNS, LOG_FIELD_INDEX, LOG_HEADERS, logRow } from '../../src/core/run/logLayout';
import { summarize } from '../../src/core/run/summary';
import type { RunReport } from '../../src/shared/report';
import {
  ATTENTION_STATUSES, countPhrase, isRowStatus, LOGGED_STATUSES, PREVIEW_STATUSES, ROW_STATUSES, STATUS, STATUSES,
  TONE_COLOURS, type RowStatus,
} from '../../src/shared/statuses';
import { STATUS_ORDER, statusTone, summaryEntries } from '../../src/ui/format';
import { planRows } from '../../src/ui/pictures';
import { attentionSentence } from '../../src/ui/reportSentences';

const report = (counts: RunReport['counts'], message = ''): RunReport => ({
  mode: 'apply', rows: 0, done: 0, pending: 0, counts, message, bySpace: [],
});

/** Today's statuses and their colours in the Roster sheet, as setupRosterSheet has always set them. */
const TODAY_COLOURS: Record<string, string> = {
  ADDED: '#d9ead3', ROLE_UPDATED: '#d9ead3', REMOVED: '#d9ead3',
  UNCHANGED: '#f3f3f3',
  INVITED: '#fff2cc', PENDING: '#fff2cc', HELD: '#fff2cc',
  INVALID: '#f4cccc', ERROR: '#f4cccc',
  WOULD_ADD: '#cfe2f3', WOULD_UPDATE_ROLE: '#cfe2f3', WOULD_REMOVE: '#cfe2f3',
};

describe('the status table', () => {
  it('has one line per word, each with a colour of its tone and its place', () => {
    expect(new Set(ROW_STATUSES).size).toBe(ROW_STATUSES.length);
    STATUSES.forEach((info, order) => {
      expect(info.order).toBe(order);
      expect(info.colour).toBe(TONE_COLOURS[info.tone]);
      expect(info.preview).toBe(info.tone === 'preview');
      expect(STATUS[info.status]).toBe(info);
      expect(isRowStatus(info.status)).toBe(true);
    });
    expect(isRowStatus('')).toBe(false);
    expect(isRowStatus('toString')).toBe(false);
  });

  it('keeps every status of DESIGN.md §4 with the colour the sheet has always shown', () => {
    for (const [status, colour] of Object.entries(TODAY_COLOURS)) {
      expect({ status, colour: isRowStatus(status) ? STATUS[status].colour : 'missing' }).toEqual({ status, colour });
    }
  });

  it('derives its lists: attention, preview and logged statuses in table order, log headers distinct', () => {
    expect(ATTENTION_STATUSES).toEqual(STATUSES.filter((info) => info.attention).map((info) => info.status));
    expect(PREVIEW_STATUSES).toEqual(STATUSES.filter((info) => info.preview).map((info) => info.status));
    expect(LOGGED_STATUSES).toEqual(
      STATUSES.filter((info) => info.logHeader !== null).map((info) => ({ status: info.status, header: info.logHeader })),
    );
    expect(new Set(LOGGED_STATUSES.map((logged) => logged.header)).size).toBe(LOGGED_STATUSES.length);
  });

  it('is the RowStatus of the core', () => {
    type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
    const same: Same<CoreRowStatus, RowStatus> = true;
    expect(same).toBe(true);
  });

  it('lives in src/shared, which imports nothing from core, gas or ui', () => {
    const dir = join(__dirname, '../../src/shared');
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts'))) {
      const source = readFileSync(join(dir, name), 'utf8');
      const imports = [...source.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((match) => match[1]);
      for (const spec of imports) expect({ name, spec, local: /^\.\/[^/]+$/.test(spec) }).toEqual({ name, spec, local: true });
    }
  });
});

describe('the run’s summary sentence', () => {
  const outcomes = (counts: Partial<Record<RowStatus, number>>) =>
    Object.entries(counts).flatMap(([status, n]) =>
      Array.from({ length: n ?? 0 }, (_, i) => ({ sheetRow: i + 2, status: status as RowStatus, details: '' })));

  it('counts every status with its words: what a preview would do first, then the table’s order', () => {
    const counts = Object.fromEntries(STATUSES.map((info) => [info.status, info.order + 1]));
    const named = [...STATUSES.filter((info) => info.preview), ...STATUSES.filter((info) => !info.preview)];
    const phrases = named.map((info) => countPhrase(info.status, info.order + 1)).join(', ');
    const attention = ATTENTION_STATUSES.length > 0 ? ' — see the Details column' : '';
    expect(summarize('apply', outcomes(counts)).message).toBe(`${phrases}${attention}.`);
    expect(summarize('apply', outcomes(counts)).counts).toEqual(counts);
  });

  it.each(ROW_STATUSES.filter((status) => status !== 'UNCHANGED'))('%s: alone, in words, pointing at Details only when it needs attention', (status) => {
    const { countWords: [one, many], attention } = STATUS[status];
    const tail = attention ? ' — see the Details column.' : '.';
    expect(summarize('apply', outcomes({ [status]: 1 })).message).toBe(`1 ${one}${tail}`);
    expect(summarize('apply', outcomes({ [status]: 2 })).message).toBe(`2 ${many}${tail}`);
  });
});

describe('the Chat Roster Log', () => {
  const record: RunRecord = { id: 'run-1', startedAt: 0, executions: 2, startedBy: 'admin@example.com' };

  it('has its own columns around one count column per logged status, in table order', () => {
    expect(LOG_HEADERS).toEqual([
      'Time', 'Kind', 'Run', 'Account', 'Space', 'Space ID', 'Member', 'Change', 'Source',
      'Started', 'Finished', 'Executions', 'Started by',
      ...LOGGED_STATUSES.map((logged) => logged.header),
      'Summary',
    ]);
    expect(LOG_HEADERS).toEqual(LOG_COLUMNS.map((column) => column.header));
    for (const [field, index] of Object.entries(LOG_FIELD_INDEX)) {
      const column = LOG_COLUMNS[index];
      expect('field' in column && column.field).toBe(field);
    }
  });

  it.each(ROW_STATUSES)('%s: counted in its own column if logged, nowhere otherwise', (status) => {
    const row = logRow(record, 1, report({ [status]: 7 }, 'Summary sentence'), (ms) => `t${ms}`);
    expect(row).toHaveLength(LOG_HEADERS.length);
    const header = STATUS[status].logHeader;
    const sevens = row.map((cell, index) => (cell === '7' ? LOG_HEADERS[index] : null)).filter((h) => h !== null);
    expect(sevens).toEqual(header === null ? [] : [header]);
    expect(row[LOG_FIELD_INDEX.summary]).toBe('Summary sentence');
    expect(row[LOG_FIELD_INDEX.run]).toBe('run-1');
    expect(row[LOG_FIELD_INDEX.executions]).toBe('2');
  });
});

describe('the sidebar', () => {
  it('lists every status in table order, then a row never run', () => {
    expect(STATUS_ORDER).toEqual([...ROW_STATUSES, '']);
    const all = Object.fromEntries(ROW_STATUSES.map((status) => [status, 1]));
    expect(summaryEntries(all).map((entry) => entry.status)).toEqual(ROW_STATUSES);
  });

  it.each(ROW_STATUSES)('%s: its tone, its label, kept from the server, counted in the plan', (status) => {
    expect(statusTone(status)).toBe(STATUS[status].tone);
    // Its label is the table's words ("Roles to change"), the code left to the tooltip.
    const label = STATUS[status].countWords[1];
    expect(summaryEntries({ [status]: 3 })).toEqual([{ status, label: label.charAt(0).toUpperCase() + label.slice(1), count: 3, tone: STATUS[status].tone }]);
    expect(normalizeReport({ counts: { [status]: 3 }, bySpace: [{ space: 'A', counts: { [status]: 3 } }] }, 'apply'))
      .toMatchObject({ counts: { [status]: 3 }, bySpace: [{ space: 'A', counts: { [status]: 3 } }] });
    const [plan] = planRows([{ space: 'A', counts: { [status]: 3 } }]);
    expect(plan.total).toBe(3);
  });

  it.each(ROW_STATUSES)('%s: in the attention sentence exactly when the table says it needs attention', (status) => {
    const sentence = attentionSentence({ [status]: 2 });
    if (STATUS[status].attention) expect(sentence).toBe('2 rows need attention: see the Details column in the Roster sheet.');
    else expect(sentence).toBe('');
  });

  it('names every status that needs attention in the attention sentence, worst (last in the table) first', () => {
    const counts = Object.fromEntries(ATTENTION_STATUSES.map((status) => [status, 2]));
    const parts = [...ATTENTION_STATUSES].reverse().map((status) => countPhrase(status, 2));
    const detail = parts.length > 1 ? ` (${parts.join(', ')})` : '';
    expect(attentionSentence(counts)).toBe(`${2 * parts.length} rows need attention${detail}: see the Details column in the Roster sheet.`);
  });
});
