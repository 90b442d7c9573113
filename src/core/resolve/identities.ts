/**
 * Members → Chat identities. List output names people only as users/{numeric id} (reference §3), so emails
 * are resolved first: the Admin SDK Directory in ONE bulk lookup (lookUp, the ask), then each member cell
 * from its answer (resolveRef, the decision). Emails it doesn't know (people outside the organisation), or
 * every email when the caller has no directory access, are asked about later by members.get with the email
 * alias in each target space (probe.ts).
 *
 * Choices: adding a user the directory marks suspended is HELD (restore the account first); removing one
 * goes ahead. A plain email that the directory knows as a group, or group: on a person, is INVALID.
 * An email the directory doesn't know is INVALID (a misspelling: "no one in your organisation has this
 * address") only when its answer covers the email's domain (ports.ts DirectoryCoverage: the caller's domain,
 * and the other domains the view answered for); of another domain, it is someone from outside (`outsider`);
 * with no coverage (no directory access, or a view that couldn't answer in full), it is probed as before.
 */
import { thrownError } from '../apiErrors';
import { memberLabel } from '../details';
import type { ApiError, Detail, MemberRef, ResolvedMember } from '../model';
import type { Directory, DirectoryCoverage, DirectoryEntry } from '../ports';

/** The directory's answer about the roster's emails; `coverage` absent or null: it can't say who is not in it. */
export interface DirectoryView { entries: Map<string, DirectoryEntry>; failure: ApiError | null; coverage?: DirectoryCoverage | null }

export function lookUp(directory: Directory, emails: string[]): DirectoryView {
  if (emails.length === 0) return { entries: new Map(), failure: null };
  try {
    const result = directory.lookup(emails);
    return result.ok
      ? { entries: result.value, failure: null, coverage: result.coverage ?? null }
      : { entries: result.known ?? new Map(), failure: result.error };
  } catch (thrown) {
    return { entries: new Map(), failure: thrownError(thrown) };
  }
}

/** How a row adding this member ends before any write: HELD (a suspended user), INVALID (an address no one has). */
export type WhenAdding = { status: 'HELD'; problem: Detail<'suspended'> } | { status: 'INVALID'; problem: Detail<'noOneWithAddress'> };

/**
 * What the directory says about one member ref, whatever the row: a member to target (`whenAdding`: what a
 * row adding it ends as instead; a removal goes on), or an outcome (status and why) for every row naming it.
 */
export type Resolution =
  | { member: ResolvedMember; whenAdding: WhenAdding | null }
  | { status: 'INVALID' | 'ERROR'; problem: Detail<'groupNotFound' | 'personAsGroup' | 'groupAsPerson'> };

/** The domain of an email, lower-case ('' without an @). */
function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1);
}

/** An email the directory doesn't know: no one's (its domain is covered), someone from outside, or unknown. */
function unknownEmail(ref: Extract<MemberRef, { kind: 'userEmail' }>, label: string, coverage: DirectoryCoverage | null | undefined): Resolution {
  const person: ResolvedMember = { kind: 'user', name: null, email: ref.email, label };
  if (!coverage) return { member: person, whenAdding: null };
  if (coverage.domains.includes(domainOf(ref.email))) {
    // A removal goes on: its member.get finds no one, the row is UNCHANGED (an account deleted since, say).
    return { member: person, whenAdding: { status: 'INVALID', problem: { reason: 'noOneWithAddress', email: ref.email, view: coverage.view } } };
  }
  // Outside only if the view answered for the organisation at all (the caller's domain at least).
  return { member: coverage.domains.length > 0 ? { ...person, outsider: true } : person, whenAdding: null };
}

export function resolveRef(ref: MemberRef, view: DirectoryView): Resolution {
  const label = memberLabel(ref);
  switch (ref.kind) {
    case 'userId': return { member: { kind: 'user', name: ref.name, email: null, label }, whenAdding: null };
    case 'groupId': return { member: { kind: 'group', name: ref.name, email: null, label }, whenAdding: null };
    case 'app': return { member: { kind: 'app', name: null, email: null, label }, whenAdding: null };
    case 'groupEmail': {
      const entry = view.entries.get(ref.email);
      if (!entry) return { status: 'ERROR', problem: { reason: 'groupNotFound', email: ref.email, error: view.failure } };
      if (entry.kind === 'user') return { status: 'INVALID', problem: { reason: 'personAsGroup', email: ref.email } };
      return { member: { kind: 'group', name: entry.name, email: ref.email, label }, whenAdding: null };
    }
    case 'userEmail': {
      const entry = view.entries.get(ref.email);
      if (!entry) return unknownEmail(ref, label, view.coverage);
      if (entry.kind === 'group') return { status: 'INVALID', problem: { reason: 'groupAsPerson', email: ref.email } };
      const held: WhenAdding | null = entry.suspended ? { status: 'HELD', problem: { reason: 'suspended', email: ref.email } } : null;
      return { member: { kind: 'user', name: entry.name, email: ref.email, label }, whenAdding: held };
    }
  }
}
