/**
 * Executes planned operations and maps Google's replies to row outcomes (DESIGN.md §4).
 * Each operation is a small chain of steps (a call and what to do with its reply: done, or one more call —
 * patch the role after a create, confirm a 409 with members.get). The runner sends every ready step of
 * rows together, round after round, through the sender (sending.ts), which paces, retries and keeps the
 * deadline, without touching the outcome mapping here.
 */
import { replyError } from '../apiErrors';
import type { ApiRole, Membership, Operation, RowOutcome } from '../model';
import type { MemberCall, MemberReply, MemberSender } from '../ports';
import { confirmNameOf, createBody } from '../plan/planTargets';
import { API_ROLE } from '../rows/roles';
import { changeOf, isApiRole, type MemberState, type MembershipChange } from './changes';
import { outcome, pendingOutcome, pendingRoleOutcome } from '../run/outcomes';
import { isWrite, spaceOf } from './pacing';

/** A call to make, and how its reply ends the row or continues it. */
export interface Step {
  sheetRow: number;
  call: MemberCall;
  /** The role patch of a member this run has just added. */
  completesAdd?: boolean;
  /** What the member was before this call, when the call changes it (the log's "before": changes.ts). */
  before?: MemberState;
  onReply: (reply: MemberReply) => Step | RowOutcome;
}

const isOk = (reply: MemberReply): boolean => reply.code >= 200 && reply.code <= 299;

/**
 * A write whose batch got no reply (code 0, no status: the transport failed): it may have reached Google, so neither
 * ERROR nor a second write — the row stays PENDING and the next execution's snapshot tells (DESIGN.md §1).
 */
const answerLost = (call: MemberCall, reply: MemberReply): boolean => reply.code === 0 && !reply.deferred && isWrite(call);

function withAdmin<T extends MemberCall>(call: T, useAdminAccess: boolean): T {
  if (useAdminAccess) call.useAdminAccess = true;
  return call;
}

/** A role patch: `done` when Google takes it; else ERROR, saying what was being done (`failed`). */
function patchStep(
  sheetRow: number, name: string, role: ApiRole, useAdminAccess: boolean,
  done: () => RowOutcome, failed: 'refused' | 'roleNotSet' | 'roleNotChanged', before: string = API_ROLE.Member,
): Step {
  return {
    sheetRow,
    before: isApiRole(before) ? before : API_ROLE.Member,
    call: withAdmin({ method: 'patch', name, role }, useAdminAccess),
    onReply: (reply) => (isOk(reply) ? done() : outcome(sheetRow, 'ERROR', { reason: failed, error: replyError(reply), adminAccess: useAdminAccess })),
  };
}

/** After a 409: Google says the member is there. Report what get shows, never ADDED. */
function confirmStep(operation: Extract<Operation, { kind: 'create' }>, confirmName: string, conflict: MemberReply): Step {
  const { sheetRow } = operation;
  return {
    sheetRow,
    call: withAdmin({ method: 'get', name: confirmName }, operation.useAdminAccess),
    onReply: (reply) => {
      const current = reply.membership;
      if (!isOk(reply) || !current) {
        return outcome(sheetRow, 'ERROR', { reason: 'conflictUnconfirmed', conflict: replyError(conflict), error: replyError(reply) });
      }
      if (current.state === 'INVITED') return outcome(sheetRow, 'INVITED', { reason: 'alreadyInvited', role: null });
      const role = current.role || API_ROLE.Member;
      const wanted = operation.role ?? API_ROLE.Member;
      if (operation.memberKind !== 'user' || role === wanted) {
        return outcome(sheetRow, 'UNCHANGED', operation.memberKind === 'user' ? { reason: 'alreadyMember', role } : { reason: 'alreadyInSpace' });
      }
      return patchStep(sheetRow, current.name ?? confirmName, wanted, operation.useAdminAccess,
        () => outcome(sheetRow, 'ROLE_UPDATED', { reason: 'roleChangedOnConflict', from: role, role: wanted }), 'roleNotChanged', role);
    },
  };
}

