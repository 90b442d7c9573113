/**
 * Rows → intents. Everything that can be known about a row without asking Google is checked here;
 * a wrong row becomes INVALID with Details that say what to fix.
 *
 * Choices (documented for administrators in README):
 * - Empty Role = Member, empty Action = add; both case-insensitive.
 * - A `remove` row may keep its Role (it is ignored), so flipping Action alone is enough; the Role cell
 *   must still be one of Member / Manager / Owner, to catch typos.
 * - Groups and the app have no role: a Role on them is INVALID.
 * - The same member and space on two rows: an exact repeat is INVALID pointing at the first row; rows that
 *   disagree (role or action) are ALL INVALID, each naming the other, because guessing which one the
 *   administrator meant could remove or demote someone.
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
 * Rows naming one space share its ref (so refs.spaceKey builds its key once) and its number, the index of
 * that space's first rows in FirstRows. Member cells are not cached so: nearly every row names another
 * member, and a lookup in a table of every member text costs more than reading the cell again.
 */
class SpaceCells {
  private readonly numbers = new Map<string, number>();
  /** Per text number: the ref, or null with the reason in `reasons`. */
  readonly refs: (SpaceRef | null)[] = [];
  readonly reasons: string[] = [];
  /** Per text number: the space's number once normalised (all forms of one id share it); -1 when none. */
  readonly spaceNumbers: number[] = [];
  private readonly byName = new Map<string, number>();

  /** The number of `cell`'s text, reading it the first time it is met. */
  read(cell: string): number {
    let number = this.numbers.get(cell);
    if (number === undefined) {
      number = this.refs.length;
      const parsed = parseSpaceCell(cell);
      this.refs.push(parsed.ok ? parsed.ref : null);
      this.reasons.push(parsed.ok ? '' : parsed.reason);
      this.spaceNumbers.push(parsed.ok ? this.spaceNumber(parsed.ref) : -1);
      this.numbers.set(cell, number);
    }
    return number;
  }

  private spaceNumber(space: SpaceRef): number {
    // A display name never equals a spaces/ID name: refs.ts reads that form as an id.
    const name = space.kind === 'name' ? space.name : space.displayName;
    let number = this.byName.get(name);
    if (number === undefined) this.byName.set(name, (number = this.byName.size));
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

/** What a row asks, for comparing rows: the role only matters when adding. */
function wish(intent: Intent): string {
  return intent.action === 'add' ? `add:${intent.role ?? ''}` : 'remove';
}

/**
 * The first row seen per (space, member): per space, a Map by the member's normalised name, which rows
 * usually hit while it is still in the cache (a roster's rows come mostly space by space). Groups get
 * their own maps, so alice@example.com and group:alice@example.com stay two members.
 */
class FirstRows {
  private readonly people: Map<string, Intent>[] = [];
  private readonly groups: Map<string, Intent>[] = [];

  /** The earlier row for the same member and space, or undefined after recording this one as the first. */
  claim(spaceNumber: number, intent: Intent): Intent | undefined {
    const member = intent.member;
    let bySpace = this.people;
    let name: string;
    switch (member.kind) {
      case 'userEmail': name = member.email; break;
      case 'userId': name = member.name; break;
      case 'app': name = 'app'; break;
      case 'groupEmail': name = member.email; bySpace = this.groups; break;
      case 'groupId': name = member.name; bySpace = this.groups; break;
    }
    let rows = bySpace[spaceNumber];
    if (rows === undefined) bySpace[spaceNumber] = rows = new Map();
    const first = rows.get(name);
    if (first === undefined) rows.set(name, intent);
    return first;
  }
}

export function validateRows(rows: readonly RosterRow[]): Validated {
  const invalid: RowOutcome[] = [];
  const accepted: Intent[] = [];
  const spaces = new SpaceCells();
  const firstRows = new FirstRows();
  /** First rows that a later row contradicts, with the row that contradicts them. */
  const contradicted = new Map<number, number>();

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
    const intent: Intent = { sheetRow, member, space, role: noRole ? null : role, action };
    const first = firstRows.claim(spaces.spaceNumbers[spaceText], intent);
    if (first === undefined) {
      accepted.push(intent);
    } else if (wish(first) === wish(intent)) {
      invalid.push({ sheetRow, status: 'INVALID', details: `Same as row ${first.sheetRow}: delete this row.` });
    } else {
      invalid.push({
        sheetRow, status: 'INVALID',
        details: `Conflicts with row ${first.sheetRow} (same member and space, different role or action): keep one of the two rows.`,
      });
      if (!contradicted.has(first.sheetRow)) contradicted.set(first.sheetRow, sheetRow);
    }
  }

  if (contradicted.size === 0) return { intents: accepted, invalid };
  const intents: Intent[] = [];
  for (const intent of accepted) {
    const other = contradicted.get(intent.sheetRow);
    if (other === undefined) {
      intents.push(intent);
    } else {
      invalid.push({
        sheetRow: intent.sheetRow, status: 'INVALID',
        details: `Conflicts with row ${other} (same member and space, different role or action): keep one of the two rows.`,
      });
    }
  }
  return { intents, invalid };
}
