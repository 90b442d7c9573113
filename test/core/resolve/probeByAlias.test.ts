/**
 * A caller without directory access learns ids from Chat (members.get by email alias). A run spanning
 * executions remembers those answers in the run's cache, so the next execution doesn't probe them again.
 */
import type { Membership } from '../../../src/core/model';
import type { KeyValueStore, MemberCall } from '../../../src/core/ports';
import { runRoster, type RunDeps } from '../../../src/core/run/runRoster';
import { FakeCache, FakeChat, FakeDirectory, FakeStore, TestClock, rosterGrid, roundTrips } from '../fakes';

class MemoryState implements KeyValueStore {
  readonly values = new Map<string, string>();
  get(key: string) { return this.values.get(key) ?? null; }
  set(key: string, value: string) { this.values.set(key, value); }
  remove(key: string) { this.values.delete(key); }
}

const PEOPLE = 200;
const email = (i: number) => `p${i}@example.com`;

/**
 * Everyone is already in Alpha (the caller reads that row's answer from a probe) and is to be added to
 * Beta; at 300 ms a call and 25 s of work, the first execution leaves Beta's adds PENDING.
 */
function world(options: { cache: boolean; affiliation?: string }) {
  const chat = new FakeChat().addSpace('spaces/A', 'Alpha').addSpace('spaces/B', 'Beta');
  const directory = new FakeDirectory();
  directory.failure = { code: 0, status: '', message: 'Not Authorized to access this resource/api' };
  const clock = new TestClock();
  roundTrips(chat, clock);
  chat.person('me@example.com', '1');
  chat.seat('spaces/A', 'users/1', 'ROLE_MANAGER');
  chat.seat('spaces/B', 'users/1', 'ROLE_MANAGER');
  const rows: string[][] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const name = chat.person(email(i), String(100 + i));
    chat.seat('spaces/A', name);
    // Chat marks members of the caller's organisation (the newest Membership field; FakeChat copies it).
    if (options.affiliation) (chat.members.get('spaces/A')!.get(name) as Membership & { affiliation?: string }).affiliation = options.affiliation;
    rows.push([email(i), 'spaces/A'], [email(i), 'spaces/B']);
  }
  const deps: RunDeps = {
    store: new FakeStore(rosterGrid(rows)), chat, directory, clock, state: new MemoryState(),
    cache: options.cache ? new FakeCache() : undefined,
    options: { useAdminAccess: false, callerEmail: 'me@example.com' },
    workBudgetMs: 25_000,
  };
  return { chat, deps };
}

const probesOf = (calls: readonly MemberCall[]) => calls.filter((call) => call.method === 'get' && call.name.includes('@'));
/** Emails whose probe found them (in Alpha, where everyone is). */
const resolvedBy = (calls: readonly MemberCall[]) =>
  new Set(probesOf(calls).map((call) => (call.method === 'get' ? call.name : '')).filter((name) => name.startsWith('spaces/A/')).map((name) => name.slice('spaces/A/members/'.length)));

describe('probe answers, kept for the run', () => {
  it('the second execution makes no probe for an email the first one resolved', () => {
    const { chat, deps } = world({ cache: true, affiliation: 'INTERNAL' });
    const first = runRoster(deps, 'apply');
    expect(first.pending).toBeGreaterThan(0);
    const firstCalls = chat.calls.length;
    const resolved = resolvedBy(chat.calls);
    expect(resolved.size).toBeGreaterThan(0);

    runRoster(deps, 'apply');
    const later = chat.calls.slice(firstCalls);
    expect(probesOf(later).filter((call) => call.method === 'get' && resolved.has(call.name.slice(call.name.lastIndexOf('/') + 1)))).toEqual([]);
    // Their Beta rows were still to do, and are added by the id the first execution's probe told.
    const resolvedIds = new Set([...resolved].map((address) => chat.people.get(address)));
    const creates = later.filter((call) => call.method === 'create' && resolvedIds.has(call.membership.member?.name ?? ''));
    expect(creates.length).toBeGreaterThan(0);
  });

  it('without the cache, or without affiliation INTERNAL, the next execution probes those emails again', () => {
    for (const options of [{ cache: false, affiliation: 'INTERNAL' }, { cache: true, affiliation: 'EXTERNAL' }, { cache: true }]) {
      const { chat, deps } = world(options);
      expect(runRoster(deps, 'apply').pending).toBeGreaterThan(0);
      const firstCalls = chat.calls.length;
      const resolved = resolvedBy(chat.calls);
      runRoster(deps, 'apply');
      const again = probesOf(chat.calls.slice(firstCalls)).filter((call) => call.method === 'get' && resolved.has(call.name.slice(call.name.lastIndexOf('/') + 1)));
      expect(again.length).toBeGreaterThan(0);
    }
  });

  it('finishes the run with every row right', () => {
    const { chat, deps } = world({ cache: true, affiliation: 'INTERNAL' });
    let report = runRoster(deps, 'apply');
    for (let i = 0; i < 10 && report.pending > 0; i++) report = runRoster(deps, 'apply');
    expect(report).toMatchObject({ pending: 0 });
    expect(chat.members.get('spaces/B')!.size).toBe(PEOPLE + 1);
    expect((deps.store as FakeStore).column('Status').filter((status) => status === 'ERROR')).toEqual([]);
  });
});
