import { GROUP_OR_APP_ROLE, rendered } from '../../../src/core/details';
import type { Intent, RosterRow } from '../../../src/core/model';
import { validateRows } from '../../../src/core/rows/validateRows';

let nextRow = 2;
function row(member: string, space: string, role = '', action = ''): RosterRow {
  return { sheetRow: nextRow++, member, space, role, action, status: '', details: '' };
}
beforeEach(() => { nextRow = 2; });

function detailsOf(rows: RosterRow[]): Record<number, string> {
  const { invalid } = validateRows(rows);
  return Object.fromEntries(invalid.map(rendered).map((outcome) => [outcome.sheetRow, outcome.details]));
}

describe('validateRows', () => {
  it('turns good rows into intents with defaults and API roles', () => {
    const { intents, invalid } = validateRows([
      row('alice@example.com', 'spaces/A'),
      row('bob@example.com', 'spaces/A', 'manager', 'ADD'),
      row('carol@example.com', 'spaces/A', 'Owner'),
      row('group:team@example.com', 'spaces/A', '', 'remove'),
      row('dave@example.com', 'spaces/A', 'Manager', 'Remove'),
    ]);
    expect(invalid).toEqual([]);
    expect(intents.map((i) => [i.sheetRow, i.role, i.action])).toEqual([
      [2, 'ROLE_MEMBER', 'add'], [3, 'ROLE_ASSISTANT_MANAGER', 'add'], [4, 'ROLE_MANAGER', 'add'],
      [5, null, 'remove'], [6, 'ROLE_ASSISTANT_MANAGER', 'remove'],
    ]);
  });

  it('gives each row its own Space cell, however rows of several spaces and bad cells alternate', () => {
    const { intents, invalid } = validateRows([
      row('a@example.com', 'spaces/A'),
      row('b@example.com', 'spaces/A'),
      row('c@example.com', 'B'),
      row('d@example.com', 'spaces/A'),
      row('d2@example.com', 'spaces/A'),
      row('e@example.com', 'spaces/A x'),
      row('f@example.com', 'spaces/A x'),
      row('g@example.com', 'spaces/A'),
      row('h@example.com', 'https://mail.google.com/chat/u/0/#chat/space/B'),
      row('i@example.com', 'B'),
    ]);
    const named = (space: Intent['space']) => (space.kind === 'name' ? space.name : space.displayName);
    expect(intents.map((intent) => [intent.sheetRow, named(intent.space)])).toEqual([
      [2, 'spaces/A'], [3, 'spaces/A'], [4, 'spaces/B'], [5, 'spaces/A'], [6, 'spaces/A'], [9, 'spaces/A'], [10, 'spaces/B'], [11, 'spaces/B'],
    ]);
    expect(invalid.map((outcome) => outcome.sheetRow)).toEqual([7, 8]);
  });

  it('says what to fix for every kind of bad row', () => {
    const details = detailsOf([
      row('alice@exa mple.com', 'spaces/A'),
      row('bob@example.com', 'spaces/A', 'Admin'),
      row('bob@example.com', 'spaces/B', '', 'delete'),
      row('group:team@example.com', 'spaces/A', 'Member'),
      row('app', 'spaces/A', 'Owner'),
      row('', 'spaces/A'),
      row('carol@example.com', ''),
      row('Carol', 'https://example.com/x', 'boss'),
    ]);
    expect(details[2]).toContain('is not a valid email address');
    expect(details[3]).toBe('Role "Admin" is not Member, Manager or Owner (leave it empty for Member). Your side: fix this, then run again.');
    expect(details[4]).toBe('Action "delete" is not add or remove (leave it empty for add). Your side: fix this, then run again.');
    expect(details[5]).toBe(`${GROUP_OR_APP_ROLE} Your side: fix this, then run again.`);
    expect(details[6]).toBe('Groups and the Chat app have no role in a space: clear the Role cell. Your side: fix this, then run again.');
    expect(details[7]).toContain('The Member cell is empty');
    expect(details[8]).toContain('The Space cell is empty');
    // Every problem of a row at once, so one edit fixes it.
    expect(details[9]).toContain('is not a member Chat Roster understands');
    expect(details[9]).toContain('is not a Google Chat space link');
    expect(details[9]).toContain('Role "boss"');
  });
});
