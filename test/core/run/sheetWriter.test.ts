/**
 * SheetWriter's progress flushes (DESIGN.md §5): only the rows whose status changes are written, in few blocks,
 * and a status still lands on the row that holds its planned inputs when the administrator moved rows between
 * two flushes (the flush re-reads the rows it writes, and the whole sheet when they aren't what it knew).
 */
import type { RowOutcome } from '../../../src/core/model';
import type { CellBlock, ValueRun } from '../../../src/core/ports';
import { ChangeLog } from '../../../src/core/run/changeLog';
import { SheetWriter } from '../../../src/core/run/sheetWriter';
import { parseRoster } from '../../../src/core/sheet/readRoster';
import { FakeStore, TestClock, rosterGrid } from '../fakes';

/** The fake sheet with the partial read a progress flush uses (and, with `runs`, RangeList writes); counts reads. */
class RowsStore extends FakeStore {
  wholeReads = 0;
  rowReads: { first: number; count: number }[] = [];
  override read(): unknown[][] | null {
    this.wholeReads++;
    return super.read();
  }
  runs: ValueRun[][] = [];
  writeRuns?: (runs: ValueRun[]) => void;
  constructor(grid: unknown[][], rangeLists: boolean) {
    super(grid);
    if (!rangeLists) return;
    this.writeRuns = (runs) => {
      this.runs.push(runs);
      for (const run of runs) {
        for (const span of run.rows) for (let row = span.first; row <= span.last; row++) this.grid![row - 1][run.column - 1] = run.value;
      }
    };
  }
  readRows(first: number, count: number, width: number): unknown[][] | null {
    this.rowReads.push({ first, count });
    return this.grid!.slice(first - 1, first - 1 + count).map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
  }
}

const ROWS = 200;
const grid = () => rosterGrid(Array.from({ length: ROWS }, (_, i) => [`p${i}@example.com`, 'spaces/A']));
const done = (sheetRow: number): RowOutcome => ({ sheetRow, status: 'ERROR', reason: 'notFinished' });
const pending = (sheetRow: number): RowOutcome => ({ sheetRow, status: 'PENDING', reason: 'queued' });
/** Every planned row's outcome: those in `finished` done, the others pending. */
const outcomes = (finished: number[]) => Array.from({ length: ROWS }, (_, i) => (finished.includes(i + 2) ? done(i + 2) : pending(i + 2)));
const cells = (blocks: CellBlock[]) => blocks.reduce((sum, block) => sum + block.values.length * block.values[0].length, 0);
const statusOf = (store: FakeStore, sheetRow: number) => store.grid![sheetRow - 1][4];

function setUp(runs = false) {
  const store = new RowsStore(grid(), runs);
  const parsed = parseRoster(store.grid!);
  if (!parsed.ok) throw new Error(parsed.message);
  const clock = new TestClock();
  const writer = new SheetWriter(parsed.rows, { store, clock }, null, null, true);
  writer.write(outcomes([])); // the first flush: every row PENDING
  store.writes.length = 0;
  store.runs.length = 0;
  clock.time += 15_000; // a later flush: a changed row's Updated changes too
  return { store, writer };
}

