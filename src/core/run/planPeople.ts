/**
 * A preview's rows by name per space (RunReport.people): what the sidebar lists behind each space's bar.
 * Bounded per space, changes before UNCHANGED rows, so the names that matter survive the bound.
 */
import type { RosterRow } from '../model';
import type { CountedRow } from './summary';
import type { PlannedPerson, SpacePeople } from '../../shared/report';

/** Rows listed per space; the rest are counted only (a google.script.run answer stays small). */
export const PEOPLE_PER_SPACE = 2000;

/** `resolvedSpaces`: a row's space as the run named it, else its Space cell (the same label as RunReport.bySpace). */
export function planPeople(
  rows: readonly RosterRow[], outcomes: readonly CountedRow[], resolvedSpaces: ReadonlyMap<number, string>, limit = PEOPLE_PER_SPACE,
): SpacePeople[] {
  const statusOf = new Map(outcomes.map((outcome) => [outcome.sheetRow, outcome.status]));
  const bySpace = new Map<string, PlannedPerson[]>();
  for (const row of rows) {
    const status = statusOf.get(row.sheetRow);
    if (!status) continue;
    const space = resolvedSpaces.get(row.sheetRow) ?? row.space.trim();
    const list = bySpace.get(space || '(no space)') ?? [];
    if (list.length === 0) bySpace.set(space || '(no space)', list);
    list.push([row.member.trim(), status, row.sheetRow]);
  }
  return [...bySpace].map(([space, people]) => {
    const ordered = [...people.filter((p) => p[1] !== 'UNCHANGED'), ...people.filter((p) => p[1] === 'UNCHANGED')];
    return { space, people: ordered.slice(0, limit), more: Math.max(0, ordered.length - limit) };
  });
}
