import type { RowCells } from '../../../src/core/model';
import { columnMap, type ColumnMap } from '../../../src/core/sheet/readRoster';
import { writeback, writebackBlocks } from '../../../src/core/sheet/writeBack';

function blocksFor(grid: unknown[][], outcomes: RowCells[]) {
  const columns = columnMap(grid) as ColumnMap;
  return writebackBlocks({ grid, columns, outcomes, stamp: 'NOW', formatDate: (ms) => `D${ms}` });
}

const headers = ['Member', 'Space', 'Status', 'Details', 'Updated'];

describe('writebackBlocks', () => {
  it('writes one block per contiguous run, from the first to the last changed row, keeping rows in between', () => {
    const grid = [
      headers,
      ['a', 'S', 'OLD', 'old', 'then'],
      ['b', 'S', 'ADDED', 'Added to the space', 'before'],
      ['c', 'S', '', '', ''],
      ['d', 'S', 'UNCHANGED', 'Already a member as Member', 'earlier'],
    ];
    const blocks = blocksFor(grid, [
      { sheetRow: 3, status: 'ADDED', details: 'Added to the space' },
      { sheetRow: 4, status: 'ERROR', details: 'nope' },
      { sheetRow: 5, status: 'UNCHANGED', details: 'Already a member as Member' },
    ]);
    // Only row 4 changed: rows 3 and 5 keep their Updated stamp and are outside the block.
    expect(blocks).toEqual([{ row: 4, column: 3, values: [['ERROR', 'nope', 'NOW']] }]);
  });

  it('fills unchanged rows between changed rows with their current values', () => {
    const grid = [headers, ['a', 'S', 'X', 'x', 't1'], ['b', 'S', 'KEEP', '=keep', new Date(5)], ['c', 'S', '', '', '']];
    const blocks = blocksFor(grid, [
      { sheetRow: 2, status: 'ADDED', details: 'Added' },
      { sheetRow: 4, status: 'REMOVED', details: 'Removed' },
    ]);
    expect(blocks).toEqual([{
      row: 2, column: 3,
      values: [['ADDED', 'Added', 'NOW'], ['KEEP', "'=keep", 'D5'], ['REMOVED', 'Removed', 'NOW']],
    }]);
  });

  it('splits non-adjacent output columns into separate blocks', () => {
    const grid = [['Status', 'Member', 'Details', 'Space', 'Updated'], ['', 'a', '', 'S', '']];
    const blocks = blocksFor(grid, [{ sheetRow: 2, status: 'ADDED', details: 'ok' }]);
    expect(blocks).toEqual([
      { row: 2, column: 1, values: [['ADDED']] },
      { row: 2, column: 3, values: [['ok']] },
      { row: 2, column: 5, values: [['NOW']] },
    ]);
  });

  it('adds missing output headers after the last used column, from row 1', () => {
    const grid = [['Member', 'Space', 'Notes'], ['a', 'S', 'n'], ['b', 'S', '']];
    const blocks = blocksFor(grid, [{ sheetRow: 3, status: 'INVALID', details: '-bad' }]);
    expect(blocks).toEqual([{
      row: 1, column: 4,
      values: [['Status', 'Details', 'Updated'], ['', '', ''], ['INVALID', "'-bad", 'NOW']],
    }]);
  });

  it('keeps an existing header in a run that also adds one', () => {
    const grid = [['Member', 'Space', 'status'], ['a', 'S', '']];
    const blocks = blocksFor(grid, [{ sheetRow: 2, status: 'ADDED', details: 'ok' }]);
    expect(blocks).toEqual([{ row: 1, column: 3, values: [['status', 'Details', 'Updated'], ['ADDED', 'ok', 'NOW']] }]);
  });

  it.each(['=1+1', '+33 1', '-x', '@here'])('escapes %s so it stays plain text', (details) => {
    const grid = [headers, ['a', 'S', '', '', '']];
    expect(blocksFor(grid, [{ sheetRow: 2, status: 'ERROR', details }])[0].values[0][1]).toBe(`'${details}`);
  });

  it('writes nothing when nothing changed', () => {
    const grid = [headers, ['a', 'S', 'UNCHANGED', 'same', 't']];
    expect(blocksFor(grid, [{ sheetRow: 2, status: 'UNCHANGED', details: 'same' }])).toEqual([]);
  });
});

describe('writeback with value runs (RangeList)', () => {
  const grid = [headers, ...Array.from({ length: 30 }, (_, i) => [`p${i}`, 'S', 'PENDING', 'queued', 'then'])];
  const plan = (outcomes: RowCells[], limits: Parameters<typeof writeback>[1]) =>
    writeback({ grid, columns: columnMap(grid) as ColumnMap, outcomes, stamp: 'NOW', formatDate: (ms) => `D${ms}` }, limits);
  const added = (sheetRow: number, details = 'Added'): RowCells => ({ sheetRow, status: 'ADDED', details });

  it('writes rows changed far apart as one call per value of each column, each cell that changes once', () => {
    const { blocks, runs } = plan([added(3), added(10), added(11), added(18), added(25)], { maxCalls: 3, runs: true });
    expect(blocks).toEqual([]);
    const rows = [{ first: 3, last: 3 }, { first: 10, last: 11 }, { first: 18, last: 18 }, { first: 25, last: 25 }];
    expect(runs).toEqual([
      { column: 3, value: 'ADDED', rows },
      { column: 4, value: 'Added', rows },
      { column: 5, value: 'NOW', rows },
    ]);
  });

  it('past its calls, writes the commonest Status and Details now and leaves the others for later', () => {
    const { runs } = plan([added(3), added(10), added(20, 'Added as Owner'), added(25)], { maxCalls: 3, runs: true, overflow: 'defer' });
    expect(runs.map((run) => run.value)).toEqual(['ADDED', 'Added', 'NOW']);
    expect(runs[0].rows).toEqual([{ first: 3, last: 3 }, { first: 10, last: 10 }, { first: 25, last: 25 }]);
  });

  it('keeps a plain-text apostrophe on a value Sheets would read as a formula', () => {
    const { runs } = plan([3, 9, 15, 21].map((row) => added(row, '=1+1')), { maxCalls: 3, runs: true });
    expect(runs[1].value).toBe("'=1+1");
  });

  it('bridges every row into the blocks it may use when it must write them all', () => {
    const { blocks, runs } = plan([added(3), added(25)], { maxCalls: 1, overflow: 'bridge' });
    expect(runs).toEqual([]);
    expect(blocks.map((block) => [block.row, block.values.length])).toEqual([[3, 23]]);
  });
});
