/**
 * spaces.list `filter` and spaces.search `query` (reference/chat-api-memberships.md §11).
 */
import { invalidArgument, unimplemented } from './errors';
import { comparisons, parseFilter, type Expr } from './filterSyntax';
import type { SpaceType } from './seed';

const SPACE_TYPES: readonly string[] = ['SPACE', 'GROUP_CHAT', 'DIRECT_MESSAGE'];

/** spaces.list: `space_type = "X"` (or `spaceType`), ORed; AND and SPACE_TYPE_UNSPECIFIED are invalid. */
export function parseSpaceTypeFilter(text: string): Set<SpaceType> {
  const expr = parseFilter(text);
  const terms = expr.kind === 'or' ? expr.items : [expr];
  const types = new Set<SpaceType>();
  for (const term of terms) {
    if (term.kind !== 'cmp' || (term.field !== 'space_type' && term.field !== 'spaceType') || term.op !== '=' ||
      !SPACE_TYPES.includes(term.value)) {
      throw invalidArgument(`Invalid filter: ${text}. Filter by space type only, e.g. space_type = "SPACE", combined with OR.`);
    }
    types.add(term.value as SpaceType);
  }
  return types;
}

export interface SearchQuery {
  /** prefix tokens from display_name:"…", lower-case; undefined when absent */
  displayNameTokens?: string[];
  externalUserAllowed?: boolean;
  spaceHistoryState?: string;
}

const ADMIN_FIELDS = ['customer', 'space_type', 'display_name', 'external_user_allowed', 'space_history_state', 'create_time', 'last_active_time'];
const USER_FIELDS = ['space_type', 'display_name', 'external_user_allowed'];

/**
 * Clauses combine with AND across fields; `space_type = "SPACE"` is required (and the only valid value);
 * admin queries also need `customer = "customers/my_customer"`. OR isn't emulated (400).
 */
export function parseSearchQuery(text: string, admin: boolean): SearchQuery {
  if (text.trim() === '') throw invalidArgument('query is required.');
  const expr: Expr = parseFilter(text);
  if (expr.kind === 'or' || (expr.kind === 'and' && expr.items.some((i) => i.kind !== 'cmp'))) {
    throw invalidArgument(`Invalid query: ${text}. Only AND is supported across fields.`);
  }
  const allowed = admin ? ADMIN_FIELDS : USER_FIELDS;
  const out: SearchQuery = {};
  let spaceTypeSeen = false;
  let customerSeen = false;
  for (const c of comparisons(expr)) {
    if (!allowed.includes(c.field)) throw invalidArgument(`Invalid query: field ${c.field} can't be searched${admin ? '' : ' without admin access'}.`);
    switch (c.field) {
      case 'space_type':
        if (c.op !== '=' || c.value !== 'SPACE') throw invalidArgument('Invalid query: space_type must be "SPACE".');
        spaceTypeSeen = true;
        break;
      case 'customer':
        if (c.op !== '=' || c.value !== 'customers/my_customer') throw invalidArgument('Invalid query: customer must be "customers/my_customer".');
        customerSeen = true;
        break;
      case 'display_name':
        if (c.op !== ':') throw invalidArgument('Invalid query: use display_name:"…" (HAS).');
        out.displayNameTokens = [...(out.displayNameTokens ?? []), ...nameTokens(c.value)];
        break;
      case 'external_user_allowed':
        if (c.op !== '=' || (c.value !== 'true' && c.value !== 'false')) throw invalidArgument('Invalid query: external_user_allowed must be true or false.');
        out.externalUserAllowed = c.value === 'true';
        break;
      case 'space_history_state':
        if (c.op !== '=' || (c.value !== 'HISTORY_ON' && c.value !== 'HISTORY_OFF')) throw invalidArgument('Invalid query: space_history_state must be HISTORY_ON or HISTORY_OFF.');
        out.spaceHistoryState = c.value;
        break;
      default:
        throw unimplemented(`The emulator doesn't emulate searching by ${c.field}.`);
    }
  }
  if (!spaceTypeSeen) throw invalidArgument('Invalid query: space_type = "SPACE" is required.');
  if (admin && !customerSeen) throw invalidArgument('Invalid query: customer = "customers/my_customer" is required with admin access.');
  return out;
}

function nameTokens(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t !== '');
}

/** HAS: every query token is a case-insensitive prefix of some token of the display name ("Fun Eve" ~ "The evening was fun"). */
export function displayNameMatches(displayName: string, queryTokens: string[]): boolean {
  const tokens = nameTokens(displayName);
  return queryTokens.every((q) => tokens.some((t) => t.startsWith(q)));
}
