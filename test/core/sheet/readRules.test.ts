/** The Rules sheet as an administrator fills it: headers anywhere, blank rows, each mistake with its fix. */
import { detailsOf } from '../../../src/core/details';
import { RULES_HEADERS, parseRules } from '../../../src/core/sheet/readRules';
import { validateRules } from '../../../src/core/rules/validateRules';

describe('the Rules sheet', () => {
  it('lays out Source, Space, Role and the Roster\'s output columns', () => {
    expect(RULES_HEADERS).toEqual(['Source', 'Space', 'Role', 'Status', 'Details', 'Updated']);
  });

  it('reads headers in any order and case, keeps other columns out, and skips blank rows', () => {
    const parsed = parseRules([
      ['Notes', 'role', 'SPACE', 'details', 'source'],
      ['mine', 'Manager', 'spaces/AAAA', 'old', 'ou:/Sales'],
      ['', '', '', '', ''],
      ['', '', ' spaces/BBBB ', 'x', ' domain '],
    ])!;
    expect(parsed.rows).toEqual([
      { sheetRow: 2, source: 'ou:/Sales', space: 'spaces/AAAA', role: 'Manager' },
      { sheetRow: 4, source: 'domain', space: 'spaces/BBBB', role: '' },
    ]);
    expect(parsed.columns).toEqual({ status: null, details: 3, updated: null, width: 5 });
  });

  it('is no sheet at all without a Source column', () => {
    expect(parseRules([['Space', 'Role'], ['spaces/AAAA', 'Owner']])).toBeNull();
    expect(parseRules([])).toBeNull();
  });

  it('turns a row with wrong cells INVALID with every fix at once, as a Roster row', () => {
    const { rules, invalid } = validateRules([
      { sheetRow: 2, source: 'group:sales@example.com', space: 'https://chat.google.com/room/AAAA', role: 'owner' },
      { sheetRow: 3, source: 'sales@example.com', space: '', role: 'Boss' },
      { sheetRow: 4, source: '', space: 'spaces/AAAA', role: '' },
      { sheetRow: 5, source: 'ou=Sales', space: 'https://example.com/x', role: '' },
    ]);
    expect(rules).toEqual([
      { sheetRow: 2, source: { kind: 'group', email: 'sales@example.com' }, space: { kind: 'name', name: 'spaces/AAAA' }, role: 'ROLE_MANAGER' },
    ]);
    expect(invalid.map((outcome) => [outcome.sheetRow, outcome.status, detailsOf(outcome)])).toEqual([
      [3, 'INVALID', 'Source "sales@example.com" is not one Chat Roster understands: use ou:/Unit (the unit and every unit below it), ou=/Unit (that unit only), group:EMAIL, query:SEARCH or domain. '
        + "The Space cell is empty: enter the space's URL, spaces/ID, or the space's exact name. "
        + 'Role "Boss" is not Member, Manager or Owner (leave it empty for Member).'],
      [4, 'INVALID', expect.stringMatching(/^The Source cell is empty: enter ou:\/Unit/)],
      [5, 'INVALID', expect.stringMatching(/^"https:\/\/example.com\/x" is not a Google Chat space link/)],
    ]);
  });
});
