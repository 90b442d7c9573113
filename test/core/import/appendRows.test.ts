import { appendBlocks } from '../../../src/core/import/appendRows';
import type { ImportedRow } from '../../../src/core/import/importRows';
import { columnMap, type ColumnMap } from '../../../src/core/sheet/readRoster';

const TEAM = { name: 'spaces/TEAM', spaceType: 'SPACE', displayName: 'Team' };
const row = (member: string, role = 'Member'): ImportedRow =>
  ({ member, space: 'spaces/TEAM', role, note: { space: TEAM, date: '2026-12-04', invited: false, unnamed: null } });

function columns(headers: string[], dataRows: unknown[][] = []): ColumnMap {
  const map = columnMap([headers, ...dataRows]);
  if (typeof map === 'string') throw new Error(map);
  return map;
}

describe('appendBlocks', () => {
  it('writes one block below the last row, every column in its place, the admin\'s own columns left empty', () => {
    const map = columns(['Notes', 'Space', 'Member', 'Role', 'Action', 'Status', 'Details', 'Updated'], [['x', 'Team', 'a@example.com']]);
    expect(appendBlocks(map, 2, [row('=bob@example.com', 'Owner')], 'NOW')).toEqual([{
      row: 3, column: 1,
      values: [['', 'spaces/TEAM', "'=bob@example.com", 'Owner', '', 'UNCHANGED', 'Imported from "Team" on 2026-12-04.', 'NOW']],
    }]);
  });

  it('adds the output headers the sheet lacks, after its last used column', () => {
    const map = columns(['Member', 'Space', 'Extra']);
    expect(appendBlocks(map, 1, [row('a@example.com')], 'NOW')).toEqual([
      { row: 1, column: 4, values: [['Role', 'Action', 'Status', 'Details', 'Updated']] },
      { row: 2, column: 1, values: [['a@example.com', 'spaces/TEAM', '', 'Member', '', 'UNCHANGED', 'Imported from "Team" on 2026-12-04.', 'NOW']] },
    ]);
  });

  it('writes nothing when there is nothing to import', () => {
    expect(appendBlocks(columns(['Member', 'Space']), 1, [], 'NOW')).toEqual([]);
  });
});
