import { parseRoster, ROSTER_HEADERS, OUTPUT_HEADERS } from '../../../src/core/sheet/readRoster';

describe('parseRoster', () => {
  it('finds headers in any order and case, ignores other columns, skips blank rows', () => {
    const grid = [
      ['Notes', ' space ', 'STATUS', 'member', 'Action', 'role'],
      ['hello', 'spaces/AAAA', 'ADDED', 'alice@example.com', '', 'Manager'],
      ['only a note', '', 'OLD', '', '', ''],
      ['', 'Team', '', 'bob@example.com', 'remove', ''],
    ];
    const parsed = parseRoster(grid);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows).toEqual([
      { sheetRow: 2, member: 'alice@example.com', space: 'spaces/AAAA', role: 'Manager', action: '', status: 'ADDED', details: '' },
      { sheetRow: 4, member: 'bob@example.com', space: 'Team', role: '', action: 'remove', status: '', details: '' },
    ]);
    expect(parsed.columns).toMatchObject({ member: 3, space: 1, role: 5, action: 4, status: 2, details: null, updated: null, width: 6 });
  });

  it('works without the optional columns', () => {
    const parsed = parseRoster([['Member', 'Space'], ['a@example.com', 'X']]);
    expect(parsed.ok && parsed.rows[0]).toMatchObject({ role: '', action: '', status: '' });
  });

  it.each([
    [['Space', 'Email'], 1],
    [['USER', 'Space'], 0],
    [['user', 'Email', 'Space'], 1],
    [['Email', 'Space', 'member'], 2],
  ])('reads the Member column headed %j (Member, then Email, then User)', (header, member) => {
    const parsed = parseRoster([header, header.map((name) => (name === 'Space' ? 'spaces/AAAA' : `${name}@example.com`))]);
    expect(parsed.ok && parsed.columns.member).toBe(member);
    expect(parsed.ok && parsed.rows[0].member).toBe(`${header[member]}@example.com`);
  });

  it.each([
    [[['Space', 'Role']], '"Member"'],
    [[['Member']], '"Space"'],
    [[], '"Member" or "Space"'],
  ])('a missing required header tells the admin to set the sheet up', (grid, named) => {
    const parsed = parseRoster(grid);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain(named);
      expect(parsed.message).toContain('Set up roster sheet');
    }
  });

  it('reads numbers, booleans and dates as text and never evaluates anything', () => {
    const parsed = parseRoster([
      ['Member', 'Space', 'Role'],
      [12345, true, new Date(Date.UTC(2026, 0, 2))],
      ['=IMPORTXML("http://evil")', { toString: () => { throw new Error('evaluated'); } }, null],
    ]);
    expect(parsed.ok && parsed.rows).toEqual([
      { sheetRow: 2, member: '12345', space: 'TRUE', role: '2026-01-02T00:00:00.000Z', action: '', status: '', details: '' },
      { sheetRow: 3, member: '=IMPORTXML("http://evil")', space: '', role: '', action: '', status: '', details: '' },
    ]);
  });

  it('exports the header lists the setup command lays out', () => {
    expect(ROSTER_HEADERS).toEqual(['Member', 'Space', 'Role', 'Action', 'Status', 'Details', 'Updated']);
    expect(OUTPUT_HEADERS).toEqual(['Status', 'Details', 'Updated']);
  });
});
