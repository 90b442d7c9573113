/**
 * The Admin SDK Directory advanced service as directory.ts reaches it: the
 * global when the script enables it, reading a list page by page, and a failure as the ports' error.
 */
import type { ApiError } from '../core/ports';
import { thrownError } from '../core/apiErrors';

export const NOT_ENABLED = 'The Admin SDK Directory service is not enabled in this script.';

/** The AdminDirectory global, or undefined where the manifest doesn't enable the service. */
export function adminDirectoryService(): GoogleAppsScript.AdminDirectory | undefined {
  return typeof AdminDirectory === 'undefined' ? undefined : AdminDirectory;
}

/** One page of a Directory list: its items and the token of the next page, if any. */
export interface DirectoryPage<T> {
  items: T[] | undefined;
  next: string | undefined;
}

/**
 * Tries per later page (DESIGN.md §6: the Advanced Service failing is retried, 1 + 2 + 4 + 8 s apart): the
 * first page proved the view may be read, so a later one failing is Google failing. The first page isn't
 * retried: its failure reads as a refusal (the service doesn't tell them apart) and the next view is tried.
 */
const PAGE_TRIES = 5;

function withRetries<T>(fetch: (pageToken: string | undefined) => DirectoryPage<T>, pageToken: string | undefined): DirectoryPage<T> {
  const tries = pageToken === undefined ? 1 : PAGE_TRIES;
  for (let tried = 1; ; tried++) {
    try {
      return fetch(pageToken);
    } catch (error) {
      if (tried >= tries) throw error;
      Utilities.sleep(1000 * 2 ** (tried - 1));
    }
  }
}

/** Reads every page: the first without a token, then each next one while Google gives a token; failures throw after retries. */
export function eachPage<T>(fetch: (pageToken: string | undefined) => DirectoryPage<T>, each: (item: T) => void): void {
  let pageToken: string | undefined;
  do {
    const page = withRetries(fetch, pageToken);
    for (const item of page.items ?? []) each(item);
    pageToken = page.next || undefined;
  } while (pageToken);
}

export const failure = (error: unknown): { ok: false; error: ApiError } => ({ ok: false, error: thrownError(error) });
