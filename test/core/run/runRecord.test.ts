/** The run record: what tells the next execution (and the hourly trigger) that a run goes on, and the log's row. */
import {
  clearRecord, loadRecord, nextRecord, saveRecord, stopRecord,
} from '../../../src/core/run/runRecord';
import { LOG_FIELD_INDEX, LOG_HEADERS, logRow } from '../../../src/core/run/logLayout';
import type { KeyValueStore } from '../../../src/core/ports';

function store(initial: Record<string, string> = {}): KeyValueStore & { values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return {
    values,
    get: (key) => values.get(key) ?? null,
    set: (key, value) => { values.set(key, value); },
    remove: (key) => { values.delete(key); },
  };
}

describe('the run record', () => {
  it('starts a run, counts its executions, and survives the trip through properties', () => {
    const props = store();
    const first = nextRecord(loadRecord(props), false, 36 ** 5, 'admin@example.com');
    saveRecord(props, first);
    const second = nextRecord(loadRecord(props), true, 36 ** 5 + 1000, 'someone else');
    expect(second).toEqual({ ...first, executions: 2, stopped: false });
    expect(first.id).toBe('run-100000');
  });

  it('a new run, not a continuation, when nothing is pending', () => {
    const previous = nextRecord(null, false, 1000, 'a');
    expect(nextRecord(previous, false, 2000, 'b')).toMatchObject({ startedAt: 2000, executions: 1, startedBy: 'b' });
  });

  it('Stop marks the run stopped; clearing forgets it', () => {
    const props = store();
    expect(stopRecord(props)).toBeNull();
    saveRecord(props, nextRecord(null, false, 1000, 'a'));
    stopRecord(props);
    expect(loadRecord(props)?.stopped).toBe(true);
    clearRecord(props);
    expect(loadRecord(props)).toBeNull();
  });

  it('reads a damaged record as none, never throws', () => {
    expect(loadRecord(store({ 'chatRoster.run': '{not json' }))).toBeNull();
    expect(loadRecord(store({ 'chatRoster.run': '{"id": 3}' }))).toBeNull();
  });

  it('the log row carries each field under its header', () => {
    const record = { id: 'run-x', startedAt: 1000, executions: 3, startedBy: 'nightly sync' };
    const row = logRow(record, 2000, { mode: 'apply', rows: 3, done: 3, pending: 0, counts: { ADDED: 2, ERROR: 1 }, message: 'All done.', bySpace: [] }, (ms) => `t${ms}`);
    expect(row).toHaveLength(LOG_HEADERS.length);
    expect(row[LOG_FIELD_INDEX.kind]).toBe('run');
    expect(row[LOG_FIELD_INDEX.time]).toBe('t2000');
    expect(row[LOG_FIELD_INDEX.run]).toBe('run-x');
    expect(row[LOG_FIELD_INDEX.startedBy]).toBe('nightly sync');
    expect(row[LOG_FIELD_INDEX.change]).toBe('');
    expect(row[LOG_FIELD_INDEX.started]).toBe('t1000');
    expect(row[LOG_FIELD_INDEX.finished]).toBe('t2000');
    expect(row[LOG_FIELD_INDEX.executions]).toBe('3');
    expect(row[LOG_FIELD_INDEX.summary]).toBe('All done.');
    expect(row[LOG_HEADERS.indexOf('Added')]).toBe('2');
    expect(row[LOG_HEADERS.indexOf('Errors')]).toBe('1');
  });
});
