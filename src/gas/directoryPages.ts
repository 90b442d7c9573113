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

/** Reads every page: the first without a token, then each next one while Google gives a token; failures throw. */
export function eachPage<T>(fetch: (pageToken: string | undefined) => DirectoryPage<T>, each: (item: T) => void): void {
  let pageToken: string | undefined;
  do {
    const page = fetch(pageToken);
    for (const item of page.items ?? []) each(item);
    pageToken = page.next || undefined;
  } while (pageToken);
}

export const failure = (error: unknown): { ok: false; error: ApiError } => ({ ok: false, error: thrownError(error) });
