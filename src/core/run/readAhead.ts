/**
 * Reads overlap writes (DESIGN.md §1, §5): an Apply lists its spaces and asks its probes a group of spaces at
 * a time, beside the membership writes of the groups already planned, instead of reading everything before
 * the first write. Reads and writes spend separate budgets (reference/chat-api-limits.md §2), so a run over
 * many spaces pays for its reads in parallel, and an execution reads only the spaces it is about to write to:
 * the rest wait, PENDING, for the next execution's fresh snapshot.
 *
 * Each group goes through stages 6–10 (pipeline.ts, planStages.ts) on its own: listed, probed, planned.
 * A group is whole spaces, closed at GROUP_SPACES spaces or once its members.get probes would keep the first
 * writes waiting (GROUP_PROBES); once listed, it is planned in parts of PART_PROBES probes, in row order, with one
 * count of each space's owners (planTargets.ts).
 */
import type { MemberCall, MemberReply } from '../ports';
import type { Operation, RowOutcome, SpaceInfo, Target } from '../model';
import type { OperationSource } from '../apply/applyPlan';
import { spaceOf } from '../apply/pacing';
import { needsProbe, probeAnswered } from '../resolve/probeByAlias';
import { SnapshotReader } from '../resolve/takeSnapshots';
import { pendingOutcome } from './outcomes';
import { afterListing, afterProbes, everyRow, inParts, type Listed, type PlanContextInput } from './planStages';
import { OwnerLedger } from '../plan/planTargets';

/** Spaces listed together: one list call each, a second of the read budget (3,000 a minute). */
export const GROUP_SPACES = 50;
/** Probes a group of spaces may need (estimated before the listing): ~6 s of the read budget. */
export const GROUP_PROBES = 300;
/** Probes before a part of a group is planned: 2.5 s of one space's reads (planStages.ts inParts). */
export const PART_PROBES = 30;
/** Planned writes waiting to be sent beyond which no more is read: about two minutes of the write budget. */
export const LOOKAHEAD_OPERATIONS = 600;
/** Reads sent with one round of writes (a round of 20 writes takes 4 s; these take about 2 s of the read budget). */
export const READS_PER_ROUND = 100;
/** Reads of one space per round: Google allows 15 a second per space, the pacer keeps to 12 (pacing.ts). */
export const SPACE_READS_PER_ROUND = 24;

interface Group {
  spaces: SpaceInfo[];
  targets: Target[];
}

interface Probing {
  listed: Listed;
  /** Shared by the parts of a group, planned in order. */
  owners: OwnerLedger;
  replies: (MemberReply | undefined)[];
  /** questions.calls not yet sent, in order; answered counts the replies in. */
  unsent: number[];
  answered: number;
}

/** What this round's reads were: the listing's pages, or some of a group's probes (indexes in its questions). */
type Asked = { kind: 'listing'; count: number } | { kind: 'probes'; probing: Probing; asked: number[] };

export class ReadAhead implements OperationSource {
  private readonly bySpace = new Map<string, Target[]>();
  private readonly spaces: SpaceInfo[] = [];
  private nextSpace = 0;
  private listing: { group: Group; reader: SnapshotReader } | null = null;
  private probing: Probing[] = [];
  private asked: Asked[] = [];

  constructor(
    targets: readonly Target[],
    private readonly context: PlanContextInput,
    /** The pipeline's outcomes: rows that end while read are appended as they are known. */
    private readonly outcomes: RowOutcome[],
  ) {
    for (const target of targets) {
      const list = this.bySpace.get(target.space.name);
      if (list) list.push(target);
      else {
        this.bySpace.set(target.space.name, [target]);
        this.spaces.push(target.space);
      }
    }
  }

  get done(): boolean {
    return this.listing === null && this.probing.length === 0 && this.nextSpace >= this.spaces.length;
  }