describe('SheetWriter progress flushes', () => {
  it('write only the rows that change, not the rows between them, and re-read only those rows', () => {
    const { store, writer } = setUp();
    writer.write(outcomes([10, 11, 12, 150]));
    const blocks = store.writes[0];
    expect(blocks.map((block) => [block.row, block.values.length])).toEqual([[10, 3], [150, 1]]);
    expect(cells(blocks)).toBe(4 * 3);
    expect(store.rowReads).toEqual([{ first: 10, count: 141 }]);
    expect([10, 11, 12, 150].map((row) => statusOf(store, row))).toEqual(['ERROR', 'ERROR', 'ERROR', 'ERROR']);
    expect(statusOf(store, 13)).toBe('PENDING');
  });

  it('join nearby rows while the cells written stay within 1.5 × the cells that change', () => {
    const { store, writer } = setUp();
    writer.write(outcomes([20, 22, 24, 25]));
    // Rows 21 and 23 rewritten as they are: 18 cells written for 12 changed.
    expect(store.writes[0].map((block) => [block.row, block.values.length])).toEqual([[20, 6]]);
    writer.write(outcomes([20, 22, 24, 25, 40, 42, 44]));
    // 40..42 writes 12 cells for 9; 40..44 would write 15: row 43 stays out.
    expect(store.writes[1].map((block) => [block.row, block.values.length])).toEqual([[40, 3], [44, 1]]);
  });

  it('write the blocks that change the most first, and the others at a later flush', () => {
    const { store, writer } = setUp();
    const finished = outcomes([10, 30, 50, 60, 61, 90, 120, 121, 122, 150, 180]);
    writer.write(finished);
    expect(store.writes[0].map((block) => block.row)).toEqual([10, 30, 50, 60, 90, 120]);
    writer.write(finished);
    expect(store.writes[1].map((block) => block.row)).toEqual([150, 180]);
  });

  it('write rows changed all over the roster in one call per value (RangeList), only the cells that change', () => {
    const { store, writer } = setUp(true);
    const finished = [10, 40, 60, 61, 120, 121, 122, 180];
    writer.write(outcomes(finished));
    expect(store.writes).toEqual([]);
    expect(store.runs[0]).toHaveLength(3);
    expect(store.runs[0].map((run) => run.column)).toEqual([5, 6, 7]);
    expect(store.runs[0][0].rows).toEqual([{ first: 10, last: 10 }, { first: 40, last: 40 }, { first: 60, last: 61 }, { first: 120, last: 122 }, { first: 180, last: 180 }]);
    expect(finished.map((row) => statusOf(store, row))).toEqual(finished.map(() => 'ERROR'));
    expect(statusOf(store, 11)).toBe('PENDING');
  });

  it('put each status on the row that holds its inputs after the administrator inserted a row above', () => {
    const { store, writer } = setUp();
    store.grid!.splice(1, 0, ['new@example.com', 'spaces/A', '', '', '', '', '']);
    writer.write(outcomes([20]));
    // Planned row 20 is row 21 now; row 20 holds planned row 19, still pending.
    expect(store.grid![20][0]).toBe('p18@example.com');
    expect(statusOf(store, 21)).toBe('ERROR');
    expect(statusOf(store, 20)).toBe('PENDING');
    expect(store.wholeReads).toBe(2);
  });

  it('write every row left at the final write, in one block', () => {
    const { store, writer } = setUp();
    writer.write(outcomes([10, 60, 61, 120, 121, 122]));
    writer.check();
    writer.write(outcomes([10, 60, 61, 120, 121, 122, 190]));
    expect(store.writes[1]).toHaveLength(1);
    expect([10, 190].map((row) => statusOf(store, row))).toEqual(['ERROR', 'ERROR']);
  });

  it('write rows of several kinds scattered over the roster at the final write as one call per value, not a block spanning them', () => {
    // A short execution (no progress write) that finished rows all over the roster, four kinds of them.
    const { store, writer } = setUp(true);
    const kinds: ((sheetRow: number) => RowOutcome)[] = [
      done,
      (sheetRow) => ({ sheetRow, status: 'ADDED', reason: 'added', memberKind: 'user' }),
      (sheetRow) => ({ sheetRow, status: 'UNCHANGED', reason: 'alreadyMember', role: 'ROLE_MEMBER' }),
      (sheetRow) => ({ sheetRow, status: 'REMOVED', reason: 'removed', invited: false }),
    ];
    const finished = [10, 40, 70, 100, 130, 160, 190, 201];
    const final = outcomes([]).map((outcome) => {
      const at = finished.indexOf(outcome.sheetRow);
      return at < 0 ? outcome : kinds[at % kinds.length](outcome.sheetRow);
    });
    writer.check();
    writer.write(final);
    const written = cells(store.writes.flat()) + store.runs.flat().reduce((sum, run) => sum + run.rows.reduce((n, span) => n + span.last - span.first + 1, 0), 0);
    expect(written).toBeLessThanOrEqual(1.5 * finished.length * 3);
    expect(finished.map((row) => statusOf(store, row))).toEqual(['ERROR', 'ADDED', 'UNCHANGED', 'REMOVED', 'ERROR', 'ADDED', 'UNCHANGED', 'REMOVED']);
    expect(statusOf(store, 11)).toBe('PENDING');
  });

  it('flush the log rows a progress write appends, even when no status changes (a rule or a mirror space at work)', () => {
    const store = new RowsStore(grid(), true);
    const parsed = parseRoster(store.grid!);
    if (!parsed.ok) throw new Error(parsed.message);
    const clock = new TestClock();
    const logged: string[][] = [];
    const log = new ChangeLog({
      log: { lastRow: () => 1 + logged.length, write: (_row, rows) => { logged.push(...rows); }, deleteRows: () => undefined },
      stamp: (ms) => String(ms), now: () => clock.time, account: 'me@example.com', run: 'run-1', rows: new Map(), spaces: new Map(),
    });
    const writer = new SheetWriter(parsed.rows, { store, clock }, null, log, true);
    writer.write(outcomes([]));
    const flushes = store.flushes;
    // A rule's stand-in row (no roster row) adds someone; the roster's statuses stay as they are.
    log.changed({ sheetRow: -1, method: 'create', space: 'spaces/A', before: 'absent', after: 'ROLE_MEMBER' });
    for (let n = 0; n < 2; n++) writer.write(outcomes([]));
    expect(logged).toHaveLength(1);
    expect(store.flushes).toBe(flushes + 1);
  });
});
