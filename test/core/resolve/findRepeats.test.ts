/**
 * Rows that name one member of one space more than once, through the stages that find them: validation,
 * space pairing, the directory, and members.get by alias.
 */
import { probeByAlias } from '../../../src/core/resolve/probeByAlias';
import { rendered } from '../../../src/core/details';
import type { RosterRow } from '../../../src/core/model';
import { spaceKey } from '../../../src/core/rows/refs';
import type { SpaceResolution } from '../../../src/core/resolve/resolveSpaces';
import { lookUp } from '../../../src/core/resolve/identities';
import { memberCells, resolveTargets } from '../../../src/core/resolve/resolveTargets';
import { validateRows } from '../../../src/core/rows/validateRows';
import { FakeChat, FakeDirectory } from '../fakes';

const TEAM = { name: 'spaces/AAAA', spaceType: 'SPACE', displayName: 'Team Alpha' };
const OTHER = { name: 'spaces/BBBB', spaceType: 'SPACE', displayName: 'team alpha' };

let nextRow = 2;
function row(member: string, space: string, role = '', action = ''): RosterRow {
  return { sheetRow: nextRow++, member, space, role, action, status: '', details: '' };
}
beforeEach(() => { nextRow = 2; });

function directory(): FakeDirectory {
  const fake = new FakeDirectory();
  fake.entries.set('alice@example.com', { kind: 'user', name: 'users/11' });
  fake.entries.set('gone@example.com', { kind: 'user', name: 'users/13', suspended: true });
  return fake;
}

/** Rows through validation, space pairing (spaces/AAAA is "Team Alpha", anything else "team alpha") and the directory. */
function resolveRows(rows: RosterRow[], lookup = directory()) {
  const { intents, invalid } = validateRows(rows);
  expect(invalid).toEqual([]);
  const spaces = new Map<string, SpaceResolution>();
  for (const intent of intents) {
    const ref = intent.space;
    const isTeam = ref.kind === 'name' ? ref.name === TEAM.name : ref.displayName === TEAM.displayName;
    spaces.set(spaceKey(ref), { ok: true, space: isTeam ? TEAM : OTHER });
  }
  const cells = memberCells(intents, spaces, 'me@example.com');
  const resolved = resolveTargets(cells, lookUp(lookup, cells.emails));
  return { ...resolved, outcomes: resolved.outcomes.map(rendered) };
}

function detailsOf(rows: RosterRow[]): Record<number, string> {
  return Object.fromEntries(resolveRows(rows).outcomes.map((outcome) => [outcome.sheetRow, `${outcome.status} ${outcome.details}`]));
}

describe('rows naming one member of one space twice', () => {
  it('an exact repeat is INVALID pointing at the first row, whatever the case or the form of the space', () => {
    expect(detailsOf([
      row('alice@example.com', 'spaces/AAAA'),
      row('ALICE@example.com', 'https://chat.google.com/room/AAAA'),
      row('users/alice@example.com', 'Team Alpha', 'member', 'add'),
    ])).toEqual({ 3: 'INVALID Same as row 2: delete this row. Your side: fix this, then run again.', 4: 'INVALID Same as row 2: delete this row. Your side: fix this, then run again.' });
  });

  it('a remove with a role repeats a remove without one', () => {
    expect(detailsOf([row('bob@example.com', 'AAAA', '', 'remove'), row('bob@example.com', 'AAAA', 'Owner', 'remove')]))
      .toEqual({ 3: 'INVALID Same as row 2: delete this row. Your side: fix this, then run again.' });
  });

  it('rows that disagree are all INVALID, each naming the other; other members go ahead', () => {
    const { targets, outcomes } = resolveRows([
      row('alice@example.com', 'AAAA'),
      row('bob@example.com', 'AAAA'),
      row('alice@example.com', 'AAAA', 'Owner'),
      row('alice@example.com', 'AAAA', '', 'remove'),
    ]);
    expect(targets.map((target) => target.intent.sheetRow)).toEqual([3]);
    expect([...outcomes].sort((a, b) => a.sheetRow - b.sheetRow)).toEqual([
      { sheetRow: 2, status: 'INVALID', details: 'Conflicts with row 4 (same member and space, different role or action): keep one of the two rows. Your side: fix this, then run again.' },
      { sheetRow: 4, status: 'INVALID', details: expect.stringMatching(/^Conflicts with row 2 /) },
      { sheetRow: 5, status: 'INVALID', details: expect.stringMatching(/^Conflicts with row 2 /) },
    ]);
  });

  it('an email and the users/ID the directory gives it are one person', () => {
    expect(detailsOf([row('alice@example.com', 'AAAA'), row('users/11', 'AAAA')])).toEqual({
      3: 'INVALID Row 2 already covers this member in this space (written differently, e.g. an email and a users/ id): delete this row. Your side: fix this, then run again.',
    });
    expect(detailsOf([row('alice@example.com', 'AAAA'), row('users/11', 'AAAA', 'Owner')])).toEqual({
      4: expect.stringMatching(/^INVALID Conflicts with row 5 \(the same member in this space, written differently/),
      5: expect.stringMatching(/^INVALID Conflicts with row 4 /),
    });
  });

  it('display names are exact: "Team Alpha" and "team alpha" are two spaces, "Team Alpha" and its id one', () => {
    expect(detailsOf([row('alice@example.com', 'Team Alpha'), row('alice@example.com', 'team alpha')])).toEqual({});
    expect(detailsOf([row('alice@example.com', 'Team Alpha'), row('alice@example.com', 'spaces/AAAA')]))
      .toEqual({ 5: 'INVALID Same as row 4: delete this row. Your side: fix this, then run again.' });
  });

  it('a person and a group with the same email are two members', () => {
    const lookup = directory();
    lookup.entries.set('team@example.com', { kind: 'group', name: 'groups/g1' });
    lookup.entries.set('users-team@example.com', { kind: 'user', name: 'users/12' });
    const { outcomes } = resolveRows([row('group:team@example.com', 'AAAA'), row('groups/g1', 'AAAA'), row('users-team@example.com', 'AAAA')], lookup);
    expect(outcomes).toEqual([{ sheetRow: 3, status: 'INVALID', details: expect.stringContaining('Row 2 already covers this member') }]);
  });

  it('the repeat of a suspended user is INVALID, the first row HELD', () => {
    expect(detailsOf([row('gone@example.com', 'AAAA'), row('gone@example.com', 'AAAA')])).toEqual({
      2: expect.stringMatching(/^HELD gone@example.com is suspended/),
      3: 'INVALID Same as row 2: delete this row. Your side: fix this, then run again.',
    });
  });

  it('members.get by alias can reveal that an unknown email is a users/ID another row names', () => {
    const chat = new FakeChat().addSpace(TEAM.name, TEAM.displayName);
    chat.person('ext@gmail.com', '77');
    chat.seat(TEAM.name, 'users/77');
    const { targets, outcomes } = resolveRows([row('ext@gmail.com', 'AAAA'), row('users/77', 'AAAA', '', 'remove'), row('users/78', 'AAAA')]);
    expect(outcomes).toEqual([]);
    const probed = probeByAlias(chat, targets, new Map(), false);
    expect(probed.targets.map((target) => target.intent.sheetRow)).toEqual([4]);
    expect(probed.outcomes.map(rendered)).toEqual([
      { sheetRow: 2, status: 'INVALID', details: expect.stringMatching(/^Conflicts with row 3 \(the same member in this space, written differently/) },
      { sheetRow: 3, status: 'INVALID', details: expect.stringMatching(/^Conflicts with row 2 /) },
    ]);
  });
});
