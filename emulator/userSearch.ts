/**
 * User search: the `query` parameter of users.list ("Search for users",
 * https://developers.google.com/workspace/admin/directory/v1/guides/search-users). A query is clauses
 * separated by spaces, all of which must hold; a clause is `field operator value`; a value holding spaces is
 * single-quoted ('Jane Smith', \' for a quote). Operators: `=` (the whole value), `:` (contains the words),
 * `:{PREFIX}*` (starts with). `orgUnitPath=` matches the unit "and all org unit chains under the target".
 * Readings where the guide is silent (FIDELITY.md): matching ignores case; each field takes only the
 * operators listed below; anything else — an unknown field or operator, an unterminated quote, a boolean that
 * isn't true/false — is 400 "Invalid Input"; a unit that doesn't exist is 400 "Invalid Input: INVALID_OU_ID"
 * (the text Apps Script users report from users.list). Custom schema fields, manager fields, phones,
 * externalId and the other address parts aren't modelled (400 like an unknown field).
 */
import { invalidArgument } from './errors';
import { isWithinUnit } from './orgUnits';
import type { UserRecord } from './state';

type Operator = '=' | ':' | 'prefix';

interface Clause {
  field: string;
  operator: Operator;
  value: string;
}

/** What a user shows a search: its addresses and names are derived by the renderer (directory.ts). */
export interface SearchableUser {
  record: UserRecord;
  givenName: string;
  familyName: string;
}

type Text = (u: SearchableUser) => readonly string[];
interface FieldSpec {
  operators: readonly Operator[];
  kind: 'text' | 'boolean' | 'unit';
  values: Text;
}

const TEXT_OPS: readonly Operator[] = ['=', ':', 'prefix'];
const EXACT_OR_WORDS: readonly Operator[] = ['=', ':'];
const text = (operators: readonly Operator[], values: Text): FieldSpec => ({ operators, kind: 'text', values });
const flag = (read: (u: UserRecord) => boolean): FieldSpec => ({ operators: ['='], kind: 'boolean', values: (u) => [String(read(u.record))] });
const one = (value: string | undefined): string[] => (value === undefined ? [] : [value]);

const FIELDS: Readonly<Record<string, FieldSpec>> = {
  email: text(['=', 'prefix'], (u) => [u.record.email, ...u.record.aliases, ...u.record.nonEditableAliases]),
  name: text(TEXT_OPS, (u) => [`${u.givenName} ${u.familyName}`.trim()]),
  givenName: text(TEXT_OPS, (u) => [u.givenName]),
  familyName: text(TEXT_OPS, (u) => [u.familyName]),
  isAdmin: flag((u) => u.chatAdmin),
  isSuspended: flag((u) => u.suspended),
  isArchived: flag((u) => u.archived),
  orgName: text(EXACT_OR_WORDS, (u) => one(u.record.profile.organization)),
  orgTitle: text(EXACT_OR_WORDS, (u) => one(u.record.profile.title)),
  orgDepartment: text(EXACT_OR_WORDS, (u) => one(u.record.profile.department)),
  orgCostCenter: text(EXACT_OR_WORDS, (u) => one(u.record.profile.costCenter)),
  addressLocality: text(EXACT_OR_WORDS, (u) => one(u.record.profile.locality)),
  orgUnitPath: { operators: ['='], kind: 'unit', values: (u) => [u.record.orgUnitPath] },
};

const INVALID = 'Invalid Input';

/** Reads `query` into clauses; throws 400 for what Google refuses, including units not in `units`. */
export function parseUserQuery(query: string, units: ReadonlySet<string>): Clause[] {
  const clauses: Clause[] = [];
  let at = 0;
  for (;;) {
    while (query[at] === ' ') at++;
    if (at >= query.length) return clauses;
    const head = /^([A-Za-z][A-Za-z0-9]*)(=|:)/.exec(query.slice(at));
    if (!head) throw invalidArgument(INVALID);
    const field = head[1] ?? '';
    at += head[0].length;
    let value = '';
    let quoted = false;
    if (query[at] === "'") {
      quoted = true;
      at++;
      for (; at < query.length && query[at] !== "'"; at++) value += query[at] === '\\' && at + 1 < query.length ? query[++at] : query[at];
      if (query[at] !== "'") throw invalidArgument(INVALID);
      at++;
      if (at < query.length && query[at] !== ' ') throw invalidArgument(INVALID);
    } else {
      for (; at < query.length && query[at] !== ' '; at++) value += query[at];
    }
    if (value === '' && !quoted) throw invalidArgument(INVALID);
    const operator: Operator = head[2] === ':' && value.endsWith('*') ? 'prefix' : head[2] === '=' ? '=' : ':';
    clauses.push(checked({ field, operator, value: operator === 'prefix' ? value.slice(0, -1) : value }, units));
  }
}

function checked(clause: Clause, units: ReadonlySet<string>): Clause {
  const spec = Object.prototype.hasOwnProperty.call(FIELDS, clause.field) ? FIELDS[clause.field] : undefined;
  if (!spec || !spec.operators.includes(clause.operator)) throw invalidArgument(INVALID);
  if (spec.kind === 'boolean' && !/^(true|false)$/i.test(clause.value)) throw invalidArgument(INVALID);
  if (spec.kind === 'unit' && !units.has(clause.value)) throw invalidArgument(`${INVALID}: INVALID_OU_ID`);
  return clause;
}

const words = (s: string): string[] => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');

function holds(clause: Clause, user: SearchableUser): boolean {
  const spec = FIELDS[clause.field] as FieldSpec;
  const wanted = clause.value.toLowerCase();
  return spec.values(user).some((raw) => {
    const value = raw.toLowerCase();
    if (spec.kind === 'unit') return isWithinUnit(raw, clause.value);
    if (clause.operator === '=') return value === wanted;
    // An address starts with the prefix; names and the like have a word that does.
    if (clause.operator === 'prefix') return clause.field === 'email' ? value.startsWith(wanted) : words(value).some((w) => w.startsWith(wanted));
    const have = words(value);
    return words(wanted).every((w) => have.includes(w));
  });
}

/** Whether the user satisfies every clause (no clauses: everyone). */
export function matchesAll(clauses: readonly Clause[], user: SearchableUser): boolean {
  return clauses.every((clause) => holds(clause, user));
}
