/**
 * What a later execution of a run must know about a row beyond its PENDING status, kept as data (DESIGN.md
 * §1 "reasons are data"; the Details column is never read back). One note today: "added by this run, its
 * role patch still to come" (reason queuedRolePatch), so that the next execution's patch reads ADDED, not
 * ROLE_UPDATED, and a patch that landed without its reply reads ADDED, not UNCHANGED.
 *
 * Kept in document properties beside the run record (runRecord.ts), under its own key and the run's id:
 * saved before every write of the sheet (so the store never lags what the sheet shows), read by the run's
 * next execution, removed when the run ends; a note of another run is ignored. One value holds 9 KB, so a
 * note is a few characters: `<row>.<cells>` in base 36, where <cells> is a digest of the row's Member and
 * Space cells. Rows move (an administrator inserts, deletes or sorts rows between executions): a note
 * whose row no longer holds those cells goes to the one row taken up that does, and is dropped when there
 * is none or several. Past MAX_NOTE_BYTES the last notes are dropped. A dropped note costs only words: the
 * row reads ROLE_UPDATED (or UNCHANGED) instead of ADDED; its membership is right either way.
 */
import type { RosterRow, RowOutcome } from '../model';
import type { KeyValueStore } from '../ports';

export const ROW_NOTES_KEY = 'chatRoster.run.notes';
/** Under the 9 KB a property value may hold, with room for the run id. */
const MAX_NOTE_BYTES = 8 * 1024;

interface Stored { run: string; added: string }

/** A 32-bit FNV-1a digest of a row's Member and Space cells, in base 36: which membership the row is about. */
export function cellsDigest(row: Pick<RosterRow, 'member' | 'space'>): string {
  const text = `${row.member}\n${row.space}`;
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

function parse(text: string | null): Stored | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { run, added } = value as Record<string, unknown>;
    return typeof run === 'string' && typeof added === 'string' ? { run, added } : null;
  } catch {
    return null;
  }
}

function rowsByDigest(rows: readonly RosterRow[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (const row of rows) {
    const digest = cellsDigest(row);
    const list = index.get(digest);
    if (list) list.push(row.sheetRow);
    else index.set(digest, [row.sheetRow]);
  }
  return index;
}

/** The sheet rows, among `rows`, that the encoded notes name (following rows that moved). */
export function decodeAdded(added: string, rows: readonly RosterRow[]): Set<number> {
  const found = new Set<number>();
  if (added === '') return found;
  const byRow = new Map(rows.map((row) => [row.sheetRow, row]));
  let byDigest: Map<string, number[]> | null = null;
  for (const note of added.split(',')) {
    const [rowText, digest] = note.split('.');
    const sheetRow = parseInt(rowText, 36);
    const row = byRow.get(sheetRow);
    if (row && cellsDigest(row) === digest) {
      found.add(sheetRow);
      continue;
    }
    byDigest ??= rowsByDigest(rows);
    const moved = byDigest.get(digest) ?? [];
    if (moved.length === 1) found.add(moved[0]);
  }
  return found;
}

/** The notes of `sheetRows`, in row order, as many as fit. */
export function encodeAdded(sheetRows: Iterable<number>, rows: ReadonlyMap<number, RosterRow>): string {
  const notes: string[] = [];
  let bytes = 0;
  for (const sheetRow of [...sheetRows].sort((a, b) => a - b)) {
    const row = rows.get(sheetRow);
    if (!row) continue;
    const note = `${sheetRow.toString(36)}.${cellsDigest(row)}`;
    bytes += note.length + 1;
    if (bytes > MAX_NOTE_BYTES) break;
    notes.push(note);
  }
  return notes.join(',');
}

/** The notes of one execution of a run: those it found, and those it leaves for the next one. */
export class RowNotes {
  /** Rows taken up now that an earlier execution of this run added, their role patch still to come. */
  readonly addedEarlier: ReadonlySet<number>;
  private readonly rows: ReadonlyMap<number, RosterRow>;
  /** What the store holds now (null: nothing). */
  private stored: string | null;

  /** Reads the run's notes (`rows`: the rows this execution takes up). */
  constructor(private readonly state: KeyValueStore, private readonly runId: string, rows: readonly RosterRow[]) {
    this.stored = state.get(ROW_NOTES_KEY);
    const notes = parse(this.stored);
    this.addedEarlier = notes && notes.run === runId ? decodeAdded(notes.added, rows) : new Set();
    this.rows = new Map(rows.map((row) => [row.sheetRow, row]));
  }

  /**
   * Before the sheet gets `outcomes`: notes for the rows added now whose role patch waits, and for the rows
   * noted before that are still PENDING.
   */
  keep(outcomes: readonly RowOutcome[]): void {
    const added = new Set<number>();
    for (const outcome of outcomes) {
      if (outcome.reason === 'queuedRolePatch') added.add(outcome.sheetRow);
      else if (outcome.status === 'PENDING' && this.addedEarlier.has(outcome.sheetRow)) added.add(outcome.sheetRow);
    }
    this.save(added.size === 0 ? null : JSON.stringify({ run: this.runId, added: encodeAdded(added, this.rows) }));
  }

  /** The run has ended: nothing left to know. */
  clear(): void {
    this.save(null);
  }

  private save(value: string | null): void {
    if (value === this.stored) return;
    try {
      if (value === null) this.state.remove(ROW_NOTES_KEY);
      else this.state.set(ROW_NOTES_KEY, value);
      this.stored = value;
    } catch {
      // Not kept: those rows will read ROLE_UPDATED instead of ADDED (their memberships are right).
    }
  }
}
