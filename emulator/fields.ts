/**
 * Partial responses: the `fields` system parameter ("Selector specifying which fields to include in a
 * partial response", every method's standard parameters), as the Admin SDK Directory applies it.
 * Syntax (Google's "Performance tips › Partial response"): a comma-separated list of fields; `a/b` selects
 * b inside a; `a(b,c)` selects b and c inside a (inside each element when a is an array); `*` selects every
 * field at its level. Fields the mask doesn't name are absent from the answer. A name the resource doesn't
 * have is a 400 "Invalid field selection <name>" (message modelled on Google's; stricter than ignoring it).
 * Only the Directory handlers apply it; the Chat API still ignores `fields` (FIDELITY.md).
 */
import { invalidArgument } from './errors';

/** A resource's fields: 'leaf' for scalars and arrays of them, 'open' for objects whose fields aren't modelled. */
export interface FieldSchema {
  readonly [name: string]: FieldSchema | 'leaf' | 'open';
}

/** Field name → what is selected inside it; null = the whole field. */
type Selection = Map<string, Selection | null>;

const NAME = /^[A-Za-z0-9_*]+/;

function merge(into: Selection, name: string, sub: Selection | null): void {
  if (!into.has(name)) {
    into.set(name, sub);
    return;
  }
  const existing = into.get(name) ?? null;
  if (existing === null || sub === null) {
    into.set(name, null);
    return;
  }
  for (const [key, value] of sub) merge(existing, key, value);
}

function parseList(text: string, start: number, nested: boolean): [Selection, number] {
  const selection: Selection = new Map();
  let at = start;
  for (;;) {
    const path: string[] = [];
    for (;;) {
      const match = NAME.exec(text.slice(at));
      if (!match) throw invalidArgument(`Invalid field selection ${text}`);
      path.push(match[0]);
      at += match[0].length;
      if (text[at] !== '/') break;
      at++;
    }
    let sub: Selection | null = null;
    if (text[at] === '(') {
      [sub, at] = parseList(text, at + 1, true);
      if (text[at] !== ')') throw invalidArgument(`Invalid field selection ${text}`);
      at++;
    }
    // a/b/c(d) → a: {b: {c: {d}}}
    let inner: Selection | null = sub;
    for (let index = path.length - 1; index > 0; index--) inner = new Map([[path[index], inner]]);
    merge(selection, path[0], inner);
    if (text[at] === ',') {
      at++;
      continue;
    }
    if (nested ? text[at] === ')' : at === text.length) return [selection, at];
    throw invalidArgument(`Invalid field selection ${text}`);
  }
}

function validate(selection: Selection, schema: FieldSchema): void {
  for (const [name, sub] of selection) {
    if (name === '*') {
      if (sub !== null) for (const field of Object.values(schema)) if (typeof field === 'object') validate(sub, field);
      continue;
    }
    const field = Object.prototype.hasOwnProperty.call(schema, name) ? schema[name] : undefined;
    if (field === undefined || (field === 'leaf' && sub !== null)) throw invalidArgument(`Invalid field selection ${name}`);
    if (sub !== null && typeof field === 'object') validate(sub, field);
  }
}

function select(value: unknown, selection: Selection | null): unknown {
  if (selection === null) return value;
  if (Array.isArray(value)) return value.map((item) => select(item, selection));
  if (typeof value !== 'object' || value === null) return value;
  const star = selection.has('*') ? selection.get('*') ?? null : undefined;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (!selection.has(key) && star === undefined) continue;
    const own = selection.has(key) ? selection.get(key) ?? null : undefined;
    // A field named and also covered by `*`: the wider of the two selections.
    const sub = own === undefined ? star ?? null : star === undefined ? own : own === null || star === null ? null : own;
    out[key] = select(field, sub);
  }
  return out;
}

/** The answer as the `fields` mask selects it; the whole answer when there is no mask. */
export function applyFields<T>(answer: T, fields: string | undefined, schema: FieldSchema): T | Record<string, unknown> {
  if (fields === undefined || fields.trim() === '') return answer;
  const [selection] = parseList(fields.replace(/\s+/g, ''), 0, false);
  validate(selection, schema);
  return select(answer, selection) as Record<string, unknown>;
}
