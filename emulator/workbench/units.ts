/**
 * The units panel's model: the Directory's organisational units with the people in each, and moving a person
 * to another unit as an administrator does in the Admin console (control, emulator/orgControl.ts: no API
 * call is recorded). The next sync re-expands the Rules sheet's `ou:` sources against the new units.
 */
import type { Google } from '../google';
import type { MoveRequest, UnitView } from './api';

export function unitsView(google: Google): UnitView[] {
  const people = google.directory.people();
  return google.directory.units().map((path) => ({
    path,
    people: people.filter((person) => person.orgUnitPath === path)
      .map((person) => ({ email: person.email, note: person.suspended ? 'suspended' : person.archived ? 'archived' : '' })),
  }));
}

/** A MoveRequest from a request body, or an Error saying what is wrong with it. */
export function parseMove(body: unknown): MoveRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('Send an object.');
  const { email, orgUnitPath } = body as Record<string, unknown>;
  if (typeof email !== 'string' || email === '') throw new Error('email must be a person\'s email.');
  if (typeof orgUnitPath !== 'string' || !orgUnitPath.startsWith('/')) throw new Error('orgUnitPath must be a unit\'s path, e.g. /Sales.');
  return { email, orgUnitPath };
}
