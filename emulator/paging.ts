/**
 * Opaque page tokens. A token carries the sort key of the last item returned (so a page boundary survives
 * memberships being added or removed between calls) and a hash of the request's other parameters (a token
 * replayed with different parameters is a 400, the stricter reading of chat-api-memberships.md §7).
 */
import { invalidArgument } from './errors';

export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}

/** Chat list sizes: default 100, larger than 1000 silently becomes 1000, negative is INVALID_ARGUMENT (§7, §11). */
export function chatPageSize(requested: number | undefined): number {
  if (requested === undefined || requested === 0) return 100;
  if (requested < 0) throw invalidArgument('Page size must not be negative.');
  return Math.min(requested, 1000);
}

/**
 * `items` must be sorted ascending by `keyOf`, with unique keys; string keys compare with `<`, so numeric
 * keys are zero-padded by the caller. `fingerprint` names everything a token must be replayed with.
 */
export function paginate<T>(items: readonly T[], keyOf: (item: T) => string, pageSize: number, pageToken: string | undefined, fingerprint: string): Page<T> {
  let after: string | undefined;
  if (pageToken) {
    const decoded = decodeToken(pageToken);
    if (decoded.h !== hash(fingerprint)) {
      throw invalidArgument('The page token does not match the other request parameters of the call that produced it.');
    }
    after = decoded.a;
  }
  const start = after === undefined ? 0 : firstIndexAfter(items, keyOf, after);
  const pageItems = items.slice(start, start + pageSize);
  const last = pageItems[pageItems.length - 1];
  if (start + pageSize >= items.length || last === undefined) return { items: pageItems };
  return { items: pageItems, nextPageToken: encodeToken({ a: keyOf(last), h: hash(fingerprint) }) };
}

/** Zero-pads a sequence number so that string order equals numeric order. */
export function seqKey(seq: number): string {
  return seq.toString().padStart(12, '0');
}

function firstIndexAfter<T>(items: readonly T[], keyOf: (item: T) => string, after: string): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keyOf(items[mid] as T) <= after) low = mid + 1;
    else high = mid;
  }
  return low;
}

interface TokenBody { a: string; h: string }

function encodeToken(body: TokenBody): string {
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

function decodeToken(token: string): TokenBody {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'a' in parsed && 'h' in parsed &&
      typeof parsed.a === 'string' && typeof parsed.h === 'string') {
      return { a: parsed.a, h: parsed.h };
    }
  } catch {
    // fall through to the 400 below
  }
  throw invalidArgument('Invalid page token.');
}

/** FNV-1a: enough to tell parameter sets apart; not a security boundary. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
