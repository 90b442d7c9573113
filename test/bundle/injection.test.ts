/**
 * Sheet injection (DESIGN.md §1 "Written strings are plain text"): Member cells and a space name that Sheets
 * would take for formulas are quoted literally in Details and in the Chat Roster Log, never evaluated. The
 * SpreadsheetApp fake turns a written '=…', '+x', '-x' or '@x' into a formula reading '#ERROR!' unless it is
 * apostrophe-prefixed (or, for values kept as typed, in a plain-text cell), so an unprotected write shows.
 * Checked with and without Set up roster sheet's plain-text output columns, previewed and applied.
 */
import { Google } from '../../emulator/google';
import { AppsScriptWorld } from '../../emulator/gas/world';
import { FORMULA_RESULT } from '../../emulator/gas/sheetData';
import { LOG_SHEET } from '../../src/core/run/logLayout';
import { ADMIN, testOrg } from './org';
import { HEADERS, run } from './provisionSuite';

const RISKY_MEMBERS = ['=IMPORTXML("http://x","//a")', '+cmd', '@x', '-1+1', '=1+1'];
const RISKY_SPACE = '=HYPERLINK("http://x","y")';

function world(setUp: boolean): AppsScriptWorld<Google> {
  const seed = testOrg();
  // Addresses that begin like formulas: a Details sentence that opens with one must not need an apostrophe.
  seed.users.push({ id: '300001', email: '=sus@example.com', suspended: true }, { id: '300002', email: '+plus@example.com' });
  seed.groups.push({ id: 'g-crew', email: '-crew@example.com' });
  seed.spaces.push({ id: 'AAAAinj', displayName: RISKY_SPACE, spaceType: 'SPACE', members: [{ email: ADMIN, role: 'ROLE_MANAGER' }, { email: 'sam@example.com' }, { email: '+plus@example.com' }] });
  const google = new Google({ seed });
  const world = new AppsScriptWorld(google);
  // Typed by an administrator with the apostrophe that keeps them text: the add-on reads them as plain strings.
  const rows = [
    ...RISKY_MEMBERS.map((member) => [`'${member}`, 'spaces/AAAAinj', '', '', '', '', '']),
    ['alice@example.com', 'spaces/AAAAinj', '', '', '', '', ''],
    ['sam@example.com', 'spaces/AAAAinj', '', 'remove', '', '', ''],
    ['bob@example.com', `'${RISKY_SPACE}`, '', '', '', '', ''],
    ["'-cmd@example.com", 'spaces/AAAAinj', '', '', '', '', ''],
    ["'=sus@example.com", 'spaces/AAAAinj', '', '', '', '', ''],
    ["'-crew@example.com", 'spaces/AAAAinj', '', '', '', '', ''],
  ];
  world.spreadsheet.setSheet('Roster', [HEADERS, ...rows]);
  // The risky space named by its display name on the Spaces sheet, and Rules whose cells begin like formulas.
  world.spreadsheet.setSheet('Spaces', [['Space', 'Mode', 'Max removal %', 'Status', 'Details', 'Updated'], [`'${RISKY_SPACE}`, 'mirror', '100']]);
  world.spreadsheet.setSheet('Rules', [['Source', 'Space', 'Role', 'Status', 'Details', 'Updated'],
    ["'=ou:/Sales", 'spaces/AAAAinj', ''], ['group:eng-team@example.com', `'${RISKY_SPACE}`, "'-Member"]]);
  if (setUp) run(world, 'setupRosterSheet');
  return world;
}

/** Every cell of the sheet that holds a formula or a formula's placeholder: none may. */
function evaluated(world: AppsScriptWorld<Google>, name: string): string[] {
  const values = world.spreadsheet.sheet(name) ?? [];
  const formulas = world.spreadsheet.formulas(name) ?? [];
  const found: string[] = [];
  values.forEach((row, r) => row.forEach((value, c) => {
    const formula = formulas[r]?.[c] ?? '';
    if (formula !== '' || value === FORMULA_RESULT) found.push(`${name}!R${r + 1}C${c + 1}: ${formula || value}`);
  }));
  return found;
}

describe.each([
  ['on a sheet as typed (General format)', false],
  ['after Set up roster sheet (plain-text output columns)', true],
])('risky strings written back %s', (_label, setUp) => {
  it.each(['previewRoster', 'provisionRoster'])('%s writes them as literal text', (entryPoint) => {
    const sheetWorld = world(setUp);
    run(sheetWorld, entryPoint);
    expect(evaluated(sheetWorld, 'Roster')).toEqual([]);
    expect(evaluated(sheetWorld, LOG_SHEET)).toEqual([]);
    expect(evaluated(sheetWorld, 'Spaces')).toEqual([]);
    expect(evaluated(sheetWorld, 'Rules')).toEqual([]);
    for (const name of ['Spaces', 'Rules']) {
      const sheet = sheetWorld.spreadsheet.sheet(name)!;
      for (const row of sheet.slice(1)) {
        expect(row[3]).toMatch(/^[A-Z_]+$/);
        for (const cell of row.slice(3)) expect(cell.startsWith("'")).toBe(false);
      }
    }
    const roster = sheetWorld.spreadsheet.sheet('Roster')!;
    const details = roster.slice(1).map((row) => row[5]);
    // The Member cells read back unchanged, each quoted literally in its row's Details; no cell keeps an apostrophe.
    RISKY_MEMBERS.forEach((member, index) => {
      expect(roster[index + 1][0]).toBe(member);
      expect(details[index]).toContain(member);
    });
    expect(details.filter((text) => /sus@|crew@/.test(text))).toEqual([
      expect.stringMatching(/^"?=sus@example.com"? is suspended/), expect.stringMatching(/^"?-crew@example.com"? is a Google Group/),
    ]);
    for (const row of roster) for (const cell of row.slice(4)) expect(cell.startsWith("'")).toBe(false);
    if (entryPoint === 'provisionRoster') {
      const log = sheetWorld.spreadsheet.sheet(LOG_SHEET)!;
      const cells = log.slice(1).flat();
      expect(cells).toContain(RISKY_SPACE);
      expect(cells.filter((cell) => cell.startsWith("'"))).toEqual([]);
    }
  });
});

describe('an import from a space named like a formula, with a member whose address begins like one', () => {
  it.each([false, true])('appends plain text (set up: %s)', (setUp) => {
    const sheetWorld = world(setUp);
    run(sheetWorld, 'importMemberships', [['spaces/AAAAinj']]);
    expect(evaluated(sheetWorld, 'Roster')).toEqual([]);
    const roster = sheetWorld.spreadsheet.sheet('Roster')!;
    const imported = roster.slice(1).filter((row) => row[4] === 'UNCHANGED');
    expect(imported.map((row) => row[0])).toContain('+plus@example.com');
    for (const row of imported) for (const cell of row) expect(cell.startsWith("'")).toBe(false);
  });
});
