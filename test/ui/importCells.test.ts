import { spaceCellsOf } from '../../src/ui/importCells';

describe('spaceCellsOf', () => {
  it('reads one space per line, trimmed, blanks dropped (a name may hold a comma)', () => {
    expect(spaceCellsOf(' spaces/AAAA \n\nhttps://chat.google.com/room/BBBB\n Sales, EMEA \n')).toEqual([
      'spaces/AAAA', 'https://chat.google.com/room/BBBB', 'Sales, EMEA',
    ]);
    expect(spaceCellsOf('  \n ')).toEqual([]);
  });
});
