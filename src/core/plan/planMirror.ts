/**
 * Mirror spaces (DESIGN.md §3, issue 11): members of a space listed with Mode `mirror` that no roster row
 * of that space names are removed, invitations withdrawn. Pure: decides from the snapshot and the targets.
 *
 * Guards: never the account running Chat Roster, never an app (the Chat app or another: a roster row that
 * says remove handles the Chat app itself), never the space's last Owner. People present through a Google
 * Group are no individual membership and are never listed, so never removed one by one; a group membership
 * that no row names IS removed, as a group membership. Nothing is removed when a row of the space could not
 * be matched to a member (Chat Roster can't tell whom it names), when the running account's id is unknown,
 * or when the removals exceed the space's Max removal % of its current members: the Spaces row is HELD.
 * Removals have no roster row: each gets a negative stand-in row number, and the Spaces row carries them.
 *
 * A run from the sidebar carries the administrator's confirmation (MirrorConfirmation): only the members it
 * names are removed; anyone else, e.g. who joined since the preview, is HELD until the next confirmation.
 * A space over its Max removal % goes ahead only if the confirmation names that space too. Without a
 * confirmation (the nightly sync, a script) removals go ahead within Max removal %.
 */
import type { Operation, SpaceInfo, SpaceSetting, Target } from '../model';
import { API_ROLE } from '../rows/roles';
import { memberNameOf, type SpaceSnapshot } from '../resolve/takeSnapshots';

/** A mirror space whose Space cell resolved. */
export interface MirrorSpace { setting: SpaceSetting; space: SpaceInfo }

/** One planned removal: `id` is its operation's stand-in sheetRow (negative). */
export interface MirrorRemoval { id: number; spaceRow: number; space: SpaceInfo; member: string; invited: boolean }

export interface MirrorPlan {
  operations: Operation[];
  /** Each removal by its stand-in row. */
  removals: Map<number, MirrorRemoval>;
  /** Each mirror space's Spaces row → its removals, in member order (empty: nothing to remove). */
  planned: Map<number, MirrorRemoval[]>;
  /** Members not removed for want of a confirmation, per Spaces row (the removals of that row go ahead). */
  unconfirmed: Map<number, MirrorRemoval[]>;
  /** Members kept by the last-Owner guard, per Spaces row. */
  kept: Map<number, string[]>;
  /** Spaces rows decided without a call: HELD (a guard) — labels still to be filled in by mirrorOutcomes. */
  held: Map<number, HeldMirror>;
}

export type HeldMirror =
  | { why: 'overLimit'; removals: MirrorRemoval[]; total: number; max: number }
  | { why: 'unmatchedRows'; rows: number[] }
  | { why: 'callerUnknown' }
  | { why: 'awaitingConfirmation'; removals: MirrorRemoval[] };

export interface MirrorContext {
  snapshots: ReadonlyMap<string, SpaceSnapshot>;
  /** Every target that reached the plan (all spaces). */
  targets: readonly Target[];
  /** Roster rows of each space (by space name) that ended before the plan, other than repeats of another row. */
  unmatched: ReadonlyMap<string, number[]>;
  callerName: string | null;
  /** Membership names the roster's own operations delete or re-role (their owners don't count as staying). */
  touched: ReadonlySet<string>;
  /** Members the roster's and rules' creates add, by space name (mirrorInputs.ts joiningCounts): part of the share's base. */
  joining?: ReadonlyMap<string, number>;
  useAdminAccess: boolean;
  /** What the administrator confirmed (a run from the sidebar); absent: removals within Max removal %. */
  confirmation?: MirrorConfirmation;
  /** The first stand-in row for removals (counting down; the rules' grants took those above it). Default -1. */
  firstStandIn?: number;
}

/** The removals an administrator confirmed, by space name then member name, and the spaces confirmed over their limit. */
export interface MirrorConfirmation {
  removals: ReadonlyMap<string, ReadonlySet<string>>;
  overLimit: ReadonlySet<string>;
}

const RESOURCE_NAME = /^(spaces|users|groups)\/[^/\s]+$/;

/**
 * The confirmation google.script.run delivered (RemovalConfirmation in src/shared/report.ts), checked: it
 * comes from the browser, so anything malformed confirms nothing rather than something.
 */
export function confirmationFrom(value: unknown): MirrorConfirmation {
  const removals = new Map<string, Set<string>>();
  const overLimit = new Set<string>();
  const record = typeof value === 'object' && value !== null ? value as Record<string, unknown> : {};
  for (const item of Array.isArray(record.removals) ? record.removals as unknown[] : []) {
    const { space, member } = typeof item === 'object' && item !== null ? item as Record<string, unknown> : {};
    if (typeof space !== 'string' || typeof member !== 'string') continue;
    if (!RESOURCE_NAME.test(space) || !space.startsWith('spaces/') || !RESOURCE_NAME.test(member) || member.startsWith('spaces/')) continue;
    let set = removals.get(space);
    if (!set) removals.set(space, (set = new Set()));
    set.add(member);
  }
  for (const space of Array.isArray(record.overLimitSpaces) ? record.overLimitSpaces as unknown[] : []) {
    if (typeof space === 'string' && space.startsWith('spaces/') && RESOURCE_NAME.test(space)) overLimit.add(space);
  }
  return { removals, overLimit };
}

