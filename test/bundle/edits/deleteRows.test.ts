/**
 * (b) The administrator deletes rows during a run: two rows above the ones being worked on (one already
 * done, one not yet reached). The rows below move up; no status goes to the row that took a deleted row's
 * place, and no remaining row is left without its status.
 */
import { displayRows, runWithEdit, inputKey, type EditOutcome } from './editHarness';
import { expectNothingWrong } from './expectations';

describe('rows deleted during a run', () => {
  let outcome: EditOutcome;
  beforeAll(() => {
    outcome = runWithEdit((context) => {
      const rows = displayRows(context.sheet);
      const done = rows.findIndex((row, i) => i > 0 && row[4] !== '' && row[4] !== 'PENDING');
      const waiting = rows.findIndex((row, i) => i > done && (row[4] === '' || row[4] === 'PENDING'));
      const gone = [waiting, done].sort((a, b) => b - a);
      for (const index of gone) context.sheet.deleteRows(index + 1, 1);
      return { deleted: gone.map((index) => inputKey(rows[index][0], rows[index][1], rows[index][2], rows[index][3])) };
    });
  });

  expectNothingWrong(() => outcome);
});
