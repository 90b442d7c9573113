/**
 * Who the workbench can act as: the Directory's people who can sign in (not suspended or archived), the
 * Chat administrators first — so a newcomer can compare what the add-on does for an administrator with
 * what it does for a plain member (the same document, another account opening it).
 */
import type { Google } from '../google';
import type { ActingUser } from './api';

export function actingUsers(google: Google): ActingUser[] {
  const people = google.directory.people().filter((person) => !person.suspended && !person.archived)
    .map((person) => ({ email: person.email, chatAdmin: google.isChatAdmin(person.email) }));
  return [...people.filter((p) => p.chatAdmin), ...people.filter((p) => !p.chatAdmin)];
}

/** The email of POST /api/user's body, or an Error saying what is wrong with it. */
export function parseActAs(body: unknown): string {
  const email = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).email : undefined;
  if (typeof email !== 'string' || email === '') throw new Error('email must be a person\'s email.');
  return email;
}
