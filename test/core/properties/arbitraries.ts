/**
 * fast-check arbitraries for whole sheets: every cell is either a value the organisation of org.ts knows
 * (so plans have real work: adds, role changes, removals, mirrors, rules) or anything getValues can return —
 * random unicode, 50,000-character strings, text that looks like a formula, numbers (NaN and infinities
 * included), dates (invalid ones too), booleans, error values like #N/A, empties — in ragged rows with
 * blank ones between them.
 */
import fc from 'fast-check';
import { MEMBERS, SPACES, UNKNOWN_MEMBER_CELLS, UNKNOWN_SPACE_CELLS, type Seat, type Sheets } from './org';

const LONG = 50_000;

/** What a cell can hold that no sheet of ours expects. */
export const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 2 },
  { arbitrary: fc.constantFrom('=IMPORTXML("http://x","//a")', '+cmd', '@x', '-1+1', '=1+1', '#N/A', '#REF!', '#ERROR!', '#DIV/0!', "'quoted", 'PENDING', 'ADDED', ' ', '\t\n'), weight: 3 },
  { arbitrary: fc.oneof(fc.integer(), fc.double()), weight: 2 },
  { arbitrary: fc.date({ noInvalidDate: false }), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom<unknown>('', null, undefined, {}, []), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }).map((seed) => seed.repeat(Math.ceil(LONG / seed.length)).slice(0, LONG)), weight: 1 },
);

/** Mostly one of `known`, sometimes anything. */
function cellFrom(known: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 5 }, { arbitrary: anyCell, weight: 1 });
}

const memberCell = cellFrom([...MEMBERS.flatMap((member) => member.cells), ...UNKNOWN_MEMBER_CELLS]);
const spaceCell = cellFrom([...SPACES.flatMap((space) => space.cells), ...UNKNOWN_SPACE_CELLS]);
const roleCell = cellFrom(['', '', 'Member', 'manager', 'Owner', ' OWNER ', 'admin']);
const actionCell = cellFrom(['', '', 'add', 'remove', 'REMOVE ', 'delete']);

/** Rows of `columns`, each cut short at random (ragged), some left blank. */
function rows(columns: readonly fc.Arbitrary<unknown>[], maxRows: number): fc.Arbitrary<unknown[][]> {
  const row = fc.tuple(fc.tuple(...columns), fc.nat(columns.length + 2), fc.boolean())
    .map(([cells, keep, long]) => (long ? [...cells, ''] : cells.slice(0, Math.max(keep, 2))));
  return fc.array(fc.oneof({ arbitrary: row, weight: 9 }, { arbitrary: fc.constant<unknown[]>([]), weight: 1 }), { maxLength: maxRows });
}

/** Output columns may already hold anything: an earlier run's words, or an administrator's. */
const outputCell = fc.oneof(fc.constantFrom('', '', 'PENDING', 'ADDED', 'WOULD_ADD'), anyCell);

export function rosterGrid(maxRows: number): fc.Arbitrary<unknown[][]> {
  return rows([memberCell, spaceCell, roleCell, actionCell, outputCell, outputCell, outputCell], maxRows)
    .map((body) => [['Member', 'Space', 'Role', 'Action', 'Status', 'Details', 'Updated'], ...body]);
}

function spacesGrid(maxRows: number): fc.Arbitrary<unknown[][]> {
  const mode = cellFrom(['', 'add-only', 'mirror', ' Mirror ', 'bogus']);
  const maxRemoval = cellFrom(['', '20', '100', 100, '0', '-5', 'abc', '50%']);
  return rows([spaceCell, mode, maxRemoval, outputCell, outputCell], maxRows)
    .map((body) => [['Space', 'Mode', 'Max removal %', 'Status', 'Details', 'Updated'], ...body]);
}

function rulesGrid(maxRows: number): fc.Arbitrary<unknown[][]> {
  const source = cellFrom(['ou:/Sales', 'ou=/Sales', 'OU:/eng', 'group:team@example.com', 'group:nogroup@example.com', 'domain', 'query:x', 'ou:/Nope', 'bogus']);
  return rows([source, spaceCell, roleCell, outputCell], maxRows)
    .map((body) => [['Source', 'Space', 'Role', 'Status', 'Details', 'Updated'], ...body]);
}

const seat: fc.Arbitrary<Seat> = fc.record({ space: fc.nat(20), member: fc.nat(20), role: fc.nat(2), invited: fc.boolean() });

export interface Case { sheets: Sheets; seats: Seat[]; admin: boolean }

/** A whole case: the three sheets (Spaces and Rules sometimes absent), who sits where before the run, admin access on or off. */
export function anyCase(maxRows: number): fc.Arbitrary<Case> {
  return fc.record({
    sheets: fc.record({
      roster: rosterGrid(maxRows),
      spaces: fc.option(spacesGrid(8), { freq: 3 }),
      rules: fc.option(rulesGrid(6), { freq: 3 }),
    }),
    seats: fc.array(seat, { maxLength: 15 }),
    admin: fc.boolean(),
  });
}
