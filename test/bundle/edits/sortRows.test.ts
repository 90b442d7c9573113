/**
 * (c) The administrator sorts the roster (Data › Sort range, by Member, Z → A) during a run: every row moves.
 * Each status written afterwards follows its row to where the sort put it.
 */
import { runWithEdit, type EditOutcome } from './editHarness';
import { expectNothingWrong } from './expectations';

describe('the roster sorted during a run', () => {
  let outcome: EditOutcome;
  beforeAll(() => {
    outcome = runWithEdit((context) => {
      const member = (row: readonly ({ value: unknown } | undefined)[]) => String(row[0]?.value ?? '');
      context.sheet.sortRows(2, context.sheet.lastRow(), (a, b) => member(b).localeCompare(member(a)));
      return {};
    });
  });

  expectNothingWrong(() => outcome);
});
