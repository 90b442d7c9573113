/** RunReport.people from the browser's copy of a report: malformed entries dropped (no DOM, no wording). */
import type { PlannedPerson, SpacePeople } from '../shared/report';
import { isRowStatus } from '../shared/statuses';

function person(value: unknown): PlannedPerson | null {
  if (!Array.isArray(value)) return null;
  const [member, status, sheetRow] = value as unknown[];
  if (typeof member !== 'string' || typeof status !== 'string' || !isRowStatus(status) || typeof sheetRow !== 'number') return null;
  return [member, status, sheetRow];
}

export function normalizePeople(value: unknown[]): SpacePeople[] {
  return value
    .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null && typeof (item as Record<string, unknown>).space === 'string')
    .map((item) => ({
      space: String(item.space),
      people: (Array.isArray(item.people) ? item.people as unknown[] : []).map(person).filter((p): p is PlannedPerson => p !== null),
      more: typeof item.more === 'number' && item.more > 0 ? item.more : 0,
    }));
}
