/** Each Rules row's status and counts, as the administrator reads them in its Details. */
import { detailsOf } from '../../../src/core/details';
import type { GrantResult } from '../../../src/core/model';
import { ruleOutcomes, type GrantReport } from '../../../src/core/rules/ruleReport';

/** `count` grants of rule `sheetRow` ended `result`. */
const many = (count: number, result: GrantResult, rules: number[] = [2]): GrantReport[] => Array.from({ length: count }, () => ({ rules, result }));

const cells = (people: [number, number][], reports: GrantReport[]) =>
  ruleOutcomes(new Map(people), reports).map((outcome) => [outcome.sheetRow, outcome.status, detailsOf(outcome)]);

describe('ruleOutcomes', () => {
  it('counts what became of a rule\'s people', () => {
    expect(cells([[2, 48]], [...many(5, 'added'), ...many(1, 'invited'), ...many(42, 'alreadyIn')]))
      .toEqual([[2, 'APPLIED', '48 people: 5 added, 1 invited, 42 already in.']]);
  });

  it('says what a preview would do', () => {
    expect(cells([[2, 120]], [...many(5, 'wouldAdd'), ...many(1, 'wouldRaise'), ...many(114, 'alreadyIn')]))
      .toEqual([[2, 'WOULD_APPLY', '120 people: would add 5, would raise 1, 114 already in.']]);
  });

  it('is UNCHANGED when everyone is already in, or the source names no one', () => {
    expect(cells([[2, 3], [3, 0]], [...many(2, 'alreadyIn'), ...many(1, 'byRoster')])).toEqual([
      [2, 'UNCHANGED', '3 people: 2 already in, 1 set by the roster.'],
      [3, 'UNCHANGED', '0 people: no active user matches this source now.'],
    ]);
  });

  it.each([
    [[...many(3, 'added'), ...many(1, 'error'), ...many(1, 'pending'), ...many(1, 'held')], 'ERROR', '6 people: 3 added, 1 pending, 1 held, 1 error (the Chat Roster Log names them).'],
    [[...many(3, 'added'), ...many(2, 'pending'), ...many(1, 'held')], 'PENDING', '6 people: 3 added, 2 pending, 1 held (the Chat Roster Log names them).'],
    [[...many(2, 'roleRaised'), ...many(1, 'invalid'), ...many(3, 'held')], 'HELD', '6 people: 2 roles raised, 3 held, 1 invalid (the Chat Roster Log names them).'],
    [[...many(5, 'alreadyIn'), ...many(1, 'invalid')], 'INVALID', '6 people: 5 already in, 1 invalid (the Chat Roster Log names them).'],
  ])('takes the status of the worst result: %#', (reports, status, details) => {
    expect(cells([[2, 6]], reports)).toEqual([[2, status, details]]);
  });

  it('counts a person two rules grant for both', () => {
    expect(cells([[2, 2], [3, 1]], [{ rules: [2, 3], result: 'roleRaised' }, { rules: [2], result: 'alreadyIn' }])).toEqual([
      [2, 'APPLIED', '2 people: 1 role raised, 1 already in.'],
      [3, 'APPLIED', '1 person: 1 role raised.'],
    ]);
  });
});
