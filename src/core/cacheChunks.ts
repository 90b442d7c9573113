/**
 * Keeping a run's answers in a ShortTermCache (ports.ts) for its later executions: values packed into chunks
 * under the 100 KB Google allows per value, and a cache that fails or forgets read as one that holds nothing
 * (it is never the only copy: whatever is missing is asked of Google again). Used by resolve/directoryCache.ts
 * and rules/expansionCache.ts.
 */
import type { ShortTermCache } from './ports';

/** Long enough for an hourly trigger's next execution, short enough that a suspension made meanwhile counts soon. */
export const RUN_ANSWERS_TTL_SECONDS = 2 * 60 * 60;
/** Under the 100 KB a cached value may hold, in UTF-8 bytes. */
export const CHUNK_BYTES = 90 * 1024;

export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // A surrogate pair is 4 bytes: 2 + 2 here.
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
  }
  return bytes;
}

/**
 * `entries` in order, grouped so that each group's sizes add up to at most `maxBytes` (an entry larger than
 * that makes a group alone). The caller encodes each group as one cached value.
 */
export function packChunks<T>(entries: Iterable<T>, sizeOf: (entry: T) => number, maxBytes: number = CHUNK_BYTES): T[][] {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = sizeOf(entry);
    if (bytes + size > maxBytes && chunk.length > 0) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(entry);
    bytes += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** The values still cached for `keys`; a cache that fails answers nothing (the caller asks Google). */
export function cachedValues(cache: ShortTermCache, keys: string[]): Record<string, string> {
  try {
    return cache.getAll(keys);
  } catch {
    return {};
  }
}

/** Keeps `values` if the cache lets it; if not, a later execution asks Google again. */
export function keepValues(cache: ShortTermCache, values: Record<string, string>, ttlSeconds: number = RUN_ANSWERS_TTL_SECONDS): void {
  try {
    cache.putAll(values, ttlSeconds);
  } catch {
    // Not kept: the next execution asks again.
  }
}
