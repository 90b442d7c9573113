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
import { httpNote, thrownError } from './apiErrors';
import type { MemberRef, ResolvedMember } from './model';
import type { ApiError, Directory, DirectoryEntry } from './ports';
import { memberLabel } from './refs';

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

function groupNotFound(email: string, failure: ApiError | null): string {
  const base = `The group ${email} was not found in your Google Workspace directory (or you have no Admin SDK access): use groups/{id} in the Member cell (the id is in the Admin console or the Cloud Identity Groups API).`;
  return failure ? `${base} ${httpNote(failure)}` : base;
}

/**
 * What the directory says about one member ref, whatever the row: a member to target (held when adding a
 * suspended user), or an outcome for every row naming it.
 */
export type Resolution =
  | { member: ResolvedMember; heldWhenAdding: string | null }
  | { status: 'INVALID' | 'ERROR'; details: string };

export function resolveRef(ref: MemberRef, view: DirectoryView): Resolution {
  const label = memberLabel(ref);
  switch (ref.kind) {
    case 'userId': return { member: { kind: 'user', name: ref.name, email: null, label }, heldWhenAdding: null };
    case 'groupId': return { member: { kind: 'group', name: ref.name, email: null, label }, heldWhenAdding: null };
    case 'app': return { member: { kind: 'app', name: null, email: null, label }, heldWhenAdding: null };
    case 'groupEmail': {
      const entry = view.entries.get(ref.email);
      if (!entry) return { status: 'ERROR', details: groupNotFound(ref.email, view.failure) };
      if (entry.kind === 'user') {
        return { status: 'INVALID', details: `${ref.email} is a person, not a group: remove "group:" from the Member cell.` };
      }
      return { member: { kind: 'group', name: entry.name, email: ref.email, label }, heldWhenAdding: null };
    }
    case 'userEmail': {
      const entry = view.entries.get(ref.email);
      if (!entry) return { member: { kind: 'user', name: null, email: ref.email, label }, heldWhenAdding: null };
      if (entry.kind === 'group') {
        return { status: 'INVALID', details: `${ref.email} is a Google Group: write group:${ref.email} in the Member cell.` };
      }
      const held = entry.suspended
        ? `${ref.email} is suspended in your Google Workspace directory: restore the account first, or delete this row.`
        : null;
      return { member: { kind: 'user', name: entry.name, email: ref.email, label }, heldWhenAdding: held };
    }
  }
}
