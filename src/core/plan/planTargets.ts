/**
 * Desired vs current → one operation per row, with its reason (DESIGN.md §1 "snapshot, then diff").
 * Pure: no call to Google. An INVITED member counts as present; a member with another role is patched,
 * never re-created; a Manager or Owner is created, then patched (role can't be set on create).
 * Guards (DESIGN.md §6) turn removals into HELD: the Chat app, the account running Chat Roster, and the
 * last Owner of a space (owners are counted after the removals and demotions planned before, in row order).
 * Adding someone known to be from outside the organisation with admin access is INVALID: admin access can't
 * (reference/chat-api-memberships.md §6, §9), and Google would refuse the write.
 */
import type { Membership, Operation, ResolvedMember, RowOutcome, SpaceInfo, Target } from '../model';
import { API_ROLE, roleRank } from '../rows/roles';
import type { SpaceSnapshot } from '../resolve/takeSnapshots';

export interface Plan {
  operations: Operation[];
  /** Rows that need no call: UNCHANGED, HELD, or INVALID found only after resolution. */
  outcomes: RowOutcome[];
}

export interface PlanContext {
  /** Snapshots of the spaces that could be listed (rows of other spaces are already ERROR). */
  snapshots: ReadonlyMap<string, SpaceSnapshot>;
  callerEmail: string;
  callerName: string | null;
  useAdminAccess: boolean;
  /**
   * The owners counted so far, when one space's targets are planned in several parts (run/readAhead.ts): a
   * later part must see the removals and demotions an earlier one planned. A new count from the snapshots if absent.
   */
  owners?: OwnerLedger;
}

function currentMembership(target: Target, snapshot: SpaceSnapshot | undefined): Membership | null {
  const { member } = target;
  if (member.probed !== undefined) return member.probed;
  return member.name ? snapshot?.members.get(member.name) ?? null : null;
}

/** The server's membership name (reference §3: take names from list/get output), else the documented form. */
function membershipName(target: Target, current: Membership): string {
  if (current.name) return current.name;
  const id = target.member.name ?? `users/${target.member.email ?? 'app'}`;
  return `${target.space.name}/members/${id.slice(id.indexOf('/') + 1)}`;
}

type CreateOperation = Extract<Operation, { kind: 'create' }>;

/** The create request's body. Built when sent, not when planned: a million planned rows hold no bodies. */
export function createBody(operation: CreateOperation): Membership {
  if (operation.memberKind === 'group') return { groupMember: { name: operation.member } };
  return { member: { name: operation.member, type: operation.memberKind === 'app' ? 'BOT' : 'HUMAN' } };
}

/** The members.get name that confirms a 409, or null (groups have no alias). */
export function confirmNameOf(operation: CreateOperation): string | null {
  return operation.alias === null ? null : `${operation.parent}/members/${operation.alias}`;
}

function createOperation(target: Target, context: PlanContext): Operation {
  const { member, space, intent } = target;
  const isApp = member.kind === 'app';
  let alias: string | null = null;
  if (isApp) alias = 'app';
  else if (member.kind === 'user') alias = member.email ?? (member.name ?? '').slice('users/'.length);
  const operation: CreateOperation = {
    kind: 'create', sheetRow: intent.sheetRow, parent: space.name, alias,
    member: member.kind === 'group' ? member.name ?? '' : isApp ? 'users/app' : member.name ?? `users/${member.email}`,
    role: member.kind === 'user' && intent.role !== API_ROLE.Member ? intent.role : null,
    memberKind: member.kind,
    // Admin access can't create app memberships (reference §6, §9).
    useAdminAccess: context.useAdminAccess && !isApp,
  };
  // Set, not spread from a conditional object: a spread copies through a slow path for each of a million creates.
  if (member.outsider) operation.outsider = true;
  return operation;
}

/** Owners (ROLE_MANAGER) per space, JOINED people only, updated as removals and demotions are planned. */
export class OwnerLedger {
  private readonly owners = new Map<string, Set<string>>();

  constructor(private readonly snapshots: ReadonlyMap<string, SpaceSnapshot>) {}

  private of(space: string): Set<string> {
    let set = this.owners.get(space);
    if (!set) {
      set = new Set();
      for (const [name, membership] of this.snapshots.get(space)?.members ?? []) {
        if (membership.role === API_ROLE.Owner && membership.state !== 'INVITED' && membership.member?.type !== 'BOT') set.add(name);
      }
      this.owners.set(space, set);
    }
    return set;
  }

  /** Takes `name` off the space's owners unless that would leave none; false = held. */
  release(space: string, name: string | null): boolean {
    const owners = this.of(space);
    const others = name !== null && owners.has(name) ? owners.size - 1 : owners.size;
    if (others < 1) return false;
    if (name !== null) owners.delete(name);
    return true;
  }
}

/** The running account, as planTargets compares it with each removal's member. */
interface Caller { email: string; name: string | null }

function isCaller(member: ResolvedMember, caller: Caller): boolean {
  return (caller.email !== '' && member.email === caller.email) || (caller.name !== null && member.name === caller.name);
}

function lastOwner(target: Target, removing: boolean): RowOutcome {
  return { sheetRow: target.intent.sheetRow, status: 'HELD', reason: 'lastOwner', member: target.member.label, space: target.space, removing };
}

