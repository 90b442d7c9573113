/**
 * Snapshot, then diff (DESIGN.md §1): the current memberships of every target space, listed once.
 * The stage is an ask between two decisions: snapshotSpaces (which spaces), takeSnapshots (the lists),
 * listedTargets (the targets whose space was listed go on; the others are PENDING or ERROR).
 * pageSize 1000, invited and group members included; with admin access a member-type filter is required
 * (reference §7) and, if Google refuses showInvited there with 400, the list is retried without it.
 * First pages of all spaces go out in one batch, then the next pages of those that have more.
 */
import { replyError } from '../apiErrors';
import type { Detail, Membership, Resolved, RowOutcome, SpaceInfo, Target } from '../model';
import { pendingOutcome } from '../run/outcomes';
import type { MemberCall, MemberReply, MemberSender } from '../ports';

export const PAGE_SIZE = 1000;
/** Admin access rejects list without a member-type filter, and can't list apps anyway (reference §7). */
export const ADMIN_LIST_FILTER = 'member.type != "BOT"';
/** 1000 pages of 1000 is far beyond any real space: a gateway that keeps answering with tokens is broken. */
const MAX_PAGES = 1000;

export interface SpaceSnapshot {
  /** Current memberships by member resource name: users/{id} or groups/{id}. */
  members: Map<string, Membership>;
  hasGroups: boolean;
  /** False when Google refused showInvited (admin access): invited people then look absent. */
  invitedListed: boolean;
}

/**
 * A space's listing: its snapshot, or why there is none — `pending`: not listed because the execution ran
 * out of time (the rows wait for the next one); else Google's refusal (the rows are ERROR).
 */
export type SnapshotResult =
  | { ok: true; snapshot: SpaceSnapshot }
  | { ok: false; pending: true }
  | { ok: false; pending?: false; problem: Detail<'membersNotListed' | 'spaceNotListed'> };

/** The member resource name of a membership: users/{id} or groups/{id}. */
export function memberNameOf(membership: Membership): string | null {
  return membership.member?.name || membership.groupMember?.name || null;
}

interface Listing {
  space: SpaceInfo;
  showInvited: boolean;
  pageToken?: string;
  pages: number;
  snapshot: SpaceSnapshot;
}

function emptySnapshot(invitedListed: boolean): SpaceSnapshot {
  return { members: new Map(), hasGroups: false, invitedListed };
}

function listCall(listing: Listing, admin: boolean): MemberCall {
  const call: MemberCall = {
    method: 'list', parent: listing.space.name, pageSize: PAGE_SIZE,
    showInvited: listing.showInvited, showGroups: true,
  };
  if (listing.pageToken) call.pageToken = listing.pageToken;
  if (admin) {
    call.filter = ADMIN_LIST_FILTER;
    call.useAdminAccess = true;
  }
  return call;
}

function addPage(snapshot: SpaceSnapshot, memberships: readonly Membership[]): void {
  for (const membership of memberships) {
    const name = memberNameOf(membership);
    if (!name) continue;
    if (membership.state === 'NOT_A_MEMBER') continue;
    snapshot.members.set(name, membership);
    if (membership.groupMember?.name) snapshot.hasGroups = true;
  }
}

/**
 * The listing of some spaces as calls and replies: calls() are the pages due now (first pages of all spaces
 * together, then the next pages of those that have more), answer() takes their replies in the same order.
 * takeSnapshots drives it alone; the read-ahead (run/readAhead.ts) sends its calls beside membership writes.
 */
export class SnapshotReader {
  readonly results = new Map<string, SnapshotResult>();
  private pending: Listing[] = [];

  constructor(spaces: readonly SpaceInfo[], private readonly useAdminAccess: boolean) {
    for (const space of spaces) {
      if (this.results.has(space.name)) continue;
      this.results.set(space.name, { ok: false, problem: { reason: 'spaceNotListed' } });
      this.pending.push({ space, showInvited: true, pages: 0, snapshot: emptySnapshot(true) });
    }
  }

  get done(): boolean {
    return this.pending.length === 0;
  }

  calls(): MemberCall[] {
    return this.pending.map((listing) => listCall(listing, this.useAdminAccess));
  }

  answer(replies: readonly MemberReply[]): void {
    const next: Listing[] = [];
    this.pending.forEach((listing, index) => {
      const reply = replies[index];
      const name = listing.space.name;
      if (reply.deferred) {
        this.results.set(name, { ok: false, pending: true });
        return;
      }
      if (reply.code < 200 || reply.code > 299) {
        const error = replyError(reply);
        if (this.useAdminAccess && listing.showInvited && error.code === 400 && listing.pages === 0) {
          // Stricter reading of reference §7: showInvited may be refused with admin access.
          next.push({ ...listing, showInvited: false, snapshot: emptySnapshot(false) });
        } else {
          this.results.set(name, { ok: false, problem: { reason: 'membersNotListed', space: listing.space, error } });
        }
        return;
      }
      addPage(listing.snapshot, reply.memberships ?? []);
      listing.pages++;
      const token = reply.nextPageToken;
      if (token && token !== listing.pageToken && listing.pages < MAX_PAGES) {
        next.push({ ...listing, pageToken: token });
      } else {
        this.results.set(name, { ok: true, snapshot: listing.snapshot });
      }
    });
    this.pending = next;
  }
}

export function takeSnapshots(sender: MemberSender, spaces: readonly SpaceInfo[], useAdminAccess: boolean): Map<string, SnapshotResult> {
  const reader = new SnapshotReader(spaces, useAdminAccess);
  while (!reader.done) reader.answer(sender.send(reader.calls()));
  return reader.results;
}

/** The spaces to list: each target space once, by name, in the order the targets name them. */
export function snapshotSpaces(targets: readonly Target[]): SpaceInfo[] {
  const spaces = new Map<string, SpaceInfo>();
  let last: SpaceInfo | null = null;
  for (const { space } of targets) {
    // Targets come space by space: a Map lookup per space, not per row.
    if (space === last) continue;
    last = space;
    if (!spaces.has(space.name)) spaces.set(space.name, space);
  }
  return [...spaces.values()];
}

/**
 * The targets whose space was listed, with the snapshots they are planned against; the rows of a space not
 * listed end here: PENDING (out of time, the next execution lists it) or ERROR (Google refused).
 * `spaces`: the targets' spaces (snapshotSpaces), which `listings` answers.
 */
export function listedTargets(
  targets: readonly Target[], spaces: readonly SpaceInfo[], listings: ReadonlyMap<string, SnapshotResult>,
): Resolved & { snapshots: Map<string, SpaceSnapshot> } {
  const snapshots = new Map<string, SpaceSnapshot>();
  for (const { name } of spaces) {
    const listing = listings.get(name);
    if (listing?.ok) snapshots.set(name, listing.snapshot);
  }
  // Every space listed (the usual case): the targets go on as they are, without a look at each.
  if (snapshots.size === spaces.length) return { targets, outcomes: [], snapshots };
  const kept: Target[] = [];
  const outcomes: RowOutcome[] = [];
  let last: SpaceInfo | null = null;
  let listing: SnapshotResult | undefined;
  for (const target of targets) {
    if (target.space !== last) {
      last = target.space;
      listing = listings.get(last.name);
    }
    const sheetRow = target.intent.sheetRow;
    if (listing?.ok) kept.push(target);
    else if (listing?.pending) outcomes.push(pendingOutcome(sheetRow));
    else outcomes.push({ sheetRow, status: 'ERROR', ...(listing?.problem ?? { reason: 'spaceNotListed' }) });
  }
  return { targets: kept, outcomes, snapshots };
}
