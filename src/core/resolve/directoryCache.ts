/**
 * The Directory's answers, kept for the other executions of the same run. Looking up more than a few emails
 * lists the whole Workspace directory (a read per 500 users): for an organisation of 50,000 people that is
 * ~100 sequential reads, half a minute, at the start of every execution. A run's later executions ask about
 * the same emails (they re-plan its PENDING rows), so the first execution's answers are reused.
 *
 * Kept in a ShortTermCache under the run's id: a new run always asks the directory afresh, and answers are
 * at most ANSWERS_TTL_SECONDS old. Google may drop cached values any time ("you must be prepared to get back
 * null from all reads": https://developers.google.com/apps-script/reference/cache/cache-service); an email
 * not found in the cache is simply asked again. Emails the directory doesn't know are kept too (as absent), or every execution
 * would list the directory again for the people outside the organisation.
 *
 * A caller without directory access learns ids from Chat instead (members.get by email alias, one per row
 * and space): `remember` keeps those answers here too, so the run's later executions don't probe the same
 * emails again; a lookup the directory refuses still returns them (`known`).
 *
 * What the answers cover (ports.ts DirectoryCoverage: which absent emails are no one's) is kept with them: the
 * coverage of every answer the run cached, met (the domains all of them answered for), so an email cached as
 * absent by an answer that didn't cover its domain is never read later as no one's.
 */
import { CHUNK_BYTES, RUN_ANSWERS_TTL_SECONDS, cachedValues, keepValues, packChunks, utf8Bytes } from '../cacheChunks';
import type { Directory, DirectoryCoverage, DirectoryEntry, DirectoryResult, ShortTermCache } from '../ports';

/** How long a run's answers are kept (cacheChunks.ts: the same for every answer a run keeps). */
export const ANSWERS_TTL_SECONDS = RUN_ANSWERS_TTL_SECONDS;
/** 100 chunks of ~90 KB: about 1.5 million emails' answers, far beyond a roster's. */
const MAX_CHUNKS = 100;
const KEY_PREFIX = 'chatRoster.directory';

/** An answer in a few characters: u/s (user, suspended user) or g, then the name; '-' = not in the directory. */
type Coded = string;
const ABSENT: Coded = '-';

function encode(entry: DirectoryEntry | null): Coded {
  if (!entry) return ABSENT;
  if (entry.kind === 'group') return `g${entry.name}`;
  return `${entry.suspended ? 's' : 'u'}${entry.name}`;
}

/** The entry, null when the directory doesn't know the email, undefined for a value this code didn't write. */
function decode(coded: unknown): DirectoryEntry | null | undefined {
  if (coded === ABSENT) return null;
  if (typeof coded !== 'string' || coded.length < 2) return undefined;
  const name = coded.slice(1);
  switch (coded[0]) {
    case 'g': return { kind: 'group', name };
    case 'u': return { kind: 'user', name };
    case 's': return { kind: 'user', name, suspended: true };
    default: return undefined;
  }
}

/** What two answers both cover; none when either covers nothing. */
function meet(a: DirectoryCoverage | null, b: DirectoryCoverage | undefined): DirectoryCoverage | null {
  if (!a || !b) return null;
  const domains = a.domains.filter((domain) => b.domains.includes(domain));
  return { view: a.view === b.view ? a.view : 'domain_public', domains };
}

/** Whether any answer held is "not in the directory" (a loop: a million answers make no array). */
function holdsAbsent(known: ReadonlyMap<string, DirectoryEntry | null>): boolean {
  for (const entry of known.values()) if (entry === null) return true;
  return false;
}

function parseCoverage(text: string | undefined): DirectoryCoverage | null {
  if (text === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || !('view' in parsed) || !('domains' in parsed)) return null;
    const { view, domains } = parsed;
    if ((view !== 'admin' && view !== 'domain_public') || !Array.isArray(domains)) return null;
    return { view, domains: domains.filter((domain): domain is string => typeof domain === 'string') };
  } catch {
    return null;
  }
}

function pick(emails: readonly string[], known: ReadonlyMap<string, DirectoryEntry | null>): Map<string, DirectoryEntry> {
  const found = new Map<string, DirectoryEntry>();
  for (const email of emails) {
    const entry = known.get(email);
    if (entry) found.set(email, entry);
  }
  return found;
}

