import type { PlannedPerson } from '../../src/shared/report';
import type { LoggedRun } from '../../src/shared/sidebar';
import { normalizePeople } from '../../src/ui/normalizePeople';
import {
  barLabel, CHANGE_STATUSES, columnHeight, findPeople, peopleRest, peopleSummary, planRows, planSegments, runColumns,
} from '../../src/ui/pictures';

describe('a space\'s stacked bar', () => {
  const [engineering, broken] = planRows([
    { space: 'Engineering', counts: { WOULD_ADD: 12, WOULD_UPDATE_ROLE: 1, UNCHANGED: 27 } },
    { space: 'spaces/B', counts: { WOULD_REMOVE: 2, HELD: 1, INVALID: 1, ERROR: 3, PENDING: 1 } },
  ]);

  it('has one part per status in the plan\'s order, sized by share, coloured by the status table\'s tone', () => {
    expect(planSegments(engineering)).toEqual([
      { kind: 'add', count: 12, percent: 30, tone: 'preview', text: '12 to add' },
      { kind: 'roleChange', count: 1, percent: 2.5, tone: 'preview', text: '1 role to change' },
      { kind: 'unchanged', count: 27, percent: 67.5, tone: 'neutral', text: '27 unchanged' },
    ]);
    expect(planSegments(broken).map((segment) => [segment.kind, segment.tone])).toEqual([
      ['remove', 'preview'], ['held', 'waiting'], ['invalid', 'problem'], ['error', 'problem'], ['other', 'neutral'],
    ]);
    expect(planSegments(broken).reduce((sum, segment) => sum + segment.percent, 0)).toBeCloseTo(100);
  });

  it('reads as a sentence for a screen reader', () => {
    expect(barLabel('Engineering', planSegments(engineering))).toBe('Engineering: 12 to add, 1 role to change, 27 unchanged');
    expect(barLabel('Empty', [])).toBe('Empty: nothing to do');
  });
});

describe('the people behind a bar', () => {
  const people: PlannedPerson[] = [
    ['dave.brown@example.com', 'WOULD_ADD', 3], ['Bob.Jones@example.com', 'WOULD_UPDATE_ROLE', 7], ['nobody@example', 'INVALID', 9],
  ];

  it('finds people by member text or status words, case-insensitively, within a cap', () => {
    expect(findPeople(people, '').matched).toBe(3);
    expect(findPeople(people, ' BOB ').shown).toEqual([people[1]]);
    expect(findPeople(people, 'invalid').shown).toEqual([people[2]]);
    expect(findPeople(people, 'example', 1)).toEqual({ shown: [people[0]], matched: 3 });
  });

  it('says how many there are, how many match, and why some are not listed', () => {
    expect(peopleSummary(3, 0, findPeople(people, ''), false)).toBe('People (3)');
    expect(peopleSummary(3, 2000, findPeople(people, 'bob'), true)).toBe('1 of 2,003 match');
    expect(peopleRest(3, 0, findPeople(people, ''))).toBe('');
    expect(peopleRest(3, 0, findPeople(people, '', 1))).toBe('2 more people — type in Find to narrow the list');
    expect(peopleRest(2000, 5, findPeople(people, ''))).toBe('5 rows not listed (the plan names the first 2,000)');
  });

  it('keeps only well-formed entries of the browser\'s copy', () => {
    expect(normalizePeople([{ space: 'A', people: [['a@x', 'WOULD_ADD', 2], ['b@x', 'NOPE', 3], 'junk'], more: 4 }, null, { people: [] }]))
      .toEqual([{ space: 'A', people: [['a@x', 'WOULD_ADD', 2]], more: 4 }]);
  });
});

describe('the chart of the last runs', () => {
  const run = (id: string, counts: LoggedRun['counts']): LoggedRun =>
    ({ run: id, started: '2026-11-23 09:00:00', finished: '', executions: '1', startedBy: '', summary: '', counts });

  it('counts changes made in Chat (not unchanged or problem rows) and errors per run, oldest first', () => {
    expect(CHANGE_STATUSES).toEqual(['ADDED', 'INVITED', 'ROLE_UPDATED', 'REMOVED']);
    const { columns, max } = runColumns([run('new', { ADDED: 3, UNCHANGED: 50, ERROR: 2, INVALID: 4 }), run('old', { REMOVED: 1, INVITED: 5 })]);
    expect(columns.map((column) => [column.run, column.changes, column.errors])).toEqual([['old', 6, 0], ['new', 3, 2]]);
    expect(max).toBe(6);
    expect(columns[1].text).toBe('2026-11-23 09:00: 3 changes, 2 errors');
  });

  it('keeps a small non-zero column visible and an empty one flat', () => {
    expect(columnHeight(0, 100)).toBe(0);
    expect(columnHeight(1, 1000)).toBe(4);
    expect(columnHeight(50, 100)).toBe(50);
    expect(runColumns([]).max).toBe(1);
  });
});
