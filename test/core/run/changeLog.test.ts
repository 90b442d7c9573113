/** The run's change rows and run row, through runRoster with fakes: what each says, when they are written, the trim. */
import type { KeyValueStore, RunLog } from '../../../src/core/ports';
import { runRoster, type RunDeps } from '../../../src/core/run/runRoster';
import { LOG_FIELD_INDEX, LOG_HEADERS } from '../../../src/core/run/logLayout';
import { FakeChat, FakeDirectory, FakeStore, TestClock, rosterGrid } from '../fakes';

class MemoryState implements KeyValueStore {
  readonly values = new Map<string, string>();
  get(key: string) { return this.values.get(key) ?? null; }
  set(key: string, value: string) { this.values.set(key, value); }
  remove(key: string) { this.values.delete(key); }
}

class MemoryLog implements RunLog {
  rows: string[][] = [[...LOG_HEADERS]];
  readonly calls: string[] = [];
  lastRow() { this.calls.push('lastRow'); return this.rows.length; }
  write(row: number, rows: string[][]) { this.calls.push('write'); this.rows.splice(row - 1, rows.length, ...rows); }
  deleteRows(first: number, count: number) { this.calls.push('deleteRows'); this.rows.splice(first - 1, count); }
  entries(): Record<string, string>[] {
    return this.rows.slice(1).map((row) => Object.fromEntries(LOG_HEADERS.map((header, index) => [header, row[index]])));
  }
}

function world(rows: string[][], logMaxRows?: number) {
  const chat = new FakeChat().addSpace('spaces/A', 'Alpha');
  chat.person('me@example.com', '1');
  chat.seat('spaces/A', 'users/1', 'ROLE_MANAGER');
  const directory = new FakeDirectory();
  for (const [index, email] of ['ann@example.com', 'bo@example.com', 'cy@example.com'].entries()) {
    chat.person(email, String(10 + index));
    directory.entries.set(email, { kind: 'user', name: `users/${10 + index}` });
  }
  chat.seat('spaces/A', 'users/12', 'ROLE_ASSISTANT_MANAGER');
  const log = new MemoryLog();
  const deps: RunDeps = {
    store: new FakeStore(rosterGrid(rows)), chat, directory, clock: new TestClock(), state: new MemoryState(), log, logMaxRows,
    startedBy: 'nightly sync', options: { useAdminAccess: false, callerEmail: 'me@example.com' },
  };
  return { deps, log };
}

const ROWS = [
  [' Ann@Example.com', 'spaces/A', ''],
  ['bo@example.com', 'Alpha', 'Owner'],
  ['cy@example.com', 'spaces/A', '', 'remove'],
];

describe('the change log of a run', () => {
  it('logs each change with the account, the space as named, the member, before → after and its roster row; then the run', () => {
    const { deps, log } = world(ROWS);
    const report = runRoster(deps, 'apply');
    expect(report.pending).toBe(0);
    const entries = log.entries();
    expect(entries.map((e) => [e.Kind, e.Account, e.Space, e['Space ID'], e.Member, e.Change, e.Source])).toEqual([
      ['change', 'me@example.com', 'Alpha', 'spaces/A', 'ann@example.com', 'absent → Member', 'roster row 2'],
      ['change', 'me@example.com', 'Alpha', 'spaces/A', 'bo@example.com', 'absent → Member', 'roster row 3'],
      ['change', 'me@example.com', 'Alpha', 'spaces/A', 'cy@example.com', 'Manager → absent', 'roster row 4'],
      ['change', 'me@example.com', 'Alpha', 'spaces/A', 'bo@example.com', 'Member → Owner', 'roster row 3'],
      ['run', 'me@example.com', '', '', '', '', ''],
    ]);
    const run = entries[4];
    expect(entries.every((e) => e.Run === run.Run && e.Time !== '')).toBe(true);
    expect(run['Started by']).toBe('nightly sync');
    expect(run.Added).toBe('2');
    // One read of where the log ends, one write for the lot (the changes and the run row together).
    expect(log.calls).toEqual(['lastRow', 'write']);
  });

  it('logs nothing for a preview, and a run row only when nothing changed', () => {
    const { deps, log } = world(ROWS);
    runRoster(deps, 'preview');
    expect(log.calls).toEqual([]);
    runRoster(deps, 'apply');
    runRoster(deps, 'apply');
    expect(log.entries().map((e) => e.Kind)).toEqual(['change', 'change', 'change', 'change', 'run', 'run']);
  });

  it('trims the oldest rows past the limit (here 5)', () => {
    const { deps, log } = world(ROWS, 5);
    runRoster(deps, 'apply');
    runRoster(deps, 'apply');
    expect(log.rows).toHaveLength(1 + 5);
    expect(log.rows[0]).toEqual(LOG_HEADERS);
    expect(log.entries().map((e) => e.Kind)).toEqual(['change', 'change', 'change', 'run', 'run']);
    expect(log.rows[5][LOG_FIELD_INDEX.kind]).toBe('run');
  });

  it('writes what Chat and the roster name as plain text, never a formula', () => {
    const { deps, log } = world(ROWS);
    (deps.chat as FakeChat).addSpace('spaces/F', '=HYPERLINK("http://example.com")');
    deps.store = new FakeStore(rosterGrid([['ann@example.com', 'spaces/F']]));
    (deps.chat as FakeChat).seat('spaces/F', 'users/1', 'ROLE_MANAGER');
    runRoster(deps, 'apply');
    expect(log.entries()[0].Space).toBe(`'=HYPERLINK("http://example.com")`);
  });

  it('a log that cannot be written does not stop the run; its rows wait for the next flush', () => {
    const { deps, log } = world(ROWS);
    log.write = () => { throw new Error('The sheet is protected.'); };
    const report = runRoster(deps, 'apply');
    expect(report.pending).toBe(0);
    expect(report.message).not.toMatch(/could not be written/);
  });
});
