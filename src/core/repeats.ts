/**
 * Rows that name one member of one space more than once (README "Duplicates"). Found once the member and
 * the space are resolved, so rows that write them differently (alice@example.com and users/123, a space's
 * id and its name) count as the same. The rule:
 * - a row that asks the same as an earlier one (same action; same role when adding) is INVALID, pointing at
 *   the first row, which goes ahead;
 * - rows that disagree (role or action) are ALL INVALID, each naming the other, because guessing which one
 *   the administrator meant could remove or demote someone.
 * A row already INVALID or ERROR for a reason of its own (a space or member that didn't resolve, a role the
 * space type has no room for) takes no part: it changes nothing, and the other row stands alone.
 */
import type { Intent } from './model';
import type { ResolvedMember, Target } from './identities';

/** Per row of a list: numbers for its space and member (equal numbers = the same), and how it was written. */
export interface RepeatKeys {
  /** The resolved space; equal numbers = one space. */
  spaces: Int32Array;
  /** The resolved member; equal numbers = one person, group or app. -1 = the row takes no part. */
  members: Int32Array;
  /** The member cell as written, normalised; equal numbers = an exact repeat. */
  written: Int32Array;
}

/** What a row asks, for comparing two rows: the role only matters when adding. */
function sameWish(a: Intent, b: Intent): boolean {
  return a.action === b.action && (a.action === 'remove' || a.role === b.role);
}

function repeatDetails(first: number, exact: boolean): string {
  return exact
    ? `Same as row ${first}: delete this row.`
    : `Row ${first} already covers this member in this space (written differently, e.g. an email and a users/ id): delete this row.`;
}

function conflictDetails(other: number, exact: boolean): string {
  return exact
    ? `Conflicts with row ${other} (same member and space, different role or action): keep one of the two rows.`
    : `Conflicts with row ${other} (the same member in this space, written differently, with a different role or action): keep one of the two rows.`;
}

/**
 * The rows of `intents` (by index) that the rule rejects, with their Details. Intents come in row order.
 * Keys are numbers: a Map per space keyed by member number is looked up at a million rows without
 * hashing a string again (DESIGN.md §5).
 */
export function findRepeats(intents: readonly Intent[], keys: RepeatKeys): Map<number, string> {
  const firstBySpace: Map<number, number>[] = [];
  const rejected = new Map<number, string>();
  // Rows come mostly space by space: the previous row's map is usually this one's.
  let lastSpace = -1;
  let first = new Map<number, number>();
  for (let index = 0; index < intents.length; index++) {
    const member = keys.members[index];
    if (member < 0) continue;
    const space = keys.spaces[index];
    if (space !== lastSpace) {
      lastSpace = space;
      first = firstBySpace[space] ??= new Map();
    }
    const earlier = first.get(member);
    if (earlier === undefined) {
      first.set(member, index);
      continue;
    }
    const exact = keys.written[earlier] === keys.written[index];
    const row = intents[earlier].sheetRow;
    if (sameWish(intents[earlier], intents[index])) {
      rejected.set(index, repeatDetails(row, exact));
    } else {
      rejected.set(index, conflictDetails(row, exact));
      if (!rejected.has(earlier)) rejected.set(earlier, conflictDetails(intents[index].sheetRow, exact));
    }
  }
  return rejected;
}

/** Numbers strings: equal strings, equal numbers. */
export class Numbering {
  private readonly numbers = new Map<string, number>();

  of(text: string): number {
    let number = this.numbers.get(text);
    if (number === undefined) this.numbers.set(text, (number = this.numbers.size));
    return number;
  }
}

/** One text per person, group or app, however the row wrote it (a person's and a group's email may be equal). */
export function identityOf(member: ResolvedMember): string {
  const name = member.name ?? member.email ?? member.kind;
  return member.kind === 'group' ? `group ${name}` : name;
}

/**
 * Repeats among resolved targets, by member name: what members.get by alias can still reveal (an email the
 * directory didn't know turns out to be users/ID, named on another row). Rows left are already free of
 * exact repeats, so every one found here was written differently.
 */
export function findTargetRepeats(targets: readonly Target[]): Map<number, string> {
  const count = targets.length;
  const keys: RepeatKeys = { spaces: new Int32Array(count), members: new Int32Array(count), written: new Int32Array(count) };
  const spaces = new Numbering();
  const members = new Numbering();
  targets.forEach(({ space, member }, index) => {
    keys.spaces[index] = spaces.of(space.name);
    keys.members[index] = members.of(identityOf(member));
    keys.written[index] = index;
  });
  return findRepeats(targets.map((target) => target.intent), keys);
}
