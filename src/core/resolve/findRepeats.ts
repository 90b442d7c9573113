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
import type { Detail, Intent, ResolvedMember, Target } from '../model';

/** Why a row is INVALID as a repeat: the same as an earlier row, or in conflict with another. */
export type Repeat = Detail<'repeat' | 'conflict'>;

/** What a row asks, for comparing two rows: the role only matters when adding. */
function sameWish(a: Intent, b: Intent): boolean {
  return a.action === b.action && (a.action === 'remove' || a.role === b.role);
}

/**
 * The first row per (space, member), fed rows in sheet order. Spaces and members are numbers (equal numbers
 * = the same): a Map per space keyed by member number is looked up at a million rows without hashing a
 * string again (DESIGN.md §5).
 */
export class RepeatFinder {
  /** Per space number: member number → index of its first row in `intents`. */
  private readonly firstBySpace: Map<number, number>[] = [];
  /** Rows come mostly space by space: the previous row's map is usually this one's. */
  private lastSpace = -1;
  private first = new Map<number, number>();
  /** First rows that a later row contradicts, by index in `intents`: why. */
  readonly contradicted = new Map<number, Repeat>();

  /** `written[index]` numbers the member cell of `intents[index]` as written: equal = an exact repeat, not another spelling. */
  constructor(private readonly intents: readonly Intent[], private readonly written: ArrayLike<number>) {}

  /** Why `intents[index]` repeats or contradicts an earlier row; undefined when it is the first. */
  check(index: number, space: number, member: number): Repeat | undefined {
    if (space !== this.lastSpace) {
      this.lastSpace = space;
      this.first = this.firstBySpace[space] ??= new Map();
    }
    const earlier = this.first.get(member);
    if (earlier === undefined) {
      this.first.set(member, index);
      return undefined;
    }
    const exact = this.written[earlier] === this.written[index];
    const firstRow = this.intents[earlier];
    const intent = this.intents[index];
    if (sameWish(firstRow, intent)) return { reason: 'repeat', row: firstRow.sheetRow, exact };
    if (!this.contradicted.has(earlier)) this.contradicted.set(earlier, { reason: 'conflict', row: intent.sheetRow, exact });
    return { reason: 'conflict', row: firstRow.sheetRow, exact };
  }
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
 * Repeats among resolved targets, by sheet row, by member name: what members.get by alias can still reveal
 * (an email the directory didn't know turns out to be users/ID, named on another row). Rows left are already
 * free of exact repeats, so every one found here was written differently.
 */
export function findTargetRepeats(targets: readonly Target[]): Map<number, Repeat> {
  const intents = targets.map((target) => target.intent);
  const finder = new RepeatFinder(intents, intents.map((_, index) => index));
  const spaces = new Numbering();
  const members = new Numbering();
  const found = new Map<number, Repeat>();
  targets.forEach(({ intent, space, member }, index) => {
    const repeat = finder.check(index, spaces.of(space.name), members.of(identityOf(member)));
    if (repeat) found.set(intent.sheetRow, repeat);
  });
  for (const [index, repeat] of finder.contradicted) found.set(intents[index].sheetRow, repeat);
  return found;
}
