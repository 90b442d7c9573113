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
import type { Action, ApiRole, CellProblem, Intent, MemberRef, RosterRow, RowOutcome, SpaceRef } from '../model';
import { isProblem, readMemberCell, readSpaceCell } from './refs';
import { parseRoleCell } from './roles';

export interface Validated {
  intents: Intent[];
  invalid: RowOutcome[];
}

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
  /** Per text number: the ref, or null with the cell's problem in `problems`. */
  readonly refs: (SpaceRef | null)[] = [];
  readonly problems: (CellProblem | null)[] = [];
  /** Rows come mostly space by space: the previous row's text is compared first (no hashing a text not seen yet). */
  private lastCell = '';
  private lastNumber = -1;

  /** The number of `cell`'s text, reading it the first time it is met. */
  read(cell: string): number {
    if (cell === this.lastCell && this.lastNumber >= 0) return this.lastNumber;
    this.lastCell = cell;
    let number = this.numbers.get(cell);
    if (number === undefined) {
      number = this.refs.length;
      const read = readSpaceCell(cell);
      this.refs.push(isProblem(read) ? null : read);
      this.problems.push(isProblem(read) ? read : null);
      this.numbers.set(cell, number);
    }
    this.lastNumber = number;
    return number;
  }

}

/** Every problem of a row at once (so one edit fixes them all), in the order of the row's cells. */
function problemsOf(
  row: RosterRow, memberProblem: CellProblem | null, spaceProblem: CellProblem | null, role: ApiRole | null, action: Action | null,
  noRole: boolean,
): CellProblem[] {
  const problems: CellProblem[] = [];
  if (memberProblem) problems.push(memberProblem);
  if (spaceProblem) problems.push(spaceProblem);
  if (role === null) problems.push({ problem: 'badRole', text: row.role });
  if (action === null) problems.push({ problem: 'badAction', text: row.action });
  if (noRole && row.role.trim() !== '') problems.push({ problem: 'roleOnGroupOrApp' });
  return problems;
}

export function validateRows(rows: readonly RosterRow[]): Validated {
  const invalid: RowOutcome[] = [];
  // Sized once and cut to the intents made (as readRoster.parseRoster's rows).
  const intents = new Array<Intent>(rows.length);
  let count = 0;
  const spaces = new SpaceCells();
  for (const row of rows) {
    const sheetRow = row.sheetRow;
    const member = readMemberCell(row.member);
    const spaceText = spaces.read(row.space);
    const space = spaces.refs[spaceText];
    const role = parseRoleCell(row.role);
    const action = parseActionCell(row.action);
    const badMember = isProblem(member);
    const noRole = !badMember && hasNoRole(member);
    if (badMember || space === null || role === null || action === null || (noRole && row.role.trim() !== '')) {
      const problems = problemsOf(row, badMember ? member : null, spaces.problems[spaceText], role, action, noRole);
      invalid.push({ sheetRow, status: 'INVALID', reason: 'invalidCells', problems });
      continue;
    }
    intents[count++] = { sheetRow, member, space, role: noRole ? null : role, action };
  }
  intents.length = count;
  return { intents, invalid };
}