function planAdd(target: Target, current: Membership | null, context: PlanContext, owners: OwnerLedger): Operation | RowOutcome {
  const { member, intent } = target;
  const sheetRow = intent.sheetRow;
  if (!current) {
    if (context.useAdminAccess && member.outsider && member.email) return { sheetRow, status: 'INVALID', reason: 'outsiderUnderAdminAccess', email: member.email };
    return createOperation(target, context);
  }
  if (member.kind === 'group') return { sheetRow, status: 'UNCHANGED', reason: 'groupPresent' };
  if (member.kind === 'app') return { sheetRow, status: 'UNCHANGED', reason: 'appPresent' };
  const wanted = intent.role ?? API_ROLE.Member;
  const role = current.role || API_ROLE.Member;
  if (current.state === 'INVITED') {
    return { sheetRow, status: 'UNCHANGED', reason: 'alreadyInvited', role: wanted === API_ROLE.Member ? null : wanted };
  }
  if (role === wanted || (intent.raiseOnly && roleRank(role) > roleRank(wanted))) return { sheetRow, status: 'UNCHANGED', reason: 'alreadyMember', role };
  if (role === API_ROLE.Owner && !owners.release(target.space.name, member.name)) return lastOwner(target, false);
  return {
    kind: 'patchRole', sheetRow, name: membershipName(target, current), from: role, role: wanted,
    useAdminAccess: context.useAdminAccess,
  };
}

function planRemove(
  target: Target, current: Membership | null, snapshot: SpaceSnapshot | undefined, context: PlanContext, caller: Caller,
  owners: OwnerLedger,
): Operation | RowOutcome {
  const { member } = target;
  const sheetRow = target.intent.sheetRow;
  if (member.kind === 'app') return { sheetRow, status: 'HELD', reason: 'appKept' };
  if (isCaller(member, caller)) return { sheetRow, status: 'HELD', reason: 'callerKept' };
  if (!current) {
    return {
      sheetRow, status: 'UNCHANGED', reason: 'notInSpace',
      throughGroup: member.kind === 'user' && snapshot?.hasGroups === true,
      invitationsHidden: member.probed === undefined && snapshot !== undefined && !snapshot.invitedListed,
    };
  }
  if (current.role === API_ROLE.Owner && current.state !== 'INVITED' && !owners.release(target.space.name, member.name)) {
    return lastOwner(target, true);
  }
  return {
    kind: 'delete', sheetRow, name: membershipName(target, current), invited: current.state === 'INVITED',
    useAdminAccess: context.useAdminAccess,
  };
}

/**
 * Owners are counted in row order (an earlier row's removal or demotion comes first), so targets are planned
 * by sheet row. They come so from resolution; out of order, they are planned again sorted.
 */
export function planTargets(targets: readonly Target[], context: PlanContext): Plan {
  const operations: Operation[] = [];
  const outcomes: RowOutcome[] = [];
  const owners = context.owners ?? new OwnerLedger(context.snapshots);
  const caller: Caller = { email: context.callerEmail.trim().toLowerCase(), name: context.callerName };
  let lastRow = -Infinity;
  let lastSpace: SpaceInfo | null = null;
  let snapshot: SpaceSnapshot | undefined;
  for (const target of targets) {
    // Checked on the way rather than in a pass of its own: a million targets are read once.
    if (target.intent.sheetRow < lastRow) return planTargets([...targets].sort((a, b) => a.intent.sheetRow - b.intent.sheetRow), context);
    lastRow = target.intent.sheetRow;
    if (target.space !== lastSpace) {
      lastSpace = target.space;
      snapshot = context.snapshots.get(target.space.name);
    }
    const current = currentMembership(target, snapshot);
    const planned = target.intent.action === 'add'
      ? planAdd(target, current, context, owners)
      : planRemove(target, current, snapshot, context, caller, owners);
    if ('status' in planned) outcomes.push(planned);
    else operations.push(planned);
  }
  return { operations, outcomes };
}

/** What preview writes for an operation: WOULD_* and what would happen. */
export function previewOutcome(operation: Operation): RowOutcome {
  const sheetRow = operation.sheetRow;
  switch (operation.kind) {
    case 'create':
      return {
        sheetRow, status: 'WOULD_ADD', reason: 'wouldAdd', memberKind: operation.memberKind, role: operation.role,
        ...(operation.outsider ? { outsider: true } : {}),
      };
    case 'patchRole':
      return { sheetRow, status: 'WOULD_UPDATE_ROLE', reason: 'wouldChangeRole', from: operation.from, role: operation.role };
    case 'delete':
      return { sheetRow, status: 'WOULD_REMOVE', reason: 'wouldRemove', invited: operation.invited };
  }
}

/**
 * Rows an earlier execution of this run added but left before their role patch (rowNotes.ts): the patch
 * finishes the add, and a role already right (the patch landed, its reply didn't) is the add done.
 */
export function finishEarlierAdds(plan: Plan, addedEarlier: ReadonlySet<number>): void {
  if (addedEarlier.size === 0) return;
  for (const operation of plan.operations) {
    if (operation.kind === 'patchRole' && addedEarlier.has(operation.sheetRow)) operation.completesAdd = true;
  }
  plan.outcomes = plan.outcomes.map((outcome) => (outcome.reason === 'alreadyMember' && outcome.status === 'UNCHANGED' && addedEarlier.has(outcome.sheetRow)
    ? { sheetRow: outcome.sheetRow, status: 'ADDED', reason: 'addedAs', role: outcome.role }
    : outcome));
}