/**
 * After a 404 on delete: "already removed" only once members.get agrees. Still listed: ERROR, nothing
 * removed. The read failing: PENDING, and the next execution's snapshot tells.
 */
function removalCheckStep(operation: Extract<Operation, { kind: 'delete' }>, refusal: MemberReply): Step {
  const { sheetRow } = operation;
  return {
    sheetRow,
    call: withAdmin({ method: 'get', name: operation.name }, operation.useAdminAccess),
    onReply: (reply) => {
      if (reply.code === 404) return outcome(sheetRow, 'UNCHANGED', { reason: 'alreadyRemoved' });
      if (isOk(reply)) return outcome(sheetRow, 'ERROR', { reason: 'removalNotFoundYetListed', error: replyError(refusal) });
      return pendingOutcome(sheetRow);
    },
  };
}

function afterCreate(operation: Extract<Operation, { kind: 'create' }>, created: Membership | undefined): Step | RowOutcome {
  const { sheetRow, role } = operation;
  if (created?.state === 'INVITED') return outcome(sheetRow, 'INVITED', { reason: 'invited', role });
  if (!role) return outcome(sheetRow, 'ADDED', { reason: 'added', memberKind: operation.memberKind });
  if (!created?.name) return outcome(sheetRow, 'ERROR', { reason: 'roleNotSetNoName' });
  return {
    ...patchStep(sheetRow, created.name, role, operation.useAdminAccess, () => outcome(sheetRow, 'ADDED', { reason: 'addedAs', role }), 'roleNotSet'),
    completesAdd: true,
  };
}

export function firstStep(operation: Operation): Step {
  const { sheetRow } = operation;
  switch (operation.kind) {
    case 'create':
      return {
        sheetRow,
        call: withAdmin({ method: 'create', parent: operation.parent, membership: createBody(operation) }, operation.useAdminAccess),
        onReply: (reply) => {
          if (isOk(reply)) return afterCreate(operation, reply.membership);
          if (reply.code === 409) {
            const confirmName = confirmNameOf(operation);
            return confirmName
              ? confirmStep(operation, confirmName, reply)
              : outcome(sheetRow, 'UNCHANGED', { reason: 'reportedInSpace' });
          }
          return outcome(sheetRow, 'ERROR', { reason: 'refused', error: replyError(reply), adminAccess: operation.useAdminAccess });
        },
      };
    case 'patchRole':
      if (operation.completesAdd) {
        return {
          ...patchStep(sheetRow, operation.name, operation.role, operation.useAdminAccess,
            () => outcome(sheetRow, 'ADDED', { reason: 'addedAs', role: operation.role }), 'roleNotSet'),
          completesAdd: true,
        };
      }
      return patchStep(sheetRow, operation.name, operation.role, operation.useAdminAccess,
        () => outcome(sheetRow, 'ROLE_UPDATED', { reason: 'roleChanged', from: operation.from, role: operation.role }), 'refused', operation.from);
    case 'delete':
      return {
        sheetRow,
        before: operation.invited ? 'invited' : 'present',
        call: withAdmin({ method: 'delete', name: operation.name }, operation.useAdminAccess),
        onReply: (reply) => {
          if (isOk(reply)) return outcome(sheetRow, 'REMOVED', { reason: 'removed', invited: operation.invited });
          // Maybe gone since the snapshot (a run that was cut off), but a 404 may also be Google failing: a read confirms it.
          if (reply.code === 404) return removalCheckStep(operation, reply);
          return outcome(sheetRow, 'ERROR', { reason: 'refused', error: replyError(reply), adminAccess: operation.useAdminAccess });
        },
      };
  }
}

/** First steps started per round: small rounds let a create's follow-up (role patch, 409 check) go right after it. */
export const ROUND_SIZE = 20;

