/**
 * Rows → intents. Everything that can be known about a row without asking Google is checked here;
 * a wrong row becomes INVALID with Details that say what to fix.
 *
 * Choices (documented for administrators in README):
 * - Empty Role = Member, empty Action = add; both case-insensitive.
 * - A `remove` row may keep its Role (it is ignored), so flipping Action alone is enough; the Role cell
 *   must still be one of Member / Manager / Owner, to catch typos.
 * - Groups and the app have no role: a Role on them is INVALID.
 * Rows naming one member of one space twice are found later, once members and spaces are resolved (repeats.ts).
 */
import type { Action, ApiRole, Intent, MemberRef, RosterRow, RowOutcome, SpaceRef } from './model';
import { parseSpaceCell, readMemberCell } from './refs';
import { parseRoleCell } from './roles';

export interface Validated {
  intents: Intent[];
  invalid: RowOutcome[];
}

export const GROUP_OR_APP_ROLE = 'Groups and the Chat app have no role in a space: clear the Role cell.';

function parseActionCell(cell: string): Action | null {
  // The cells as almost everyone writes them first, without trimming or lower-casing.
  if (cell === '' || cell === 'add') return 'add';
  if (cell === 'remove') return 'remove';
  const text = cell.trim().toLowerCase();
  if (text === '' || text === 'add') return 'add';
  return text === 'remove' ? 'remove' : null;
}

function hasNoRole(member: MemberRef): boolean {
  return member.kind === 'groupEmail' || member.kind === 'groupId' || member.kind === 'app';
}

/**
 * Space cells, each distinct text read once: a million rows name a few thousand spaces (DESIGN.md §5).
 * Rows naming one space share its ref (so refs.spaceKey builds its key once, and later stages can compare
 * refs). Member cells are not cached so: nearly every row names another member, and a lookup in a table of
 * every member text costs more than reading the cell again.
 */
class SpaceCells {
  private readonly numbers = new Map<string, number>();
  /** Per text number: the ref, or null with the reason in `reasons`. */
  readonly refs: (SpaceRef | null)[] = [];
  readonly reasons: string[] = [];

  /** The number of `cell`'s text, reading it the first time it is met. */
  read(cell: string): number {
    let number = this.numbers.get(cell);
    if (number === undefined) {
      number = this.refs.length;
      const parsed = parseSpaceCell(cell);
      this.refs.push(parsed.ok ? parsed.ref : null);
      this.reasons.push(parsed.ok ? '' : parsed.reason);
      this.numbers.set(cell, number);
    }
    return number;
  }

}

/** Every problem of a row at once (so one edit fixes them all), in the order of the row's cells. */
function problemsOf(
  row: RosterRow, memberProblem: string, spaceProblem: string, role: ApiRole | null, action: Action | null, noRole: boolean,
): string {
  const problems: string[] = [];
  if (memberProblem) problems.push(memberProblem);
  if (spaceProblem) problems.push(spaceProblem);
  if (role === null) problems.push(`Role "${row.role}" is not Member, Manager or Owner (leave it empty for Member).`);
  if (action === null) problems.push(`Action "${row.action}" is not add or remove (leave it empty for add).`);
  if (noRole && row.role.trim() !== '') problems.push(GROUP_OR_APP_ROLE);
  return problems.join(' ');
}

export function validateRows(rows: readonly RosterRow[]): Validated {
  const invalid: RowOutcome[] = [];
  const intents: Intent[] = [];
  const spaces = new SpaceCells();
  for (const row of rows) {
    const sheetRow = row.sheetRow;
    const member = readMemberCell(row.member);
    const spaceText = spaces.read(row.space);
    const space = spaces.refs[spaceText];
    const role = parseRoleCell(row.role);
    const action = parseActionCell(row.action);
    const noRole = typeof member !== 'string' && hasNoRole(member);
    if (typeof member === 'string' || space === null || role === null || action === null || (noRole && row.role.trim() !== '')) {
      const memberProblem = typeof member === 'string' ? member : '';
      invalid.push({ sheetRow, status: 'INVALID', details: problemsOf(row, memberProblem, spaces.reasons[spaceText], role, action, noRole) });
      continue;
    }
    intents.push({ sheetRow, member, space, role: noRole ? null : role, action });
  }
  return { intents, invalid };
}
