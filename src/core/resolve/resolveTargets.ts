/**
 * Intents → targets: each row gets the space its Space cell resolved to (spaces.ts), the Chat identity of its
 * member (identities.ts, from ONE Directory lookup of every email), and the rule on rows naming one member
 * of one space twice (repeats.ts). A row that fails at any of these ends with its outcome; the others go on.
 *
 * Two passes over the rows, two decisions with the Directory's answer between them (the pipeline asks it:
 * DESIGN.md §1 "I/O at the edges"; §5 a million rows): memberCells numbers each distinct member cell, the one
 * Map lookup per row, and says which emails to look up; resolveTargets works on numbers only, and makes no
 * object per row but its Target.
 */
import { resolveRef, type DirectoryView, type Resolution } from './identities';
import type { Intent, MemberRef, Resolved, RowOutcome, SpaceInfo, SpaceRef, Target } from '../model';
import { spaceKey } from '../rows/refs';
import { identityOf, Numbering, RepeatFinder, type Repeat } from './findRepeats';
import { spaceProblemStatus, spaceTypeProblem, type SpaceResolution } from './resolveSpaces';

/**
 * The resolution of each row's Space cell. Rows naming one space share its ref and come mostly space by
 * space, so the previous row's answer is reused.
 */
class SpaceAnswers {
  private lastRef: SpaceRef | null = null;
  private last: SpaceResolution | undefined;

  constructor(private readonly spaces: ReadonlyMap<string, SpaceResolution>) {}

  of(ref: SpaceRef): SpaceResolution | undefined {
    if (ref !== this.lastRef) {
      this.lastRef = ref;
      this.last = this.spaces.get(spaceKey(ref));
    }
    return this.last;
  }
}

/**
 * The outcome of a row its space decides: INVALID (no such space that the caller can see; a group or role the
 * space type allows none of), ERROR (Google failed: spaceProblemStatus).
 */
function spaceProblem(intent: Intent, answer: SpaceResolution | undefined): RowOutcome | null {
  if (!answer) return { sheetRow: intent.sheetRow, status: 'ERROR', reason: 'spaceUnresolved' };
  if (!answer.ok) return { sheetRow: intent.sheetRow, status: spaceProblemStatus(answer.problem), ...answer.problem };
  const problem = spaceTypeProblem(intent, answer.space);
  return problem ? { sheetRow: intent.sheetRow, status: 'INVALID', ...problem } : null;
}

/** A member ref's normalised name, unique within its kind (people and groups may share an email). */
function nameOf(ref: MemberRef): string {
  switch (ref.kind) {
    case 'userEmail': case 'groupEmail': return ref.email;
    case 'userId': case 'groupId': return ref.name;
    case 'app': return 'app';
  }
}

/**
 * The distinct member cells of the rows whose space is fine, numbered; and the question for the Directory:
 * the emails among them, once each, and the caller's (for the self-removal guard) when any is asked or `callerNeeded`.
 */
export interface MemberCells {
  intents: readonly Intent[];
  spaces: ReadonlyMap<string, SpaceResolution>;
  /** The lower-cased email of the account running Chat Roster ('' when unknown). */
  caller: string;
  distinct: MemberRef[];
  /** Per intent: its member's index in `distinct`; -1 when its space already decides its outcome. */
  memberOf: Int32Array;
  /** What to ask the Directory. */
  emails: string[];
}

export function memberCells(
  intents: readonly Intent[], spaces: ReadonlyMap<string, SpaceResolution>, callerEmail: string, callerNeeded = false,
): MemberCells {
  const answers = new SpaceAnswers(spaces);
  const numbers: Record<MemberRef['kind'], Map<string, number>> = {
    userEmail: new Map(), groupEmail: new Map(), userId: new Map(), groupId: new Map(), app: new Map(),
  };
  const hasEmail = (email: string) => numbers.userEmail.has(email) || numbers.groupEmail.has(email);
  const distinct: MemberRef[] = [];
  const emails: string[] = [];
  const memberOf = new Int32Array(intents.length);
  for (let index = 0; index < intents.length; index++) {
    const intent = intents[index];
    if (spaceProblem(intent, answers.of(intent.space)) !== null) {
      memberOf[index] = -1;
      continue;
    }
    const ref = intent.member;
    const byName = numbers[ref.kind];
    const name = nameOf(ref);
    let number = byName.get(name);
    if (number === undefined) {
      // A person's and a group's email may be the same text: it is looked up once.
      if ((ref.kind === 'userEmail' || ref.kind === 'groupEmail') && !hasEmail(ref.email)) emails.push(ref.email);
      byName.set(name, (number = distinct.length));
      distinct.push(ref);
    }
    memberOf[index] = number;
  }
  const caller = callerEmail.trim().toLowerCase();
  if ((emails.length > 0 || callerNeeded) && caller && !hasEmail(caller)) emails.push(caller);
  return { intents, spaces, caller, distinct, memberOf, emails };
}

