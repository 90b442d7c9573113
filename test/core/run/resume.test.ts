/**
 * The sheet is the checkpoint: a run that meets the execution's deadline leaves its unfinished rows
 * PENDING, the next execution does only those, and the run is logged once when it ends.
 */
import type { KeyValueStore, RunLog } from '../../../src/core/ports';
import { runRoster, type RunDeps } from '../../../src/core/run/runRoster';
import { RUN_RECORD_KEY } from '../../../src/core/run/runRecord';
import { LOG_FIELD_INDEX, LOG_HEADERS } from '../../../src/core/run/logLayout';
import { FakeCache, FakeChat, FakeDirectory, FakeStore, TestClock, rosterGrid, roundTrips } from '../fakes';

class MemoryState implements KeyValueStore {
  readonly values = new Map<string, string>();
  get(key: string) { return this.values.get(key) ?? null; }
  set(key: string, value: string) { this.values.set(key, value); }
  remove(key: string) { this.values.delete(key); }
}

function bigRoster(people: number) {
  const chat = new FakeChat().addSpace('spaces/A', 'Alpha').addSpace('spaces/B', 'Beta');
  const directory = new FakeDirectory();
  const clock = new TestClock();
  roundTrips(chat, clock);
  const rows: string[][] = [];
  for (let i = 0; i < people; i++) {
    const email = `p${i}@example.com`;
    chat.person(email, String(100 + i));
    directory.entries.set(email, { kind: 'user', name: `users/${100 + i}` });
    rows.push([email, i % 2 ? 'spaces/A' : 'spaces/B', i % 10 === 0 ? 'Manager' : '']);
  }
  chat.person('me@example.com', '1');
  chat.seat('spaces/A', 'users/1', 'ROLE_MANAGER');
  chat.seat('spaces/B', 'users/1', 'ROLE_MANAGER');
  const store = new FakeStore(rosterGrid(rows));
  const state = new MemoryState();
  const logged: string[][] = [];
  const log: RunLog = {
    lastRow: () => logged.length + 1,
    write: (row, rows) => { logged.splice(row - 2, rows.length, ...rows); },
    deleteRows: (first, count) => { logged.splice(first - 2, count); },
  };
  const deps: RunDeps = {
    store, chat, directory, clock, state, log, startedBy: 'me@example.com',
    options: { useAdminAccess: false, callerEmail: 'me@example.com' },
    workBudgetMs: 20_000,
  };
  return { chat, store, state, logged, deps };
}

