/**
 * The members.list `filter` (reference/chat-api-memberships.md §7): `role` and `member.type`, = and !=,
 * AND / OR. Undocumented cases take the stricter reading: role only with =, only ROLE_MEMBER and
 * ROLE_MANAGER as values (ROLE_ASSISTANT_MANAGER filtering isn't documented, §4).
 */
import { invalidArgument } from './errors';
import { comparisons, parseFilter, type Expr } from './filterSyntax';
import type { MemberKind, Role } from './state';

export interface FilterSubject { role: Role; kind: MemberKind }

export function parseMemberFilter(text: string): Expr {
  const expr = parseFilter(text);
  for (const c of comparisons(expr)) {
    if (c.field === 'role') {
      if (c.op !== '=' || (c.value !== 'ROLE_MEMBER' && c.value !== 'ROLE_MANAGER')) throw invalid(text);
    } else if (c.field === 'member.type') {
      if ((c.op !== '=' && c.op !== '!=') || (c.value !== 'HUMAN' && c.value !== 'BOT')) throw invalid(text);
    } else {
      throw invalid(text);
    }
  }
  checkAndFields(expr, text);
  return expr;
}

/**
 * `member.type = "HUMAN" AND member.type = "BOT"` and `role = A AND role = B` are documented as invalid:
 * the operands of an AND may not constrain the same field.
 */
function checkAndFields(expr: Expr, text: string): Set<string> {
  if (expr.kind === 'cmp') return new Set([expr.field]);
  const childFields = expr.items.map((item) => checkAndFields(item, text));
  const union = new Set<string>();
  for (const fields of childFields) {
    for (const field of fields) {
      if (expr.kind === 'and' && union.has(field)) throw invalid(text);
      union.add(field);
    }
  }
  return union;
}

/**
 * With useAdminAccess the filter must restrict to humans: `member.type = "HUMAN"` or `member.type != "BOT"`,
 * alone or ANDed at the top level (any other member.type use is rejected, §7).
 */
export function isAdminHumanFilter(expr: Expr): boolean {
  const conjuncts = expr.kind === 'and' ? expr.items : [expr];
  const humanOnly = conjuncts.some((c) => c.kind === 'cmp' && c.field === 'member.type' &&
    ((c.op === '=' && c.value === 'HUMAN') || (c.op === '!=' && c.value === 'BOT')));
  const typeClauses = comparisons(expr).filter((c) => c.field === 'member.type');
  return humanOnly && typeClauses.length === 1;
}

/** Groups have no member.type: `=` never matches them, `!=` always does (not documented; our reading). */
export function matches(expr: Expr, subject: FilterSubject): boolean {
  switch (expr.kind) {
    case 'and': return expr.items.every((item) => matches(item, subject));
    case 'or': return expr.items.some((item) => matches(item, subject));
    case 'cmp': {
      const actual = expr.field === 'role' ? subject.role : subject.kind === 'GROUP' ? undefined : subject.kind;
      return expr.op === '=' ? actual === expr.value : actual !== expr.value;
    }
  }
}

function invalid(text: string): Error {
  return invalidArgument(`Invalid filter: ${text}`);
}