export class CachedDirectory implements Directory {
  /** This execution's copy of the run's answers, read from the cache once. */
  private known: Map<string, DirectoryEntry | null> | null = null;
  /** What the cached answers cover (null: nothing, or not known). */
  private coverage: DirectoryCoverage | null = null;

  constructor(private readonly directory: Directory, private readonly cache: ShortTermCache, private readonly runId: string) {}

  lookup(emails: string[]): DirectoryResult {
    const known = this.answers();
    const missing = emails.filter((email) => !known.has(email));
    if (missing.length > 0) {
      const asked = this.directory.lookup(missing);
      // A failure (no directory access, a quota) is not an answer: the next execution asks again. What the
      // run already knows (earlier answers, probes remembered) still counts.
      if (!asked.ok) {
        const found = pick(emails, known);
        for (const [email, entry] of asked.known ?? []) if (!found.has(email)) found.set(email, entry);
        return { ok: false, error: asked.error, known: found };
      }
      // No absent email cached yet: this answer's coverage is the run's; else only what both cover.
      const absentCached = holdsAbsent(known);
      this.coverage = absentCached ? meet(this.coverage, asked.coverage) : asked.coverage ?? null;
      for (const email of missing) known.set(email, asked.value.get(email) ?? null);
      this.write(known);
    }
    const value = pick(emails, known);
    return this.coverage ? { ok: true, value, coverage: this.coverage } : { ok: true, value };
  }

  /** Adds answers learned from Chat; an answer the run already has (from the directory) is kept. */
  remember(learned: ReadonlyMap<string, DirectoryEntry>): void {
    const known = this.answers();
    let added = false;
    for (const [email, entry] of learned) {
      if (known.get(email)) continue;
      known.set(email, entry);
      added = true;
    }
    if (added) this.write(known);
  }

  private answers(): Map<string, DirectoryEntry | null> {
    this.known ??= this.read();
    return this.known;
  }

  private key(chunk: number): string {
    return `${KEY_PREFIX}.${this.runId}.${chunk}`;
  }

  private coverageKey(): string {
    return `${KEY_PREFIX}.${this.runId}.coverage`;
  }

  /** Every answer still cached for this run, whatever chunks Google kept. */
  private read(): Map<string, DirectoryEntry | null> {
    const known = new Map<string, DirectoryEntry | null>();
    // The cache is a shortcut: without it (nothing kept, or failing), the directory answers.
    const values = cachedValues(this.cache, [...Array.from({ length: MAX_CHUNKS }, (_, chunk) => this.key(chunk)), this.coverageKey()]);
    this.coverage = parseCoverage(values[this.coverageKey()]);
    delete values[this.coverageKey()];
    for (const text of Object.values(values)) {
      let chunk: unknown;
      try {
        chunk = JSON.parse(text);
      } catch {
        continue;
      }
      if (typeof chunk !== 'object' || chunk === null) continue;
      for (const [email, coded] of Object.entries(chunk)) {
        const entry = decode(coded);
        if (entry !== undefined) known.set(email, entry);
      }
    }
    return known;
  }

  /** All answers in chunks under the value size limit, in one call. */
  private write(known: ReadonlyMap<string, DirectoryEntry | null>): void {
    function* coded(): Generator<[string, Coded]> {
      for (const [email, entry] of known) yield [email, encode(entry)];
    }
    // "email":"coded", as JSON writes it, plus a comma; each chunk's braces take 2 bytes.
    const sizeOf = ([email, code]: [string, Coded]) => utf8Bytes(JSON.stringify(email)) + utf8Bytes(code) + 4;
    const chunks: Record<string, string> = {};
    packChunks(coded(), sizeOf, CHUNK_BYTES - 2).slice(0, MAX_CHUNKS).forEach((chunk, index) => {
      chunks[this.key(index)] = JSON.stringify(Object.fromEntries(chunk));
    });
    // Written with the answers, every time: an old coverage never outlives the answers it was met with.
    chunks[this.coverageKey()] = JSON.stringify(this.coverage);
    keepValues(this.cache, chunks, ANSWERS_TTL_SECONDS);
  }
}