  reads(queued: number): MemberCall[] {
    const calls: MemberCall[] = [];
    this.asked = [];
    const perSpace = new Map<string, number>();
    let unsent = 0;
    for (const probing of this.probing) {
      const { calls: questions } = probing.listed.questions;
      const asked: number[] = [];
      const later: number[] = [];
      for (const k of probing.unsent) {
        const space = spaceOf(questions[k]);
        const count = perSpace.get(space) ?? 0;
        if (calls.length >= READS_PER_ROUND || count >= SPACE_READS_PER_ROUND) {
          later.push(k);
          continue;
        }
        perSpace.set(space, count + 1);
        calls.push(questions[k]);
        asked.push(k);
      }
      probing.unsent = later;
      unsent += later.length;
      if (asked.length > 0) this.asked.push({ kind: 'probes', probing, asked });
    }
    // Another group is listed only while its probes wouldn't just queue behind the ones not sent yet.
    const ahead = queued < LOOKAHEAD_OPERATIONS && unsent < READS_PER_ROUND;
    if (!this.listing && ahead && this.nextSpace < this.spaces.length) this.listing = this.nextGroup();
    if (this.listing && calls.length < READS_PER_ROUND) {
      const pages = this.listing.reader.calls();
      calls.push(...pages);
      this.asked.push({ kind: 'listing', count: pages.length });
    }
    return calls;
  }

  answered(replies: readonly MemberReply[]): Operation[] {
    const operations: Operation[] = [];
    let at = 0;
    for (const asked of this.asked) {
      if (asked.kind === 'listing') {
        this.listing?.reader.answer(replies.slice(at, at + asked.count));
        at += asked.count;
        continue;
      }
      for (const k of asked.asked) asked.probing.replies[k] = replies[at++];
      asked.probing.answered += asked.asked.length;
    }
    this.asked = [];
    if (this.listing?.reader.done) {
      const { group, reader } = this.listing;
      this.listing = null;
      const admin = this.context.useAdminAccess;
      const listed = afterListing(group.targets, group.spaces, reader.results, admin, this.outcomes, everyRow);
      const owners = new OwnerLedger(listed.snapshots);
      for (const part of inParts(listed, PART_PROBES, admin)) {
        const { calls } = part.questions;
        this.probing.push({ listed: part, owners, replies: new Array(calls.length), unsent: calls.map((_, k) => k), answered: 0 });
      }
    }
    while (this.probing.length > 0 && this.probing[0].answered === this.probing[0].listed.questions.calls.length) {
      const { listed, replies, owners } = this.probing.shift()!;
      for (const operation of afterProbes(listed, replies, { ...this.context, owners }, this.outcomes, everyRow).plan.operations) operations.push(operation);
    }
    return operations;
  }

  /**
   * Rows never planned (the execution ran out of time first): PENDING, for the next one. What the probes
   * answered so far is still remembered, so the next execution doesn't ask again.
   */
  unplanned(): RowOutcome[] {
    const left: RowOutcome[] = [];
    const add = (targets: readonly Target[]) => { for (const target of targets) left.push(pendingOutcome(target.intent.sheetRow)); };
    if (this.listing) add(this.listing.group.targets);
    for (const { listed, replies, answered } of this.probing) {
      if (answered > 0) this.context.learned?.(probeAnswered(listed.targets, listed.questions, replies).targets);
      add(listed.targets);
    }
    for (const space of this.spaces.slice(this.nextSpace)) add(this.bySpace.get(space.name) ?? []);
    return left;
  }

  private nextGroup(): { group: Group; reader: SnapshotReader } {
    const group: Group = { spaces: [], targets: [] };
    let probes = 0;
    while (this.nextSpace < this.spaces.length && group.spaces.length < GROUP_SPACES && (group.spaces.length === 0 || probes < GROUP_PROBES)) {
      const space = this.spaces[this.nextSpace++];
      const targets = this.bySpace.get(space.name) ?? [];
      group.spaces.push(space);
      for (const target of targets) {
        group.targets.push(target);
        if (needsProbe(target, undefined)) probes++;
      }
    }
    // In row order, as planTargets wants them; and a part's probes then spread over the group's spaces, whose
    // read limits are each their own, instead of queueing on one.
    group.targets.sort((a, b) => a.intent.sheetRow - b.intent.sheetRow);
    return { group, reader: new SnapshotReader(group.spaces, this.context.useAdminAccess) };
  }
}
