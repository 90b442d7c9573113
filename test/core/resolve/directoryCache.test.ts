/** A run's later executions reuse the directory's answers instead of listing the directory again. */
import { ANSWERS_TTL_SECONDS, CachedDirectory } from '../../../src/core/resolve/directoryCache';
import type { ShortTermCache } from '../../../src/core/ports';
import { FakeCache, FakeDirectory } from '../fakes';

function organisation(): FakeDirectory {
  const directory = new FakeDirectory();
  directory.entries.set('alice@example.com', { kind: 'user', name: 'users/11' });
  directory.entries.set('gone@example.com', { kind: 'user', name: 'users/13', suspended: true });
  directory.entries.set('team@example.com', { kind: 'group', name: 'groups/g1' });
  return directory;
}

const EMAILS = ['alice@example.com', 'gone@example.com', 'team@example.com', 'ext@gmail.com'];

describe('CachedDirectory', () => {
  it("answers a run's next execution from the cache, the same answers, without asking the directory", () => {
    const directory = organisation();
    const cache = new FakeCache();
    const first = new CachedDirectory(directory, cache, 'run-1').lookup(EMAILS);
    const next = new CachedDirectory(directory, cache, 'run-1').lookup(EMAILS);
    expect(directory.lookups).toEqual([EMAILS]);
    expect(next).toEqual(first);
    expect(next.ok && [...next.value]).toEqual([
      ['alice@example.com', { kind: 'user', name: 'users/11' }],
      ['gone@example.com', { kind: 'user', name: 'users/13', suspended: true }],
      ['team@example.com', { kind: 'group', name: 'groups/g1' }],
    ]);
    expect(cache.ttls).toEqual([ANSWERS_TTL_SECONDS]);
  });

  it('asks the directory only about emails it has no answer for', () => {
    const directory = organisation();
    const cache = new FakeCache();
    new CachedDirectory(directory, cache, 'run-1').lookup(EMAILS.slice(0, 2));
    const more = new CachedDirectory(directory, cache, 'run-1').lookup(EMAILS);
    expect(directory.lookups).toEqual([EMAILS.slice(0, 2), EMAILS.slice(2)]);
    expect(more.ok && [...more.value.keys()]).toEqual(EMAILS.slice(0, 3));
  });

  it('a new run asks afresh', () => {
    const directory = organisation();
    const cache = new FakeCache();
    new CachedDirectory(directory, cache, 'run-1').lookup(EMAILS);
    directory.entries.set('alice@example.com', { kind: 'user', name: 'users/11', suspended: true });
    const fresh = new CachedDirectory(directory, cache, 'run-2').lookup(EMAILS);
    expect(directory.lookups).toHaveLength(2);
    expect(fresh.ok && fresh.value.get('alice@example.com')?.suspended).toBe(true);
  });

  it('keeps no failure: no directory access now is asked again next time', () => {
    const directory = organisation();
    directory.failure = { code: 0, status: '', message: 'Not Authorized to access this resource/api' };
    const cache = new FakeCache();
    expect(new CachedDirectory(directory, cache, 'run-1').lookup(EMAILS)).toEqual({ ok: false, error: directory.failure, known: new Map() });
    directory.failure = null;
    expect(new CachedDirectory(directory, cache, 'run-1').lookup(EMAILS).ok).toBe(true);
    expect(directory.lookups).toHaveLength(2);
  });

  it('remembers what probes learned for the run, and still returns it when the directory refuses', () => {
    const directory = new FakeDirectory();
    directory.failure = { code: 0, status: '', message: 'Not Authorized to access this resource/api' };
    const cache = new FakeCache();
    const first = new CachedDirectory(directory, cache, 'run-1');
    expect(first.lookup(EMAILS).ok).toBe(false);
    first.remember(new Map([['alice@example.com', { kind: 'user', name: 'users/11' }]]));
    const next = new CachedDirectory(directory, cache, 'run-1').lookup(EMAILS);
    expect(next).toEqual({ ok: false, error: directory.failure, known: new Map([['alice@example.com', { kind: 'user', name: 'users/11' }]]) });
    // Asked only about what the run doesn't know yet.
    expect(directory.lookups[1]).toEqual(EMAILS.slice(1));
    expect(new CachedDirectory(directory, cache, 'run-2').lookup(EMAILS)).toEqual({ ok: false, error: directory.failure, known: new Map() });
  });

  it("keeps the directory's answer over a probe's (a suspension the probe can't tell)", () => {
    const directory = organisation();
    const cache = new FakeCache();
    const cached = new CachedDirectory(directory, cache, 'run-1');
    cached.lookup(EMAILS);
    const puts = cache.ttls.length;
    cached.remember(new Map([['gone@example.com', { kind: 'user', name: 'users/13' }]]));
    expect(cache.ttls).toHaveLength(puts);
    cached.remember(new Map([['ext@gmail.com', { kind: 'user', name: 'users/77' }]]));
    const next = new CachedDirectory(directory, cache, 'run-1').lookup(EMAILS);
    expect(next.ok && next.value.get('gone@example.com')).toEqual({ kind: 'user', name: 'users/13', suspended: true });
    expect(next.ok && next.value.get('ext@gmail.com')).toEqual({ kind: 'user', name: 'users/77' });
  });

  it('asks again when Google dropped the cache, and works without a cache that throws', () => {
    const directory = organisation();
    const cache = new FakeCache();
    new CachedDirectory(directory, cache, 'run-1').lookup(EMAILS);
    cache.drop();
    new CachedDirectory(directory, cache, 'run-1').lookup(EMAILS);
    expect(directory.lookups).toHaveLength(2);

    const broken: ShortTermCache = { getAll: () => { throw new Error('Service error: CacheService'); }, putAll: () => { throw new Error('Service error: CacheService'); } };
    const answered = new CachedDirectory(directory, broken, 'run-1').lookup(EMAILS);
    expect(answered.ok && answered.value.size).toBe(3);
  });

  it('splits many answers into values under 100 KB and reads them all back', () => {
    const directory = new FakeDirectory();
    const emails: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      const email = `someone.with.a.rather.long.name.${n}@example.com`;
      emails.push(email);
      if (n % 10 !== 0) directory.entries.set(email, { kind: 'user', name: `users/${100_000_000_000 + n}` });
    }
    const cache = new FakeCache();
    const first = new CachedDirectory(directory, cache, 'run-1').lookup(emails);
    expect(cache.values.size).toBeGreaterThan(10);
    const next = new CachedDirectory(directory, cache, 'run-1').lookup(emails);
    expect(directory.lookups).toHaveLength(1);
    expect(next.ok && next.value.size).toBe(18_000);
    const sameAnswers = first.ok && next.ok && emails.every((email) => JSON.stringify(first.value.get(email)) === JSON.stringify(next.value.get(email)));
    expect(sameAnswers).toBe(true);
  });

  describe('what the answers cover (who is NOT in the organisation)', () => {
    const covered = (domains: string[], view: 'admin' | 'domain_public' = 'admin') => {
      const directory = organisation();
      directory.coverage = { view, domains };
      return directory;
    };

    it("keeps an answer's coverage for the run's next execution, with the answers", () => {
      const directory = covered(['example.com']);
      const cache = new FakeCache();
      const first = new CachedDirectory(directory, cache, 'run-1').lookup(EMAILS);
      const next = new CachedDirectory(directory, cache, 'run-1').lookup(EMAILS);
      expect(directory.lookups).toHaveLength(1);
      expect(first).toEqual(next);
      expect(next.ok && next.coverage).toEqual({ view: 'admin', domains: ['example.com'] });
    });

    it('meets the coverages of the answers it holds: an absent email never reads as covered by a later answer', () => {
      const directory = covered([], 'domain_public');
      const cache = new FakeCache();
      new CachedDirectory(directory, cache, 'run-1').lookup(['nobody@example.com']);
      directory.coverage = { view: 'admin', domains: ['example.com'] };
      const next = new CachedDirectory(directory, cache, 'run-1').lookup(['nobody@example.com', 'alice@example.com']);
      expect(next.ok && next.coverage).toEqual({ view: 'domain_public', domains: [] });
    });

    it('takes a new answer’s coverage whole when no absent email is cached yet, and none from an answer without it', () => {
      const directory = covered(['example.com']);
      const cache = new FakeCache();
      new CachedDirectory(directory, cache, 'run-1').lookup(['alice@example.com']);
      directory.coverage = { view: 'admin', domains: ['example.com', 'example.org'] };
      const more = new CachedDirectory(directory, cache, 'run-1').lookup(['alice@example.com', 'x@example.org']);
      expect(more.ok && more.coverage).toEqual({ view: 'admin', domains: ['example.com', 'example.org'] });
      directory.coverage = undefined;
      const less = new CachedDirectory(directory, cache, 'run-1').lookup(['ext@gmail.com']);
      expect(less.ok && 'coverage' in less).toBe(false);
    });

    it('reads no coverage once Google dropped it, though answers remain', () => {
      const directory = covered(['example.com']);
      const cache = new FakeCache();
      new CachedDirectory(directory, cache, 'run-1').lookup(EMAILS);
      for (const key of [...cache.values.keys()]) if (key.endsWith('.coverage')) cache.values.delete(key);
      const next = new CachedDirectory(directory, cache, 'run-1').lookup(EMAILS);
      expect(directory.lookups).toHaveLength(1);
      expect(next.ok && 'coverage' in next).toBe(false);
    });
  });
});
