/**
 * Granular consent (reference/first-deploy.md §1): the manifest asks for scopes, each user grants some of
 * them, and an execution holds the intersection — what its token carries and what the fakes check.
 * Once `oauthScopes` is explicit Apps Script adds none of its own, so a scope the manifest doesn't list can
 * never be granted. Not modelled: scope auto-detection (a manifest without oauthScopes asks the shipped
 * manifest's scopes), scopes implied by broader ones (spreadsheets doesn't imply spreadsheets.currentonly
 * here; the fakes' lists name both where the pages do).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCOPES } from './scopes';

/** The manifest fields the fakes honour (dist/appsscript.json). */
export interface Manifest {
  timeZone?: string;
  oauthScopes?: string[];
  urlFetchWhitelist?: string[];
}

/** Reads `<distDir>/appsscript.json`. */
export function readManifest(distDir: string): Manifest | undefined {
  const file = join(distDir, 'appsscript.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : undefined;
}

export class Consent {
  /** the scopes the script asks for (the manifest's oauthScopes) */
  readonly requested: readonly string[];
  /** user → what they ticked on the consent screen; absent = the default grant */
  private readonly grants = new Map<string, readonly string[] | null>();

  /** defaultGrant: what every user granted unless told otherwise; null = everything asked */
  constructor(manifest: Manifest | undefined, private readonly defaultGrant: readonly string[] | null = null) {
    this.requested = [...(manifest?.oauthScopes ?? DEFAULT_SCOPES)];
  }

  /** What `user` granted; null = everything the manifest asks. Scopes the manifest doesn't ask are ignored. */
  setGranted(user: string, scopes: readonly string[] | null): void {
    this.grants.set(user, scopes === null ? null : [...scopes]);
  }

  /** requested ∩ granted, in the manifest's order. */
  effective(user: string): string[] {
    const own = this.grants.get(user);
    const granted = own === undefined ? this.defaultGrant : own;
    return this.requested.filter((scope) => granted === null || granted.includes(scope));
  }
}
