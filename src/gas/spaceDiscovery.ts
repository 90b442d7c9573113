/**
 * Space discovery (DESIGN.md §1, two transports, one port): display-name lookup by spaces.list (or
 * spaces.search with admin access) through the Advanced Chat Service, read once per execution; spaces.get
 * over REST (chatRest.ts), because only its HTTP status tells a wrong Space cell from Google failing.
 */
import type { Result } from '../core/ports';
import type { Space } from '../core/model';
import { thrownError } from '../core/apiErrors';
import { chatService } from './advancedServices';

export function failure<T>(error: unknown): Result<T> {
  // Code 0: the advanced service exposes no HTTP status (reference/apps-script-advanced-chat.md §4).
  return { ok: false, error: thrownError(error) };
}

export { getSpaceOverRest as getSpace } from './chatRest';

const sameName = (a: string | null | undefined, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

/** Every space the caller is a member of, paged at the maximum page size. */
export function listMemberSpaces(): Space[] {
  const spaces: Space[] = [];
  let pageToken: string | undefined;
  do {
    const page = chatService().Spaces.list({ pageSize: 1000, pageToken });
    spaces.push(...(page.spaces ?? []));
    pageToken = page.nextPageToken || undefined;
  } while (pageToken);
  return spaces;
}

/**
 * Named spaces of the organisation through admin search, all of them or those whose display name has the
 * given words: the query must name the customer and the space type (reference §11).
 */
export function searchOrganisationSpaces(displayName?: string): Space[] {
  const spaces: Space[] = [];
  const quoted = displayName?.replace(/["\\]/g, ' ').trim();
  const query = `customer = "customers/my_customer" AND space_type = "SPACE"${quoted ? ` AND display_name:"${quoted}"` : ''}`;
  let pageToken: string | undefined;
  do {
    const page = chatService().Spaces.search({ useAdminAccess: true, pageSize: 1000, pageToken, query });
    const found = page.results ? page.results.map((result) => result.space) : page.spaces ?? [];
    for (const space of found) if (space) spaces.push(space);
    pageToken = page.nextPageToken || undefined;
  } while (pageToken);
  return spaces;
}

/** The caller's spaces, read once per execution; display-name lookups answered from them (or by admin search). */
export class SpaceDirectory {
  private memberSpaces: Space[] | null = null;

  list(): Result<Space[]> {
    try {
      return { ok: true, value: (this.memberSpaces ??= listMemberSpaces()) };
    } catch (error) {
      return failure(error);
    }
  }

  find(displayName: string, useAdminAccess: boolean): Result<Space[]> {
    try {
      const candidates = useAdminAccess ? searchOrganisationSpaces(displayName) : (this.memberSpaces ??= listMemberSpaces());
      const named = candidates.filter((space) => (space.spaceType ?? 'SPACE') === 'SPACE');
      return { ok: true, value: named.filter((space) => sameName(space.displayName, displayName)) };
    } catch (error) {
      return failure(error);
    }
  }
}
