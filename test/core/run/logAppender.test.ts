/** The log appender: one read of the last row per execution, one write per batch, the oldest rows trimmed past the limit. */
import type { RunLog } from '../../../src/core/ports';
import { LOG_MAX_ROWS, LogAppender } from '../../../src/core/run/logAppender';

class MemoryLog implements RunLog {
  rows: string[][] = [['header']];
  readonly calls: string[] = [];
  lastRow(): number { this.calls.push('lastRow'); return this.rows.length; }
  write(row: number, rows: string[][]): void { this.calls.push(`write ${row}`); this.rows.splice(row - 1, rows.length, ...rows); }
  deleteRows(first: number, count: number): void { this.calls.push(`deleteRows ${first} ${count}`); this.rows.splice(first - 1, count); }
}

const entries = (from: number, count: number) => Array.from({ length: count }, (_, i) => [`e${from + i}`]);

describe('LogAppender', () => {
  it('reads where the log ends once, then writes each batch under the last', () => {
    const log = new MemoryLog();
    log.rows.push(['old']);
    const appender = new LogAppender(log);
    appender.append(entries(1, 2));
    appender.append([]);
    appender.append(entries(3, 1));
    expect(log.calls).toEqual(['lastRow', 'write 3', 'write 5']);
    expect(log.rows.map(([cell]) => cell)).toEqual(['header', 'old', 'e1', 'e2', 'e3']);
  });

  it('keeps at most 100,000 entries unless told otherwise', () => {
    expect(LOG_MAX_ROWS).toBe(100_000);
  });

  it('trims the oldest entries past the limit, with 1% more room, and keeps the header', () => {
    const log = new MemoryLog();
    const appender = new LogAppender(log, 200);
    appender.append(entries(1, 150));
    appender.append(entries(151, 40));
    expect(log.calls).toEqual(['lastRow', 'write 2', 'write 152']);
    appender.append(entries(191, 30)); // 220 > 200: 20 over + 2 room
    expect(log.calls.slice(3)).toEqual(['deleteRows 2 22', 'write 170']);
    expect(log.rows).toHaveLength(1 + 198);
    expect(log.rows[0]).toEqual(['header']);
    expect(log.rows[1]).toEqual(['e23']);
    expect(log.rows[198]).toEqual(['e220']);
    // Trimming is rare: the next batch of 2 fits in the room made.
    appender.append(entries(221, 2));
    expect(log.calls.slice(5)).toEqual(['write 200']);
    expect(log.rows).toHaveLength(1 + 200);
  });

  it('reads where the log ends again after a failed write', () => {
    const log = new MemoryLog();
    const appender = new LogAppender(log);
    const write = log.write.bind(log);
    log.write = () => { throw new Error('protected'); };
    expect(() => appender.append(entries(1, 1))).toThrow('protected');
    log.write = write;
    appender.append(entries(1, 1));
    expect(log.calls).toEqual(['lastRow', 'lastRow', 'write 2']);
    expect(log.rows).toEqual([['header'], ['e1']]);
  });
});
