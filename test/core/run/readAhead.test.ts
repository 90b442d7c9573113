/**
 * Reads overlap writes: an Apply over many spaces starts adding people after listing the first group of
 * spaces, not all of them, and an execution lists only the spaces it gets to; the others wait, PENDING,
 * and the run still ends with every row right, each person added once.
 */
import type { MemberCall } from '../../../src/core/ports';
import { runRoster, type RunDeps } from '../../../src/core/run/runRoster';
import { GROUP_SPACES, PART_PROBES } from '../../../src/core/run/readAhead';
import { FakeChat, FakeDirectory, FakeStore, TestClock, rosterGrid, roundTrips } from '../fakes';

const SPACES = 300;
const ROWS_PER_SPACE = 4;

function world() {
  const chat = new FakeChat();
  const clock = new TestClock();
  roundTrips(chat, clock);
  const rows: string[][] = [];
  for (let s = 0; s < SPACES; s++) {
    chat.addSpace(`spaces/S${s}`, `Team ${s}`);
    chat.seat(`spaces/S${s}`, 'users/1', 'ROLE_MANAGER');
  }
  // Row r in space r mod SPACES, as a roster sorted by person looks.
  for (let r = 0; r < SPACES * ROWS_PER_SPACE; r++) rows.push([`users/${1000 + r}`, `spaces/S${r % SPACES}`]);
  const store = new FakeStore(rosterGrid(rows));
  const deps: RunDeps = {
    store, chat, directory: new FakeDirectory(), clock,
    options: { useAdminAccess: false, callerEmail: 'me@example.com', callerName: 'users/1' },
    // A minute of work: about 300 writes, far fewer than the 1,200 rows.
    workBudgetMs: 60_000,
  };
  return { chat, deps, store };
}

const isList = (call: MemberCall) => call.method === 'list';
const isCreate = (call: MemberCall) => call.method === 'create';

it('adds the first people after listing one group of spaces, and lists only the spaces it gets to', () => {
  const { chat, deps, store } = world();
  const report = runRoster(deps, 'apply');
  const firstCreate = chat.calls.findIndex(isCreate);
  expect(firstCreate).toBeGreaterThan(0);
  expect(chat.calls.slice(0, firstCreate).filter(isList).length).toBeLessThanOrEqual(GROUP_SPACES);

  const listed = new Set(chat.calls.filter(isList).map((call) => (call.method === 'list' ? call.parent : '')));
  expect(listed.size).toBeLessThan(SPACES);
  expect(report.pending).toBeGreaterThan(0);
  // Rows of spaces never listed wait for the next execution; none is an error.
  const statuses = store.column('Status');
  expect(statuses.filter((status) => status === 'ERROR')).toEqual([]);
  expect(statuses.filter((status) => status === 'PENDING')).toHaveLength(report.pending);
});

it('finishes over several executions with every row added once', () => {
  const { chat, deps, store } = world();
  let report = runRoster(deps, 'apply');
  for (let n = 0; n < 20 && report.pending > 0; n++) report = runRoster(deps, 'apply');
  expect(report.pending).toBe(0);
  expect(store.column('Status').every((status) => status === 'ADDED')).toBe(true);
  const creates = chat.calls.filter(isCreate).map((call) => (call.method === 'create' ? `${call.parent} ${call.membership.member?.name}` : ''));
  expect(new Set(creates).size).toBe(SPACES * ROWS_PER_SPACE);
  expect(creates).toHaveLength(SPACES * ROWS_PER_SPACE);
});

it('in a space of people known only by email, starts adding after the first probes, not after all of them', () => {
  const chat = new FakeChat().addSpace('spaces/BIG', 'Big');
  chat.seat('spaces/BIG', 'users/1', 'ROLE_MANAGER');
  const clock = new TestClock();
  roundTrips(chat, clock);
  const directory = new FakeDirectory();
  directory.failure = { code: 403, status: 'PERMISSION_DENIED', message: 'Not Authorized to access this resource/api' };
  const rows: string[][] = [];
  for (let p = 0; p < 400; p++) rows.push([`p${p}@example.com`, 'spaces/BIG']);
  const store = new FakeStore(rosterGrid(rows));
  const report = runRoster({
    store, chat, directory, clock, options: { useAdminAccess: false, callerEmail: 'me@example.com', callerName: 'users/1' }, workBudgetMs: 120_000,
  }, 'apply');
  const probes = chat.calls.filter((call) => call.method === 'get');
  const firstCreate = chat.calls.findIndex(isCreate);
  expect(probes.length).toBe(400);
  // The first part's probes, and the next part's already on their way beside them.
  expect(chat.calls.slice(0, firstCreate).filter((call) => call.method === 'get').length).toBeLessThanOrEqual(2 * PART_PROBES);
  expect(report.pending).toBe(0);
  expect(store.column('Status').filter((status) => status === 'ADDED')).toHaveLength(400);
});

it('an add and a removal that turn out to name one person still meet, however many probes lie between them', () => {
  const chat = new FakeChat().addSpace('spaces/BIG', 'Big');
  chat.seat('spaces/BIG', 'users/1', 'ROLE_MANAGER');
  const clock = new TestClock();
  const directory = new FakeDirectory();
  directory.failure = { code: 403, status: 'PERMISSION_DENIED', message: 'Not Authorized to access this resource/api' };
  // ana@ and her alias anna@ are one person to Chat; 100 other people lie between the two rows.
  const ana = chat.person('ana@example.com', '7');
  chat.people.set('anna@example.com', ana);
  chat.seat('spaces/BIG', ana);
  const rows: string[][] = [['ana@example.com', 'spaces/BIG']];
  for (let p = 0; p < 100; p++) rows.push([`p${p}@example.com`, 'spaces/BIG']);
  rows.push(['anna@example.com', 'spaces/BIG', '', 'remove']);
  const store = new FakeStore(rosterGrid(rows));
  runRoster({ store, chat, directory, clock, options: { useAdminAccess: false, callerEmail: 'me@example.com', callerName: 'users/1' } }, 'apply');
  const statuses = store.column('Status');
  expect([statuses[0], statuses[statuses.length - 1]]).toEqual(['INVALID', 'INVALID']);
  expect(chat.members.get('spaces/BIG')!.has(ana)).toBe(true);
});
