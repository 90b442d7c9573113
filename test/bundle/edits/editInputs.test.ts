/**
 * (d) The administrator edits the inputs of rows being worked on: the row whose membership call is under way
 * gets Action "remove", and a row not yet reached gets another Member. Neither gets the status of what it said
 * before; both are queued, and a following execution applies them as they are now.
 */
import { displayRows, inputKey, NEWCOMERS, rowOfRequest, runWithEdit, typeInto, type Accepts, type EditOutcome } from './editHarness';
import { expectNothingWrong } from './expectations';

describe('input cells edited during a run', () => {
  let outcome: EditOutcome;
  const editedRows: string[] = [];
  beforeAll(() => {
    outcome = runWithEdit((context) => {
      const rows = displayRows(context.sheet);
      const accepts: Accepts = new Map();
      const replaced: string[] = [];
      const current = rowOfRequest(context, rows);
      if (current !== null) {
        const [member, space, role] = rows[current - 1];
        typeInto(context, current, 3, '');
        typeInto(context, current, 4, 'remove');
        accepts.set(inputKey(member, space, '', 'remove'), ['REMOVED', 'UNCHANGED']);
        replaced.push(inputKey(member, space, role, ''));
        editedRows.push(`${member} ${role}`);
      }
      const waiting = rows.findIndex((row, i) => i > 0 && i + 1 !== current && (row[4] === '' || row[4] === 'PENDING') && row[3] === '');
      const [was, space, role] = rows[waiting];
      replaced.push(inputKey(was, space, role, ''));
      typeInto(context, waiting + 1, 1, NEWCOMERS[1]);
      accepts.set(inputKey(NEWCOMERS[1], space, role, ''), role === 'Manager' || role === 'Owner' ? ['ADDED', 'ROLE_UPDATED'] : ['ADDED']);
      editedRows.push(NEWCOMERS[1]);
      return { accepts, deleted: replaced };
    });
  });

  expectNothingWrong(() => outcome);

  it('edits the row whose call was under way, and one not yet reached', () => {
    expect(editedRows).toHaveLength(2);
    expect(outcome.executions).toBeGreaterThan(1);
  });
});
