/**
 * Space discovery (DESIGN.md §1, two transports, one port): display-name lookup by spaces.list (or
 * spaces.search with admin access) through the Advanced Chat Service, read once per execution; spaces.get
 * over REST (chatRest.ts), because only its HTTP status tells a wrong Space cell from Google failing.
 */
import type { Result } from '../core/ports';
import type { Space } from '../core/model';
import { thrownError } from '../core/apiErrors';
import { isOutage } from '../core/resolve/resolveSpaces';
import { chatService } from './advancedServices';

export function failure<T>(error: unknown): Result<T> {
  // Code 0: the advanced service exposes no HTTP status (reference/apps-script-advanced-chat.md §4).
  return { ok: false, error: thrownError(error) };
}

export { getSpaceOverRest as getSpace } from './chatRest';

/** 1 + 2 + … + 32 s of backoff: a whole minute of 429s is ridden out, as membership calls ride it out. */
const DISCOVERY_TRIES = 7;

/**
 * Space discovery is retried like membership calls (DESIGN.md §6): Google failing (429, 5xx, a throw) gets
 * more tries, with exponential backoff. Once a call has failed them all, Google is down for this execution:
 * later calls try once, so 40 spaces of an outage don't each wait a minute.
 */
export class DiscoveryRetries {
  private down = false;

  run<T>(call: () => Result<T>): Result<T> {
    let result = call();
    const tries = this.down ? 1 : DISCOVERY_TRIES;
    for (let tried = 1; tried < tries && !result.ok && isOutage(result.error); tried++) {
      Utilities.sleep(1000 * 2 ** (tried - 1));
      result = call();
    }
    this.down = !result.ok && isOutage(result.error);
    return result;
  }
}

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

  constructor(private readonly retries: DiscoveryRetries) {}

  list(): Result<Space[]> {
    return this.retries.run(() => {
      try {
        return { ok: true, value: (this.memberSpaces ??= listMemberSpaces()) };
      } catch (error) {
        return failure(error);
      }
    });
  }

  find(displayName: string, useAdminAccess: boolean): Result<Space[]> {
    return this.retries.run(() => {
      try {
        const candidates = useAdminAccess ? searchOrganisationSpaces(displayName) : (this.memberSpaces ??= listMemberSpaces());
        const named = candidates.filter((space) => (space.spaceType ?? 'SPACE') === 'SPACE');
        return { ok: true, value: named.filter((space) => sameName(space.displayName, displayName)) };
      } catch (error) {
        return failure(error);
      }
    });
  }
}
