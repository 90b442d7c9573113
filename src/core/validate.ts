/**
 * Rows → intents. Everything that can be known about a row without asking Google is checked here;
 * a wrong row becomes INVALID with Details that say what to fix.
 *
 * Choices (documented for administrators in README):
 * - Empty Role = Member, empty Action = add; both case-insensitive.
 * - A `remove` row may keep its Role (it is ignored), so flipping Action alone is enough; the Role cell
 *   must still be one of Member / Manager / Owner, to catch typos.
 * - Groups and the app have no role: any Role on them is INVALID.
 * - The same member and space on two rows: an exact repeat is INVALID pointing at the first row; rows that
 *   disagree (role or action) are ALL INVALID, each naming the other, because guessing which one the
 *   administrator meant could remove or demote someone.
 */
import type { Action, Intent, MemberRef, RosterRow, RowOutcome } from './model';
import { parseMemberCell, parseSpaceCell } from './refs';
import { parseRoleCell } from './roles';

export interface Validated {
  intents: Intent[];
  invalid: RowOutcome[];
}

export const GROUP_OR_APP_ROLE = 'Groups and the Chat app have no role in a space: clear the Role cell.';

function parseActionCell(cell: string): Action | null {
  const text = cell.trim().toLowerCase();
  if (text === '' || text === 'add') return 'add';
  return text === 'remove' ? 'remove' : null;
}

function hasNoRole(member: MemberRef): boolean {
  return member.kind === 'groupEmail' || member.kind === 'groupId' || member.kind === 'app';
}

/** One row on its own: the intent, or every problem found (so one edit fixes them all). */
function validateRow(row: RosterRow): { ok: true; intent: Intent } | { ok: false; details: string } {
  const problems: string[] = [];
  const member = parseMemberCell(row.member);
  const space = parseSpaceCell(row.space);
  const role = parseRoleCell(row.role);
  const action = parseActionCell(row.action);
  if (!member.ok) problems.push(member.reason);
  if (!space.ok) problems.push(space.reason);
  if (role === null) problems.push(`Role "${row.role}" is not Member, Manager or Owner (leave it empty for Member).`);
  if (action === null) problems.push(`Action "${row.action}" is not add or remove (leave it empty for add).`);
  if (member.ok && hasNoRole(member.ref) && row.role.trim() !== '') problems.push(GROUP_OR_APP_ROLE);
  if (!member.ok || !space.ok || role === null || action === null || problems.length > 0) {
    return { ok: false, details: problems.join(' ') };
  }
  return {
    ok: true,
    intent: {
      sheetRow: row.sheetRow,
      member: member.ref,
      space: space.ref,
      role: hasNoRole(member.ref) ? null : role,
      action,
    },
  };
}

/** What a row asks, for comparing rows: the role only matters when adding. */
function wish(intent: Intent): string {
  return intent.action === 'add' ? `add:${intent.role ?? ''}` : 'remove';
}

/**
 * The first row seen per (space, member), keyed by the normalised strings themselves: building a combined
 * key string per row costs more than the rest of validation at a million rows (DESIGN.md §5).
 * Groups get their own maps, so alice@example.com and group:alice@example.com stay two members.
 */
class FirstRows {
  private readonly people = new Map<string, Map<string, Intent>>();
  private readonly groups = new Map<string, Map<string, Intent>>();

  private slot(intent: Intent): { rows: Map<string, Intent>; member: string } {
    const { member, space } = intent;
    const isGroup = member.kind === 'groupEmail' || member.kind === 'groupId';
    const bySpace = isGroup ? this.groups : this.people;
    // A display name never equals a spaces/ID name: refs.ts reads that form as an id.
    const spaceName = space.kind === 'name' ? space.name : space.displayName;
    let rows = bySpace.get(spaceName);
    if (!rows) bySpace.set(spaceName, (rows = new Map()));
    const memberName = member.kind === 'userEmail' || member.kind === 'groupEmail' ? member.email
      : member.kind === 'app' ? 'app' : member.name;
    return { rows, member: memberName };
  }

  /** The earlier row for the same member and space, or undefined after recording this one as the first. */
  claim(intent: Intent): Intent | undefined {
    const { rows, member } = this.slot(intent);
    const first = rows.get(member);
    if (!first) rows.set(member, intent);
    return first;
  }
}

export function validateRows(rows: readonly RosterRow[]): Validated {
  const invalid: RowOutcome[] = [];
  const accepted: Intent[] = [];
  const firstRows = new FirstRows();
  /** First rows that a later row contradicts, with the row that contradicts them. */
  const contradicted = new Map<number, number>();

  for (const row of rows) {
    const result = validateRow(row);
    if (!result.ok) {
      invalid.push({ sheetRow: row.sheetRow, status: 'INVALID', details: result.details });
      continue;
    }
    const intent = result.intent;
    const first = firstRows.claim(intent);
    if (!first) {
      accepted.push(intent);
    } else if (wish(first) === wish(intent)) {
      invalid.push({ sheetRow: row.sheetRow, status: 'INVALID', details: `Same as row ${first.sheetRow}: delete this row.` });
    } else {
      invalid.push({
        sheetRow: row.sheetRow, status: 'INVALID',
        details: `Conflicts with row ${first.sheetRow} (same member and space, different role or action): keep one of the two rows.`,
      });
      if (!contradicted.has(first.sheetRow)) contradicted.set(first.sheetRow, row.sheetRow);
    }
  }

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