/** Round-robin across spaces, so one large space never stalls the others. */
export function interleaveBySpace(steps: readonly Step[]): Step[] {
  const bySpace = new Map<string, Step[]>();
  for (const step of steps) {
    const space = spaceOf(step.call);
    const list = bySpace.get(space);
    if (list) list.push(step);
    else bySpace.set(space, [step]);
  }
  const lists = [...bySpace.values()];
  const interleaved: Step[] = [];
  for (let at = 0; interleaved.length < steps.length; at++) {
    for (const list of lists) if (at < list.length) interleaved.push(list[at]);
  }
  return interleaved;
}

/**
 * Operations that become known while the writes go on (run/readAhead.ts): the reads they need go out beside
 * the writes, and what those replies let plan joins the queue.
 */
export interface OperationSource {
  /** Reads to send with this round, given how many planned operations wait to be started. */
  reads(queued: number): MemberCall[];
  /** Their replies, in the same order; the operations now planned. */
  answered(replies: readonly MemberReply[]): Operation[];
  /** Nothing more will come. */
  readonly done: boolean;
}

/**
 * Runs the operations round after round until done or the sender's deadline: each round sends the
 * follow-ups of the last round, the next ROUND_SIZE operations, and the source's reads. Rows not finished
 * when the deadline comes are PENDING (the source's unread rows are its own to report). `changed` hears of
 * each successful write as its reply comes (the log), before `afterRound` sees the outcomes so far (progress)
 * and whether that round ended the work (nothing more to send).
 */
export function runOperations(
  sender: MemberSender, operations: readonly Operation[], afterRound?: (outcomes: readonly RowOutcome[], ended: boolean) => void,
  changed?: (change: MembershipChange) => void, source?: OperationSource,
): RowOutcome[] {
  const outcomes: RowOutcome[] = [];
  const queue = interleaveBySpace(operations.map(firstStep));
  let next = 0;
  let followUps: Step[] = [];
  // Once out of time, only the follow-ups of changes already made go on (finishing), nothing new starts.
  let finishing = false;
  const more = () => followUps.length > 0 || (!finishing && (next < queue.length || (source !== undefined && !source.done)));
  while (more()) {
    const fresh = finishing ? [] : queue.slice(next, next + ROUND_SIZE);
    next += fresh.length;
    const steps = [...followUps, ...fresh];
    const reads = finishing || !source ? [] : source.reads(queue.length - next);
    if (steps.length === 0 && reads.length === 0) break;
    const replies = sender.send([...steps.map((step) => step.call), ...reads], { finishing });
    const wasFollowUp = new Set(followUps);
    followUps = [];
    const deferredFollowUps: Step[] = [];
    steps.forEach((step, index) => {
      const reply = replies[index];
      if (reply.deferred) {
        // A follow-up of a change already made gets the finishing grace; anything else waits for the next execution.
        if (wasFollowUp.has(step) && !finishing) deferredFollowUps.push(step);
        else outcomes.push(step.completesAdd ? pendingRoleOutcome(step.sheetRow) : pendingOutcome(step.sheetRow));
        return;
      }
      if (answerLost(step.call, reply)) {
        outcomes.push(step.completesAdd ? pendingRoleOutcome(step.sheetRow) : pendingOutcome(step.sheetRow));
        return;
      }
      const change = changed && changeOf(step.sheetRow, step.call, reply, step.before);
      if (change) changed(change);
      const result = step.onReply(reply);
      if ('call' in result) followUps.push(result);
      else outcomes.push(result);
    });
    if (replies.some((reply) => reply.deferred)) finishing = true;
    followUps.push(...deferredFollowUps);
    if (source && reads.length > 0) for (const step of interleaveBySpace(source.answered(replies.slice(steps.length)).map(firstStep))) queue.push(step);
    afterRound?.(outcomes, !more());
  }
  // What hasn't started waits for the next execution.
  for (const step of queue.slice(next)) outcomes.push(pendingOutcome(step.sheetRow));
  return outcomes;
}
