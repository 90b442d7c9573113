/**
 * The run's notes (rowNotes.ts): a Manager created by one execution whose role patch missed the deadline
 * reads ADDED when the next execution patches it — known from data kept beside the run record, never from
 * the Details column, and right even when rows moved in between.
 */
import type { KeyValueStore, MemberCall } from '../../../src/core/ports';
import type { RosterRow } from '../../../src/core/model';
import { runRoster, type RunDeps } from '../../../src/core/run/runRoster';
import { cellsDigest, decodeAdded, encodeAdded, ROW_NOTES_KEY } from '../../../src/core/run/rowNotes';
import { RUN_RECORD_KEY } from '../../../src/core/run/runRecord';
import { FakeChat, FakeDirectory, FakeStore, TestClock, rosterGrid, roundTrips } from '../fakes';

class MemoryState implements KeyValueStore {
  readonly values = new Map<string, string>();
  get(key: string) { return this.values.get(key) ?? null; }
  set(key: string, value: string) { this.values.set(key, value); }
  remove(key: string) { this.values.delete(key); }
}

/** Two Managers to add; the first execution's patches are refused with 503 until its 1 s budget is gone. */
function world() {
  const chat = new FakeChat().addSpace('spaces/A', 'Alpha');
  const directory = new FakeDirectory();
  const clock = new TestClock();
  roundTrips(chat, clock);
  for (const [email, id] of [['ann@example.com', '11'], ['bob@example.com', '12']]) {
    chat.person(email, id);
    directory.entries.set(email, { kind: 'user', name: `users/${id}` });
  }
  chat.person('me@example.com', '1');
  chat.seat('spaces/A', 'users/1', 'ROLE_MANAGER');
  const store = new FakeStore(rosterGrid([['ann@example.com', 'spaces/A', 'Manager'], ['bob@example.com', 'spaces/A', 'Manager']]));
  const state = new MemoryState();
  let refusing = true;
  chat.intercept = (call: MemberCall) => (refusing && call.method === 'patch'
    ? { code: 503, error: { code: 503, status: 'UNAVAILABLE', message: 'busy' } } : undefined);
  const deps: RunDeps = {
    store, chat, directory, clock, state, startedBy: 'me@example.com',
    options: { useAdminAccess: false, callerEmail: 'me@example.com' }, random: () => 0,
  };
  const first = runRoster({ ...deps, workBudgetMs: 1_000 }, 'apply');
  refusing = false;
  return { chat, store, state, deps, first };
}

const row = (sheetRow: number, member: string, space = 'spaces/A'): RosterRow =>
  ({ sheetRow, member, space, role: 'Manager', action: '', status: 'PENDING', details: '' });

describe('the run notes what the Details column only shows', () => {
  it('a create whose role patch waits is noted as data; the next execution reads ADDED; the run end forgets it', () => {
    const { store, state, deps, first } = world();
    expect(first.pending).toBe(2);
    expect(store.column('Details')).toEqual(Array(2).fill('Queued: added to the space; the role is set in the next execution.'));
    expect(JSON.parse(state.get(ROW_NOTES_KEY)!)).toEqual({ run: JSON.parse(state.get(RUN_RECORD_KEY)!).id, added: expect.any(String) });

    // Whatever the Details cells say now, the notes decide.
    store.grid![1][5] = 'edited by hand';
    store.grid![2][5] = '';
    const second = runRoster(deps, 'apply');
    expect(second.counts).toEqual({ ADDED: 2 });
    expect(store.column('Details')).toEqual(['Added to the space as Manager', 'Added to the space as Manager']);
    expect(state.get(ROW_NOTES_KEY)).toBeNull();
    expect(state.get(RUN_RECORD_KEY)).toBeNull();
  });

  it('follows a noted row that moved, and never lends its note to the row now in its place', () => {
    const { chat, store, deps } = world();
    // The administrator inserts a row in ann's place (carol, a Member to make Manager, queued too), and sorts bob above ann.
    chat.person('carol@example.com', '13');
    chat.seat('spaces/A', 'users/13', 'ROLE_MEMBER');
    const [header, ann, bob] = store.grid!;
    const carol = ['carol@example.com', 'spaces/A', 'Manager', '', 'PENDING', 'Queued: added to the space; the role is set in the next execution.', ''];
    store.grid = [header, carol, bob, ann];
    const second = runRoster(deps, 'apply');
    expect(second.counts).toEqual({ ADDED: 2, ROLE_UPDATED: 1 });
    expect(store.column('Status')).toEqual(['ROLE_UPDATED', 'ADDED', 'ADDED']);
    expect(store.column('Details')).toEqual(['Role changed from Member to Manager', 'Added to the space as Manager', 'Added to the space as Manager']);
  });

  it('a note of another run is ignored, and removed', () => {
    const { store, state, deps } = world();
    state.set(ROW_NOTES_KEY, JSON.stringify({ run: 'run-other', added: JSON.parse(state.get(ROW_NOTES_KEY)!).added }));
    const second = runRoster(deps, 'apply');
    // Without the notes the patch is a role change: the words differ, the memberships are the same.
    expect(second.counts).toEqual({ ROLE_UPDATED: 2 });
    expect(store.column('Status')).toEqual(['ROLE_UPDATED', 'ROLE_UPDATED']);
    expect(state.get(ROW_NOTES_KEY)).toBeNull();
  });
});

describe('notes, compactly', () => {
  const rows = [row(2, 'ann@example.com'), row(3, 'bob@example.com'), row(40, 'ann@example.com', 'spaces/B')];

  it('name a row by number and by its cells', () => {
    const encoded = encodeAdded([40, 2], new Map(rows.map((r) => [r.sheetRow, r])));
    expect(encoded).toBe(`2.${cellsDigest(rows[0])},14.${cellsDigest(rows[2])}`);
    expect(decodeAdded(encoded, rows)).toEqual(new Set([2, 40]));
  });

  it('drop a note whose cells are nowhere, or in two rows', () => {
    const note = `2.${cellsDigest(rows[0])}`;
    expect(decodeAdded(note, [row(2, 'zed@example.com')])).toEqual(new Set());
    expect(decodeAdded(note, [row(5, 'ann@example.com'), row(6, 'ann@example.com')])).toEqual(new Set());
    expect(decodeAdded(note, [row(5, 'ann@example.com')])).toEqual(new Set([5]));
  });

  it('fit in one property value (9 KB) however many rows wait', () => {
    const many = Array.from({ length: 5000 }, (_, n) => row(n + 2, `p${n}@example.com`));
    const encoded = encodeAdded(many.map((r) => r.sheetRow), new Map(many.map((r) => [r.sheetRow, r])));
    expect(encoded.length).toBeLessThanOrEqual(8 * 1024);
    expect(encoded.split(',').length).toBeGreaterThan(500);
  });
});
