import type { RosterRow } from '../../../src/core/model';
import type { CountedRow } from '../../../src/core/run/summary';
import { planPeople } from '../../../src/core/run/planPeople';

const row = (sheetRow: number, member: string, space: string): RosterRow =>
  ({ sheetRow, member, space, role: '', action: '', status: '', details: '' });

describe('planPeople (a preview\'s rows by name, per space)', () => {
  const rows = [row(2, ' ann@example.com ', 'Sales'), row(3, 'bob@example.com', 'Sales'), row(4, 'cy@example.com', 'spaces/AAAA'), row(5, 'dee@example.com', '')];
  const outcomes: CountedRow[] = [
    { sheetRow: 2, status: 'UNCHANGED' },
    { sheetRow: 3, status: 'WOULD_ADD' },
    { sheetRow: 4, status: 'INVALID' },
    { sheetRow: 5, status: 'INVALID' },
  ];

  it('groups by the space as the run named it, changes first, member text trimmed', () => {
    expect(planPeople(rows, outcomes, new Map([[4, 'Design Team']]))).toEqual([
      { space: 'Sales', people: [['bob@example.com', 'WOULD_ADD', 3], ['ann@example.com', 'UNCHANGED', 2]], more: 0 },
      { space: 'Design Team', people: [['cy@example.com', 'INVALID', 4]], more: 0 },
      { space: '(no space)', people: [['dee@example.com', 'INVALID', 5]], more: 0 },
    ]);
  });

  it('lists at most the limit per space and counts the rest, keeping the changes', () => {
    const [sales] = planPeople(rows, outcomes, new Map(), 1);
    expect(sales).toEqual({ space: 'Sales', people: [['bob@example.com', 'WOULD_ADD', 3]], more: 1 });
  });
});
