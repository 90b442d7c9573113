/**
 * Executes planned operations and maps Google's replies to row outcomes (DESIGN.md §4).
 * Each operation is a small chain of steps (a call and what to do with its reply: done, or one more call —
 * patch the role after a create, confirm a 409 with members.get). The runner sends every ready step of
 * every row together, round after round, so one round = one batch of independent calls: the place where
 * pacing, retries and a deadline will slot in (sending.ts), without touching the outcome mapping here.
 */
import { explain, httpNote, replyError } from './apiErrors';
import type { ApiRole, Membership, RowOutcome } from './model';
import type { ChatGateway, MemberCall, MemberReply } from './ports';
import type { Operation } from './plan';
import { API_ROLE, roleLabel } from './roles';
import { sendReads, sendWrites } from './sending';

/** A call to make, and how its reply ends the row or continues it. */
export interface Step {
  call: MemberCall;
  onReply: (reply: MemberReply) => Step | RowOutcome;
}

export const INVITED_DETAILS = 'Invited: the user must accept the invitation (their auto-accept is off)';

const isOk = (reply: MemberReply): boolean => reply.code >= 200 && reply.code <= 299;

function outcome(sheetRow: number, status: RowOutcome['status'], details: string): RowOutcome {
  return { sheetRow, status, details };
}

function withAdmin<T extends MemberCall>(call: T, useAdminAccess: boolean): T {
  if (useAdminAccess) call.useAdminAccess = true;
  return call;
}

function patchStep(
  sheetRow: number, name: string, role: ApiRole, useAdminAccess: boolean,
  done: () => RowOutcome, failurePrefix: string,
): Step {
  return {
    call: withAdmin({ method: 'patch', name, role }, useAdminAccess),
    onReply: (reply) => (isOk(reply) ? done() : outcome(sheetRow, 'ERROR', explain(replyError(reply), failurePrefix))),
  };
}

/** After a 409: Google says the member is there. Report what get shows, never ADDED. */
function confirmStep(operation: Extract<Operation, { kind: 'create' }>, confirmName: string, conflict: MemberReply): Step {
  const { sheetRow } = operation;
  return {
    call: withAdmin({ method: 'get', name: confirmName }, operation.useAdminAccess),
    onReply: (reply) => {
      const current = reply.membership;
      if (!isOk(reply) || !current) {
        return outcome(sheetRow, 'ERROR',
          `Google Chat said this member is already in the space, but then couldn't find the membership: run again. ${httpNote(replyError(conflict))} ${httpNote(replyError(reply))}`);
      }
      if (current.state === 'INVITED') return outcome(sheetRow, 'INVITED', 'Already invited; waiting for them to accept');
      const role = current.role || API_ROLE.Member;
      const wanted = operation.role ?? API_ROLE.Member;
      if (operation.memberKind !== 'user' || role === wanted) {
        return outcome(sheetRow, 'UNCHANGED', operation.memberKind === 'user' ? `Already a member as ${roleLabel(role)}` : 'Already in the space');
      }
      return patchStep(sheetRow, current.name ?? confirmName, wanted, operation.useAdminAccess,
        () => outcome(sheetRow, 'ROLE_UPDATED', `Was already a member; role changed from ${roleLabel(role)} to ${roleLabel(wanted)}`),
        'Already a member, but the role could not be changed:');
    },
  };
}

function afterCreate(operation: Extract<Operation, { kind: 'create' }>, created: Membership | undefined): Step | RowOutcome {
  const { sheetRow, role } = operation;
  if (created?.state === 'INVITED') {
    const note = role ? ` (the role ${roleLabel(role)} can be set once they have joined: run again then)` : '';
    return outcome(sheetRow, 'INVITED', INVITED_DETAILS + note);
  }
  if (!role) {
    const what = operation.memberKind === 'group' ? 'Group added to the space' : operation.memberKind === 'app' ? 'Chat app added to the space' : 'Added to the space';
    return outcome(sheetRow, 'ADDED', what);
  }
  if (!created?.name) {
    return outcome(sheetRow, 'ERROR', 'Added, but the role could not be set: Google Chat returned no membership name. Run again to set the role.');
  }
  return patchStep(sheetRow, created.name, role, operation.useAdminAccess,
    () => outcome(sheetRow, 'ADDED', `Added to the space as ${roleLabel(role)}`),
    'Added, but the role could not be set:');
}

export function firstStep(operation: Operation): Step {
  const { sheetRow } = operation;
  switch (operation.kind) {
    case 'create':
      return {
        call: withAdmin({ method: 'create', parent: operation.parent, membership: operation.membership }, operation.useAdminAccess),
        onReply: (reply) => {
          if (isOk(reply)) return afterCreate(operation, reply.membership);
          if (reply.code === 409) {
            return operation.confirmName
              ? confirmStep(operation, operation.confirmName, reply)
              : outcome(sheetRow, 'UNCHANGED', 'Already in the space (Google Chat reported it as existing)');
          }
          return outcome(sheetRow, 'ERROR', explain(replyError(reply)));
        },
      };
    case 'patchRole':
      return patchStep(sheetRow, operation.name, operation.role, operation.useAdminAccess,
        () => outcome(sheetRow, 'ROLE_UPDATED', `Role changed from ${roleLabel(operation.from)} to ${roleLabel(operation.role)}`), '');
    case 'delete':
      return {
        call: withAdmin({ method: 'delete', name: operation.name }, operation.useAdminAccess),
        onReply: (reply) => {
          if (isOk(reply)) return outcome(sheetRow, 'REMOVED', operation.invited ? 'Invitation withdrawn' : 'Removed from the space');
          // Gone since the snapshot (e.g. a run that was cut off): the row is as it asks.
          if (reply.code === 404) return outcome(sheetRow, 'UNCHANGED', 'Not in the space (already removed)');
          return outcome(sheetRow, 'ERROR', explain(replyError(reply)));
        },
      };
  }
}

const isRead = (call: MemberCall): boolean => call.method === 'get' || call.method === 'list';

/** Sends reads and writes of one round through their own batching, replies back in call order. */
function sendRound(chat: ChatGateway, calls: readonly MemberCall[]): MemberReply[] {
  const readIndexes: number[] = [];
  const writeIndexes: number[] = [];
  calls.forEach((call, index) => (isRead(call) ? readIndexes : writeIndexes).push(index));
  const replies: MemberReply[] = new Array(calls.length);
  sendReads(chat, readIndexes.map((index) => calls[index])).forEach((reply, at) => { replies[readIndexes[at]] = reply; });
  sendWrites(chat, writeIndexes.map((index) => calls[index])).forEach((reply, at) => { replies[writeIndexes[at]] = reply; });
  return replies;
}

export function runOperations(chat: ChatGateway, operations: readonly Operation[]): RowOutcome[] {
  const outcomes: RowOutcome[] = [];
  let ready: Step[] = operations.map(firstStep);
  while (ready.length > 0) {
    const replies = sendRound(chat, ready.map((step) => step.call));
    const next: Step[] = [];
    ready.forEach((step, index) => {
      const result = step.onReply(replies[index]);
      if ('call' in result) next.push(result);
      else outcomes.push(result);
    });
    ready = next;
  }
  return outcomes;
}
