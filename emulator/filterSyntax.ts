/**
 * The AIP-160 filter subset Chat uses (members.list `filter`, spaces.list `filter`, spaces.search `query`):
 * comparisons `field op value`, AND, OR and parentheses. As in AIP-160, OR binds tighter than AND.
 * Each caller validates which fields, operators and values it accepts.
 */
import { invalidArgument } from './errors';

export type Operator = '=' | '!=' | ':' | '<' | '<=' | '>' | '>=';
export interface Comparison { kind: 'cmp'; field: string; op: Operator; value: string }
export interface Junction { kind: 'and' | 'or'; items: Expr[] }
export type Expr = Comparison | Junction;

type Token = { t: 'word' | 'string' | 'op' | '(' | ')'; v: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(' || c === ')') { tokens.push({ t: c, v: c }); i++; continue; }
    if (c === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) throw syntaxError(text, 'unterminated string');
      tokens.push({ t: 'string', v: text.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const op = /^(!=|<=|>=|=|:|<|>)/.exec(text.slice(i));
    if (op) { tokens.push({ t: 'op', v: op[1] as string }); i += (op[1] as string).length; continue; }
    const word = /^[A-Za-z0-9_.\-/+]+/.exec(text.slice(i));
    if (!word) throw syntaxError(text, `unexpected character '${c}'`);
    tokens.push({ t: 'word', v: word[0] });
    i += word[0].length;
  }
  return tokens;
}

export function parseFilter(text: string): Expr {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isKeyword = (k: string): boolean => peek()?.t === 'word' && peek()?.v === k;

  const parseAnd = (): Expr => {
    const items = [parseOr()];
    while (isKeyword('AND')) { pos++; items.push(parseOr()); }
    return items.length === 1 ? items[0] as Expr : { kind: 'and', items };
  };
  const parseOr = (): Expr => {
    const items = [parsePrimary()];
    while (isKeyword('OR')) { pos++; items.push(parsePrimary()); }
    return items.length === 1 ? items[0] as Expr : { kind: 'or', items };
  };
  const parsePrimary = (): Expr => {
    const token = tokens[pos++];
    if (!token) throw syntaxError(text, 'unexpected end of filter');
    if (token.t === '(') {
      const inner = parseAnd();
      if (tokens[pos++]?.t !== ')') throw syntaxError(text, 'missing )');
      return inner;
    }
    if (token.t !== 'word' || token.v === 'AND' || token.v === 'OR' || token.v === 'NOT') throw syntaxError(text, `unexpected '${token.v}'`);
    const op = tokens[pos++];
    const value = tokens[pos++];
    if (op?.t !== 'op' || !value || (value.t !== 'string' && value.t !== 'word')) throw syntaxError(text, `incomplete comparison on '${token.v}'`);
    return { kind: 'cmp', field: token.v, op: op.v as Operator, value: value.v };
  };

  if (tokens.length === 0) throw syntaxError(text, 'empty filter');
  const expr = parseAnd();
  if (pos !== tokens.length) throw syntaxError(text, `unexpected '${tokens[pos]?.v ?? ''}'`);
  return expr;
}

/** Every comparison in the expression, depth first. */
export function comparisons(expr: Expr): Comparison[] {
  return expr.kind === 'cmp' ? [expr] : expr.items.flatMap(comparisons);
}

export function syntaxError(text: string, why: string): Error {
  return invalidArgument(`Invalid filter query: ${why}: ${text}`);
}
