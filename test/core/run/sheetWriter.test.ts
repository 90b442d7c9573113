/**
 * SheetWriter's progress flushes (DESIGN.md §5): only the rows whose status changes are written, in few blocks,
 * and a status still lands on the row that holds its planned inputs when the administrator moved rows between
 * two flushes (the flush re-reads the rows it writes, and the whole sheet when they aren't what it knew).
 */
import type { RowOutcome } from '../../../src/core/model';
import type { CellBlock } from '../../../src/core/ports';
import { SheetWriter } from '../../../src/core/run/sheetWriter';
import { parseRoster } from '../../../src/core/sheet/readRoster';
import { FakeStore, TestClock, rosterGrid } from '../fakes';

/** The fake sheet with the partial read a progress flush uses; counts reads as Sheets calls. */
class RowsStore extends FakeStore {
  wholeReads = 0;
  rowReads: { first: number; count: number }[] = [];
  override read(): unknown[][] | null {
    this.wholeReads++;
    return super.read();
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

function setUp() {
  const store = new RowsStore(grid());
  const parsed = parseRoster(store.grid!);
  if (!parsed.ok) throw new Error(parsed.message);
  const clock = new TestClock();
  const writer = new SheetWriter(parsed.rows, { store, clock }, null, null, true);
  writer.write(outcomes([])); // the first flush: every row PENDING
  store.writes.length = 0;
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
    writer.write(outcomes([10, 60, 61, 120, 121, 122]));
    expect(store.writes[0].map((block) => block.row)).toEqual([60, 120]);
    writer.write(outcomes([10, 60, 61, 120, 121, 122]));
    expect(store.writes[1].map((block) => block.row)).toEqual([10]);
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
});
