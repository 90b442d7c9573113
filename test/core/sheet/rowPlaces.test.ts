/** Where planned rows are now (rowPlaces.ts): same row, moved, gone, or unplanned. */
import { parseRoster } from '../../../src/core/sheet/readRoster';
import { placeRows, type RowPlaces } from '../../../src/core/sheet/rowPlaces';

const HEADERS = ['Member', 'Space', 'Role', 'Action', 'Status'];
const planned = parseRoster([HEADERS, ['a@x.com', 'S', '', '', ''], ['b@x.com', 'S', 'Manager', '', ''], ['a@x.com', 'S', '', '', ''], ['c@x.com', 'S', '', 'remove', 'PENDING']]);
if (!planned.ok) throw new Error(planned.message);

function places(grid: unknown[][]): RowPlaces {
  const found = placeRows(planned.ok ? planned.rows : [], grid);
  if (typeof found === 'string') throw new Error(found);
  return found;
}

describe('placeRows', () => {
  it('keeps every row where it was when nothing changed', () => {
    const now = places([HEADERS, ['a@x.com', 'S', '', '', 'ADDED'], ['b@x.com', 'S', 'Manager', '', ''], ['a@x.com', 'S', '', '', ''], ['c@x.com', 'S', '', 'remove', '']]);
    expect([...now.placeOf]).toEqual([[2, 2], [3, 3], [4, 4], [5, 5]]);
    expect(now.unplanned).toEqual([]);
  });

  it('follows rows moved by an insert above, and calls the inserted row unplanned', () => {
    const now = places([HEADERS, [], ['new@x.com', 'S'], ['a@x.com', 'S', '', '', ''], ['b@x.com', 'S', 'Manager', '', ''], ['a@x.com', 'S', '', '', ''], ['c@x.com', 'S', '', 'remove', '']]);
    expect(now.placeOf.get(2)).toBe(4);
    expect(now.placeOf.get(3)).toBe(5);
    expect(now.placeOf.get(4)).toBe(6);
    expect(now.placeOf.get(5)).toBe(7);
    expect(now.unplanned.map((row) => row.sheetRow)).toEqual([3]);
  });

  it('gives a deleted row no place, and an edited row none either: the edited one is unplanned', () => {
    const now = places([HEADERS, ['b@x.com', 'S', 'Owner', '', ''], ['a@x.com', 'S', '', '', ''], ['c@x.com', 'S', '', 'remove', '']]);
    expect(now.placeOf.has(3)).toBe(false);
    // The one a@x.com row left is the first of the two planned.
    expect(now.placeOf.get(2)).toBe(3);
    expect(now.placeOf.has(4)).toBe(false);
    expect(now.placeOf.get(5)).toBe(4);
    expect(now.unplanned.map((row) => row.sheetRow)).toEqual([2]);
  });

  it('follows a sort, giving rows with the same inputs one place each', () => {
    const now = places([HEADERS, ['c@x.com', 'S', '', 'remove', ''], ['b@x.com', 'S', 'Manager', '', ''], ['a@x.com', 'S', '', '', ''], ['a@x.com', 'S', '', '', '']]);
    expect(now.placeOf.get(5)).toBe(2);
    expect(now.placeOf.get(3)).toBe(3);
    expect(now.placeOf.get(2)).toBe(4);
    expect(now.placeOf.get(4)).toBe(5);
    expect(now.unplanned).toEqual([]);
  });

  it('says what is wrong when the Member header is gone', () => {
    expect(typeof placeRows(planned.ok ? planned.rows : [], [['Who', 'Space']])).toBe('string');
  });
});