describe('a run longer than one execution', () => {
  it('leaves PENDING rows, continues only those, and converges with no write twice', () => {
    const { chat, store, state, logged, deps } = bigRoster(300);
    const reports = [];
    do reports.push(runRoster(deps, 'apply'));
    while (reports[reports.length - 1].pending > 0 && reports.length < 20);

    expect(reports.length).toBeGreaterThanOrEqual(3);
    expect(reports[0].pending).toBeGreaterThan(0);
    expect(reports[0].message).toMatch(/^Working: \d+ of 300 rows done/);
    const last = reports[reports.length - 1];
    expect(last).toMatchObject({ rows: 300, done: 300, pending: 0 });
    expect(last.counts.ADDED).toBe(300);
    expect(store.column('Status').every((status) => status === 'ADDED')).toBe(true);
    expect(store.column('Details').filter((d) => d === 'Added to the space as Manager')).toHaveLength(30);

    const creates = chat.writes().filter((call) => call.method === 'create').map((call) => JSON.stringify(call));
    expect(new Set(creates).size).toBe(creates.length);
    expect(creates).toHaveLength(300);
    expect(chat.writes().filter((call) => call.method === 'patch')).toHaveLength(30);

    expect(state.get(RUN_RECORD_KEY)).toBeNull();
    const runRows = logged.filter((row) => row[LOG_FIELD_INDEX.kind] === 'run');
    expect(runRows).toHaveLength(1);
    expect(logged[logged.length - 1]).toBe(runRows[0]);
    expect(runRows[0][LOG_FIELD_INDEX.executions]).toBe(String(reports.length));
    expect(runRows[0][LOG_HEADERS.indexOf('Added')]).toBe('300');
    // One change row per successful write: 300 creates and 30 role patches.
    const changes = logged.filter((row) => row[LOG_FIELD_INDEX.kind] === 'change').map((row) => row[LOG_FIELD_INDEX.change]);
    expect(changes.filter((change) => change === 'absent → Member')).toHaveLength(300);
    expect(changes.filter((change) => change === 'Member → Manager')).toHaveLength(30);
    expect(changes).toHaveLength(330);
  });

  it('keeps the run record between executions, so the hourly trigger knows to continue', () => {
    const { state, deps } = bigRoster(200);
    const first = runRoster(deps, 'apply');
    expect(first.pending).toBeGreaterThan(0);
    const record = JSON.parse(state.get(RUN_RECORD_KEY)!);
    expect(record).toMatchObject({ executions: 1, startedBy: 'me@example.com' });
    runRoster(deps, 'apply');
    expect(JSON.parse(state.get(RUN_RECORD_KEY) ?? '{"executions":2}').executions).toBe(2);
  });

  it('shows progress in the sheet while the execution goes on', () => {
    const { store, deps } = bigRoster(200);
    runRoster({ ...deps, workBudgetMs: 60_000 }, 'apply');
    // One progress write every 15 s of a 60 s budget, and the final one.
    expect(store.writes.length).toBeGreaterThanOrEqual(3);
  });

  it("asks the directory once per run: later executions reuse its answers from the document cache", () => {
    const { deps } = bigRoster(300);
    const directory = deps.directory as FakeDirectory;
    const cache = new FakeCache();
    const reports = [];
    do reports.push(runRoster({ ...deps, cache }, 'apply'));
    while (reports[reports.length - 1].pending > 0 && reports.length < 20);
    expect(reports.length).toBeGreaterThanOrEqual(3);
    expect(reports[reports.length - 1].counts.ADDED).toBe(300);
    expect(directory.lookups).toHaveLength(1);
    expect(directory.lookups[0]).toHaveLength(301); // every roster email, and the caller's

    // The next run asks again: a suspension made since then counts.
    runRoster({ ...deps, cache }, 'apply');
    expect(directory.lookups).toHaveLength(2);
  });

  it('a preview never leaves rows PENDING and starts no run', () => {
    const { store, state, deps } = bigRoster(100);
    const report = runRoster(deps, 'preview');
    expect(report.pending).toBe(0);
    expect(store.column('Status').every((status) => status === 'WOULD_ADD')).toBe(true);
    expect(state.get(RUN_RECORD_KEY)).toBeNull();
  });
});

describe('a new Manager whose role patch misses the deadline', () => {
  it('stays PENDING with a note, and the next execution reports it ADDED, not a role change', () => {
    const { chat, store, deps } = bigRoster(1);
    store.grid![1][2] = 'Manager';
    let patchesRefused = 0;
    chat.intercept = (call) => {
      if (call.method !== 'patch' || patchesRefused >= 4) return undefined;
      patchesRefused++;
      return { code: 503, error: { code: 503, status: 'UNAVAILABLE', message: 'busy' } };
    };
    const first = runRoster({ ...deps, workBudgetMs: 1_000, random: () => 0 }, 'apply');
    expect(first.pending).toBe(1);
    expect(store.column('Details')[0]).toBe('Queued: added to the space; the role is set in the next execution.');

    const second = runRoster({ ...deps, random: () => 0 }, 'apply');
    expect(second.counts).toEqual({ ADDED: 1 });
    expect(store.column('Details')[0]).toBe('Added to the space as Manager');
    expect(chat.writes().filter((call) => call.method === 'create')).toHaveLength(1);
  });
});