function namedIn(targets: readonly Target[]): Map<string, Set<string>> {
  const named = new Map<string, Set<string>>();
  for (const { space, member } of targets) {
    let set = named.get(space.name);
    if (!set) named.set(space.name, (set = new Set()));
    if (member.name) set.add(member.name);
    const probed = member.probed ? memberNameOf(member.probed) : null;
    if (probed) set.add(probed);
  }
  return named;
}

/** Targets whose member is known by neither id nor probe: Chat Roster can't tell whom they keep. */
function unknownRows(targets: readonly Target[]): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (const { space, member, intent } of targets) {
    if (member.kind === 'app' || member.name || member.probed !== undefined) continue;
    const list = rows.get(space.name);
    if (list) list.push(intent.sheetRow);
    else rows.set(space.name, [intent.sheetRow]);
  }
  return rows;
}

export function planMirror(mirrors: readonly MirrorSpace[], context: MirrorContext): MirrorPlan {
  const plan: MirrorPlan = { operations: [], removals: new Map(), planned: new Map(), unconfirmed: new Map(), kept: new Map(), held: new Map() };
  const named = namedIn(context.targets);
  const unknown = unknownRows(context.targets);
  let nextId = context.firstStandIn ?? -1;
  for (const { setting, space } of mirrors) {
    const snapshot = context.snapshots.get(space.name);
    if (!snapshot) continue;
    const unmatched = [...(context.unmatched.get(space.name) ?? []), ...(unknown.get(space.name) ?? [])].sort((a, b) => a - b);
    if (unmatched.length > 0) {
      plan.held.set(setting.sheetRow, { why: 'unmatchedRows', rows: unmatched });
      continue;
    }
    if (context.callerName === null) {
      plan.held.set(setting.sheetRow, { why: 'callerUnknown' });
      continue;
    }
    const keep = named.get(space.name) ?? new Set<string>();
    const candidates: MirrorRemoval[] = [];
    const ownersStaying: string[] = [];
    for (const [member, membership] of snapshot.members) {
      const isOwner = membership.role === API_ROLE.Owner && membership.state !== 'INVITED' && membership.member?.type !== 'BOT';
      const removable = !keep.has(member) && membership.member?.type !== 'BOT' && member !== context.callerName;
      if (!removable) {
        if (isOwner && !context.touched.has(membership.name ?? '')) ownersStaying.push(member);
        continue;
      }
      candidates.push({ id: 0, spaceRow: setting.sheetRow, space, member, invited: membership.state === 'INVITED' });
    }
    // The last Owner stays: if every owner would go, the first owner among the removals is kept.
    const kept: string[] = [];
    if (ownersStaying.length === 0) {
      const owner = candidates.findIndex((c) => {
        const m = snapshot.members.get(c.member);
        return m?.role === API_ROLE.Owner && m.state !== 'INVITED';
      });
      if (owner >= 0) kept.push(...candidates.splice(owner, 1).map((c) => c.member));
    }
    plan.kept.set(setting.sheetRow, kept);
    const { confirmation } = context;
    const confirmed = confirmation?.removals.get(space.name);
    const removing = confirmation ? candidates.filter((c) => confirmed?.has(c.member) === true) : candidates;
    const unconfirmed = confirmation ? candidates.filter((c) => confirmed?.has(c.member) !== true) : [];
    const total = snapshot.members.size + (context.joining?.get(space.name) ?? 0);
    if (removing.length * 100 > setting.maxRemovalPercent * total && !confirmation?.overLimit.has(space.name)) {
      plan.held.set(setting.sheetRow, { why: 'overLimit', removals: candidates, total, max: setting.maxRemovalPercent });
      continue;
    }
    if (removing.length === 0 && unconfirmed.length > 0) {
      plan.held.set(setting.sheetRow, { why: 'awaitingConfirmation', removals: unconfirmed });
      continue;
    }
    if (unconfirmed.length > 0) plan.unconfirmed.set(setting.sheetRow, unconfirmed);
    for (const removal of removing) {
      removal.id = nextId--;
      plan.removals.set(removal.id, removal);
      const membership = snapshot.members.get(removal.member);
      plan.operations.push({
        kind: 'delete', sheetRow: removal.id, invited: removal.invited, useAdminAccess: context.useAdminAccess,
        name: membership?.name || `${space.name}/members/${removal.member.slice(removal.member.indexOf('/') + 1)}`,
      });
    }
    plan.planned.set(setting.sheetRow, removing);
  }
  return plan;
}

/** The names whose emails the Details want (every removal planned or held, every member kept). */
export function mirrorNames(plan: MirrorPlan): string[] {
  const names = new Set<string>();
  for (const list of plan.planned.values()) for (const removal of list) names.add(removal.member);
  for (const held of plan.held.values()) {
    if (held.why === 'overLimit' || held.why === 'awaitingConfirmation') for (const removal of held.removals) names.add(removal.member);
  }
  for (const list of plan.unconfirmed.values()) for (const removal of list) names.add(removal.member);
  for (const list of plan.kept.values()) for (const name of list) names.add(name);
  return [...names];
}
