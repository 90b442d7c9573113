/** What every edit test checks (issue 14 item 4): no status on a row not its own, no row lost, the run converges. */
import type { EditOutcome } from './editHarness';

export function expectNothingWrong(outcome: () => EditOutcome): void {
  it('edits between two progress flushes of the first execution', () => {
    expect(outcome().flushesBefore).toBeGreaterThan(0);
    expect(outcome().flushesAfter).toBeGreaterThan(0);
  });

  it('puts no status on a row that is not its own: rows with a status not their own = 0', () => {
    expect(outcome().notOwn).toEqual([]);
  });

  it('loses no row: every row ends with its own final status (rows lost = 0)', () => {
    expect(outcome().lost).toEqual([]);
  });

  it('makes no membership write twice', () => {
    expect(outcome().duplicateWrites).toEqual([]);
  });

  it('names, in the log, each change made after the edit by the row that holds its member now', () => {
    expect(outcome().misnamedChanges).toEqual([]);
  });
}
