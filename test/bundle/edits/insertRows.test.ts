/**
 * (a) The administrator inserts rows above the ones being worked on: two blank rows and one new roster row
 * (a newcomer to add) right under the headers. Every status after the insert lands on the row it belongs to,
 * and the next execution adds the newcomer.
 */
import { runWithEdit, inputKey, NEWCOMERS, typeInto, type EditOutcome } from './editHarness';
import { expectNothingWrong } from './expectations';

describe('rows inserted above during a run', () => {
  let outcome: EditOutcome;
  beforeAll(() => {
    outcome = runWithEdit((context) => {
      context.sheet.insertRows(1, 3);
      typeInto(context, 3, 1, NEWCOMERS[0]);
      typeInto(context, 3, 2, 'spaces/AAAAspace000');
      return { accepts: new Map([[inputKey(NEWCOMERS[0], 'spaces/AAAAspace000', '', ''), ['ADDED']]]) };
    });
  });

  expectNothingWrong(() => outcome);

  it('takes the inserted row up in a following execution', () => {
    expect(outcome.firstReport.pending).toBeGreaterThan(0);
    expect(outcome.executions).toBeGreaterThan(1);
  });
});
