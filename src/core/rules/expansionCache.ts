/**
 * The Directory's answers to the rules' questions, kept for the other executions of the same run (like
 * resolve/directoryCache.ts): expanding `domain` in an organisation of 50,000 people is ~100 users.list pages,
 * and each later execution of the run re-plans the same rules. Kept in a ShortTermCache under the run's id, so
 * a new run (the nightly sync) always asks afresh and sees newcomers and leavers. Google may drop any value:
 * an answer with a chunk missing is asked again. Failures are never kept.
 *
 * Layout: one index value per run (question → its chunk count), then each answer's people in chunks of
 * compact tuples. An execution reads the cache twice (index, then every chunk) and writes once per new answer.
 */
import { CHUNK_BYTES, cachedValues, keepValues, packChunks, utf8Bytes } from '../cacheChunks';
import type { DirectoryPerson, PeopleDirectory, Result, ShortTermCache } from '../ports';
import { ask, questionKey, type DirectoryQuestion } from './expandRules';

const KEY_PREFIX = 'chatRoster.rules';
/** ~5 MB per answer: a 50,000-person organisation takes ~40 chunks; a larger answer is simply not kept. */
const MAX_CHUNKS = 60;

/** A person in a few characters: [name, email, unit or null, 's' suspended / 'a' archived / 'sa'] (flags only when set). */
type Coded = [string, string, string | null] | [string, string, string | null, string];
/** The index: short key of a question → [the question's key (checked: keys are hashes), its chunk count]. */
type Index = Record<string, [string, number]>;

function encode(person: DirectoryPerson): Coded {
  const flags = `${person.suspended ? 's' : ''}${person.archived ? 'a' : ''}`;
  const unit = person.orgUnitPath ?? null;
  return flags ? [person.name, person.email, unit, flags] : [person.name, person.email, unit];
}

function decode(coded: unknown): DirectoryPerson | null {
  if (!Array.isArray(coded)) return null;
  const [name, email, unit, flags] = coded as unknown[];
  if (typeof name !== 'string' || typeof email !== 'string' || (unit !== null && typeof unit !== 'string')) return null;
  const person: DirectoryPerson = { name, email, suspended: typeof flags === 'string' && flags.includes('s') };
  if (typeof unit === 'string') person.orgUnitPath = unit;
  if (typeof flags === 'string' && flags.includes('a')) person.archived = true;
  return person;
}

/** A short, key-safe name for a question (cache keys hold at most 250 characters; a query may be longer). */
function shortKey(key: string): string {
  let hash = 0x811c9dc5; // FNV-1a, 32 bits
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${hash.toString(36)}${key.length.toString(36)}`;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A PeopleDirectory that answers the run's repeated questions from the cache, and asks the wrapped one otherwise. */
export class CachedPeopleDirectory implements PeopleDirectory {
  /** This execution's copy of the run's answers, by question key, read from the cache once. */
  private known: Map<string, DirectoryPerson[]> | null = null;
  private index: Index = {};

  constructor(private readonly directory: PeopleDirectory, private readonly cache: ShortTermCache, private readonly runId: string) {}

  searchUsers(query: string): Result<DirectoryPerson[]> {
    return this.answer({ kind: 'search', query });
  }

  groupPeople(groupEmail: string): Result<DirectoryPerson[]> {
    return this.answer({ kind: 'group', email: groupEmail });
  }

  private answer(question: DirectoryQuestion): Result<DirectoryPerson[]> {
    const key = questionKey(question);
    const known = (this.known ??= this.read());
    const cached = known.get(key);
    if (cached) return { ok: true, value: cached };
    const asked = ask(this.directory, question);
    if (asked.ok) {
      known.set(key, asked.value);
      this.write(key, asked.value);
    }
    return asked;
  }

  private key(name: string): string {
    return `${KEY_PREFIX}.${this.runId}.${name}`;
  }

  /** Every answer still whole in the cache for this run. */
  private read(): Map<string, DirectoryPerson[]> {
    const known = new Map<string, DirectoryPerson[]>();
    const index = parseJson(cachedValues(this.cache, [this.key('index')])[this.key('index')]);
    if (typeof index !== 'object' || index === null || Array.isArray(index)) return known;
    this.index = index as Index;
    const chunkKeys = Object.entries(this.index).flatMap(([short, [, count]]) =>
      Array.from({ length: Math.min(Number(count) || 0, MAX_CHUNKS) }, (_, chunk) => this.key(`${short}.${chunk}`)));
    const values = chunkKeys.length > 0 ? cachedValues(this.cache, chunkKeys) : {};
    for (const [short, entry] of Object.entries(this.index)) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'number') continue;
      const people = this.assemble(short, entry[1], values);
      if (people) known.set(entry[0], people);
    }
    return known;
  }

  /** An answer from its chunks, or null when one is missing or unreadable (Google dropped it: ask again). */
  private assemble(short: string, count: number, values: Record<string, string>): DirectoryPerson[] | null {
    const people: DirectoryPerson[] = [];
    for (let chunk = 0; chunk < count; chunk++) {
      const coded = parseJson(values[this.key(`${short}.${chunk}`)]);
      if (!Array.isArray(coded)) return null;
      for (const item of coded) {
        const person = decode(item);
        if (!person) return null;
        people.push(person);
      }
    }
    return people;
  }

  /** One answer's chunks and the updated index, in one call. */
  private write(key: string, people: readonly DirectoryPerson[]): void {
    const texts = people.map((person) => JSON.stringify(encode(person)));
    // Each tuple plus its comma; the chunk's brackets take 2 bytes.
    const chunks = packChunks(texts, (text) => utf8Bytes(text) + 1, CHUNK_BYTES - 2);
    if (chunks.length > MAX_CHUNKS) return;
    const short = shortKey(key);
    const values: Record<string, string> = {};
    chunks.forEach((chunk, index) => { values[this.key(`${short}.${index}`)] = `[${chunk.join(',')}]`; });
    this.index[short] = [key, chunks.length];
    values[this.key('index')] = JSON.stringify(this.index);
    keepValues(this.cache, values);
  }
}
