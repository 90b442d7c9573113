/**
 * Members → Chat identities. List output names people only as users/{numeric id} (reference §3), so emails
 * are resolved first: the Admin SDK Directory in ONE bulk lookup (lookUp, the ask), then each member cell
 * from its answer (resolveRef, the decision). Emails it doesn't know (people outside the organisation), or
 * every email when the caller has no directory access, are asked about later by members.get with the email
 * alias in each target space (probe.ts).
 *
 * Choices: adding a user the directory marks suspended is HELD (restore the account first); removing one
 * goes ahead. A plain email that the directory knows as a group, or group: on a person, is INVALID.
 */
import { thrownError } from '../apiErrors';
import { memberLabel } from '../details';
import type { ApiError, Detail, MemberRef, ResolvedMember } from '../model';
import type { Directory, DirectoryEntry } from '../ports';

export interface DirectoryView { entries: Map<string, DirectoryEntry>; failure: ApiError | null }

export function lookUp(directory: Directory, emails: string[]): DirectoryView {
  if (emails.length === 0) return { entries: new Map(), failure: null };
  try {
    const result = directory.lookup(emails);
    return result.ok ? { entries: result.value, failure: null } : { entries: result.known ?? new Map(), failure: result.error };
  } catch (thrown) {
    return { entries: new Map(), failure: thrownError(thrown) };
  }
}

/**
 * What the directory says about one member ref, whatever the row: a member to target (held when adding a
 * suspended user), or an outcome (status and why) for every row naming it.
 */
export type Resolution =
  | { member: ResolvedMember; heldWhenAdding: Detail<'suspended'> | null }
  | { status: 'INVALID' | 'ERROR'; problem: Detail<'groupNotFound' | 'personAsGroup' | 'groupAsPerson'> };

export function resolveRef(ref: MemberRef, view: DirectoryView): Resolution {
  const label = memberLabel(ref);
  switch (ref.kind) {
    case 'userId': return { member: { kind: 'user', name: ref.name, email: null, label }, heldWhenAdding: null };
    case 'groupId': return { member: { kind: 'group', name: ref.name, email: null, label }, heldWhenAdding: null };
    case 'app': return { member: { kind: 'app', name: null, email: null, label }, heldWhenAdding: null };
    case 'groupEmail': {
      const entry = view.entries.get(ref.email);
      if (!entry) return { status: 'ERROR', problem: { reason: 'groupNotFound', email: ref.email, error: view.failure } };
      if (entry.kind === 'user') return { status: 'INVALID', problem: { reason: 'personAsGroup', email: ref.email } };
      return { member: { kind: 'group', name: entry.name, email: ref.email, label }, heldWhenAdding: null };
    }
    case 'userEmail': {
      const entry = view.entries.get(ref.email);
      if (!entry) return { member: { kind: 'user', name: null, email: ref.email, label }, heldWhenAdding: null };
      if (entry.kind === 'group') return { status: 'INVALID', problem: { reason: 'groupAsPerson', email: ref.email } };
      const held: Detail<'suspended'> | null = entry.suspended ? { reason: 'suspended', email: ref.email } : null;
      return { member: { kind: 'user', name: entry.name, email: ref.email, label }, heldWhenAdding: held };
    }
  }
}
