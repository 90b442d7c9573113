import { parseSpaces } from '../../../src/core/sheet/readSpaces';
import { validateSpaces } from '../../../src/core/rows/validateSpaces';

describe('the Spaces sheet', () => {
  it('reads headers in any order and case, skips blank rows, and checks each row', () => {
    const parsed = parseSpaces([
      ['Notes', 'max REMOVAL %', 'mode', 'SPACE', 'Status'],
      ['keep me', '', 'mirror', 'spaces/AAAA', ''],
      ['', '', '', '', ''],
      ['', '35%', 'Add-only', 'https://chat.google.com/room/BBBB', ''],
      ['', '', 'sync', 'spaces/CCCC', ''],
      ['', '150', '', 'spaces/DDDD', ''],
      ['', '', 'mirror', 'AAAA', ''],
    ])!;
    expect(parsed.columns).toEqual({ status: 4, details: null, updated: null, width: 5 });
    const { settings, invalid } = validateSpaces(parsed.rows);
    expect(settings).toEqual([
      { sheetRow: 2, space: { kind: 'name', name: 'spaces/AAAA' }, mode: 'mirror', maxRemovalPercent: 20 },
      { sheetRow: 4, space: { kind: 'name', name: 'spaces/BBBB' }, mode: 'add-only', maxRemovalPercent: 35 },
    ]);
    expect(invalid).toEqual([
      { sheetRow: 5, status: 'INVALID', reason: 'invalidCells', problems: [{ problem: 'badMode', text: 'sync' }] },
      { sheetRow: 6, status: 'INVALID', reason: 'invalidCells', problems: [{ problem: 'badMaxRemoval', text: '150' }] },
      { sheetRow: 7, status: 'INVALID', reason: 'spaceListedTwice', row: 2 },
    ]);
  });

  it('is no sheet at all without a Space column', () => {
    expect(parseSpaces([['Mode'], ['mirror']])).toBeNull();
    expect(parseSpaces([])).toBeNull();
  });
});
