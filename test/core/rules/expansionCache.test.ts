/** A run's later executions reuse the rules' Directory answers; a new run, or an answer Google dropped, asks again. */
import { RUN_ANSWERS_TTL_SECONDS } from '../../../src/core/cacheChunks';
import type { Rule } from '../../../src/core/model';
import { expandRules } from '../../../src/core/rules/expandRules';
import { CachedPeopleDirectory } from '../../../src/core/rules/expansionCache';
import { FakeCache, FakePeopleDirectory } from '../fakes';

const SPACE = { kind: 'name', name: 'spaces/AAAA' } as const;
const RULES: Rule[] = [
  { sheetRow: 2, source: { kind: 'ou', path: '/Sales', below: true }, space: SPACE, role: 'ROLE_MEMBER' },
  { sheetRow: 3, source: { kind: 'group', email: 'team@example.com' }, space: SPACE, role: 'ROLE_MEMBER' },
  { sheetRow: 4, source: { kind: 'query', query: "orgTitle='Astronaut'" }, space: SPACE, role: 'ROLE_MEMBER' },
];

function organisation(people = 3): FakePeopleDirectory {
  const directory = new FakePeopleDirectory();
  for (let index = 0; index < people; index++) directory.person(`p${index}@example.com`, String(1000 + index), index % 2 ? '/Sales/EMEA' : '/Sales');
  directory.person('gone@example.com', '9', '/Sales', { suspended: true });
  directory.person('old@example.com', '8', '/Sales', { archived: true });
  directory.groups.set('team@example.com', directory.people.slice(0, 2));
  return directory;
}

/** One execution of the run: a fresh wrapper over the same cache, as compose.ts builds one per execution. */
const execution = (directory: FakePeopleDirectory, cache: FakeCache, runId = 'run-1') => expandRules(RULES, new CachedPeopleDirectory(directory, cache, runId));

describe('CachedPeopleDirectory', () => {
  it("answers a run's next execution from the cache, with the same people, without asking the Directory", () => {
    const directory = organisation();
    const cache = new FakeCache();
    const first = execution(directory, cache);
    expect(directory.asks).toHaveLength(3);
    const next = execution(directory, cache);
    expect(directory.asks).toHaveLength(3);
    expect(next).toEqual(first);
    expect(next.people.get(4)).toEqual([]);
    expect(cache.ttls.every((ttl) => ttl === RUN_ANSWERS_TTL_SECONDS)).toBe(true);
  });

  it('keeps what the core decides by: suspension, archiving and units survive the cache', () => {
    const directory = organisation();
    const cache = new FakeCache();
    execution(directory, cache);
    const again = new CachedPeopleDirectory(directory, cache, 'run-1').searchUsers("orgUnitPath='/Sales'");
    expect(again).toEqual(directory.searchUsers("orgUnitPath='/Sales'"));
    expect(directory.asks.filter((ask) => ask.startsWith('search:orgUnitPath'))).toHaveLength(2);
  });

  it('asks again when Google dropped the values, whole or one chunk of an answer', () => {
    const directory = organisation(4000);
    const cache = new FakeCache();
    execution(directory, cache);
    const chunks = [...cache.values.keys()].filter((key) => !key.endsWith('.index'));
    expect(chunks.length).toBeGreaterThan(3); // 4,000 people take more than one chunk: each under 100 KB (FakeCache throws otherwise)
    cache.values.delete(chunks[1]);
    execution(directory, cache);
    expect(directory.asks).toEqual([...directory.asks.slice(0, 3), "search:orgUnitPath='/Sales'"]);
    cache.drop();
    execution(directory, cache);
    expect(directory.asks).toHaveLength(7);
  });

  it('a new run asks afresh: the nightly sync sees newcomers and leavers', () => {
    const directory = organisation();
    const cache = new FakeCache();
    execution(directory, cache, 'run-1');
    directory.person('new@example.com', '77', '/Sales');
    const fresh = execution(directory, cache, 'run-2');
    expect(directory.asks).toHaveLength(6);
    expect(fresh.people.get(2)?.map((person) => person.email)).toContain('new@example.com');
  });

  it('keeps no failure: a Directory outage now is asked again next execution', () => {
    const directory = organisation();
    directory.failures.set('group:team@example.com', { code: 503, status: 'UNAVAILABLE', message: 'Backend Error' });
    const cache = new FakeCache();
    expect(execution(directory, cache).failed.map((outcome) => outcome.status)).toEqual(['ERROR']);
    directory.failures.clear();
    const next = execution(directory, cache);
    expect(next.failed).toEqual([]);
    expect(directory.asks).toEqual(["search:orgUnitPath='/Sales'", 'group:team@example.com', "search:orgTitle='Astronaut'", 'group:team@example.com']);
  });

  it('works without a cache that works: every execution asks', () => {
    const directory = organisation();
    const broken = new FakeCache();
    broken.getAll = () => { throw new Error('Service Cache failed'); };
    broken.putAll = () => { throw new Error('Service Cache failed'); };
    expect(execution(directory, broken).people.get(2)).toHaveLength(3);
    expect(execution(directory, broken).people.get(2)).toHaveLength(3);
    expect(directory.asks).toHaveLength(6);
  });
});