/**
 * Rows to targets, from the Directory's answer about `cells.emails`. Returns the caller's canonical name
 * when the directory knows it. `onResolved` learns each row's space.
 * Order of the checks, per row: space, member, repeats (before a suspended user is HELD, so a repeat of a
 * held row is still pointed at), then what ends a row adding this member (HELD suspended user, INVALID
 * address no one has): all before any call that writes.
 */
export function resolveTargets(
  cells: MemberCells, view: DirectoryView, onResolved?: (sheetRow: number, space: SpaceInfo) => void,
): Resolved & { callerName: string | null } {
  const { intents, spaces, caller } = cells;
  const resolutions: Resolution[] = cells.distinct.map((ref) => resolveRef(ref, view));
  // What each distinct cell resolved to, in flat arrays: the million rows read these, not 100,000 objects.
  const memberOfCell = resolutions.map((resolution) => ('status' in resolution ? null : resolution.member));
  const addingOfCell = resolutions.map((resolution) => ('status' in resolution ? null : resolution.whenAdding));
  const identities = new Numbering();
  const identityOfCell = memberOfCell.map((member) => (member === null ? -1 : identities.of(identityOf(member))));

  const answers = new SpaceAnswers(spaces);
  const repeats = new RepeatFinder(intents, cells.memberOf);
  const spaceNumbers = new Numbering();
  let lastSpace: SpaceInfo | null = null;
  let spaceNumber = -1;
  // Sized once and cut to the targets made (as readRoster.parseRoster's rows).
  const targets = new Array<Target>(intents.length);
  let count = 0;
  const outcomes: RowOutcome[] = [];
  /** Where each first row went, should a later row contradict it (withdrawContradicted). */
  const placed = new Int32Array(intents.length);
  for (let index = 0; index < intents.length; index++) {
    const intent = intents[index];
    const cell = cells.memberOf[index];
    const answer = answers.of(intent.space);
    if (answer?.ok) onResolved?.(intent.sheetRow, answer.space);
    if (cell < 0 || !answer?.ok) {
      const problem = spaceProblem(intent, answer);
      if (problem) outcomes.push(problem);
      continue;
    }
    const member = memberOfCell[cell];
    if (member === null) {
      const resolution = resolutions[cell];
      if ('status' in resolution) outcomes.push({ sheetRow: intent.sheetRow, status: resolution.status, ...resolution.problem });
      continue;
    }
    if (answer.space !== lastSpace) {
      lastSpace = answer.space;
      spaceNumber = spaceNumbers.of(lastSpace.name);
    }
    const repeat = repeats.check(index, spaceNumber, identityOfCell[cell]);
    if (repeat !== undefined) {
      outcomes.push({ sheetRow: intent.sheetRow, status: 'INVALID', ...repeat });
      continue;
    }
    const adding = addingOfCell[cell];
    if (adding !== null && intent.action === 'add') {
      placed[index] = -2 - outcomes.length;
      outcomes.push({ sheetRow: intent.sheetRow, status: adding.status, ...adding.problem });
    } else {
      placed[index] = count;
      targets[count++] = { intent, space: answer.space, member };
    }
  }
  targets.length = count;
  const callerEntry = caller ? view.entries.get(caller) : undefined;
  const callerName = callerEntry?.kind === 'user' ? callerEntry.name : null;
  if (repeats.contradicted.size === 0) return { targets, outcomes, callerName };
  return { ...withdrawContradicted(targets, outcomes, placed, repeats.contradicted), callerName };
}

/**
 * First rows a later row contradicted: INVALID too, whatever they were about to be. `placed` tells, per
 * intent index, where the row went: its index in `targets`, or -2 - its index in `outcomes` (ended when adding: HELD, INVALID).
 */
function withdrawContradicted(
  targets: Target[], outcomes: RowOutcome[], placed: Int32Array, contradicted: ReadonlyMap<number, Repeat>,
): Resolved {
  const withdrawn = new Uint8Array(targets.length);
  for (const [index, repeat] of contradicted) {
    const at = placed[index];
    if (at >= 0) {
      withdrawn[at] = 1;
      outcomes.push({ sheetRow: targets[at].intent.sheetRow, status: 'INVALID', ...repeat });
    } else {
      outcomes[-2 - at] = { sheetRow: outcomes[-2 - at].sheetRow, status: 'INVALID', ...repeat };
    }
  }
  // Compacted in place rather than filtered into a copy: the array is this stage's own, and a million long.
  let kept = 0;
  for (let at = 0; at < targets.length; at++) {
    if (withdrawn[at] === 0) targets[kept++] = targets[at];
  }
  targets.length = kept;
  return { targets, outcomes };
}
