/**
 * Rules rows → rules (DESIGN.md §3): each row's Source, Space and Role checked; any wrong cell makes the row
 * INVALID with every fix at once, as a Roster row. Two rules may name the same people in the same space:
 * that is no mistake (the higher role wins, ruleGrants.ts). Pure.
 */
import type { CellProblem, Rule, RuleRowOutcome, RulesRow } from '../model';
import { isProblem, readSpaceCell } from '../rows/refs';
import { parseRoleCell } from '../rows/roles';
import { readSourceCell } from './ruleSource';

export interface ValidatedRules {
  /** The valid rows, in sheet order. */
  rules: Rule[];
  invalid: RuleRowOutcome[];
}

/** Checks every Rules row: valid ones become rules, the others end INVALID with their cells' problems. */
export function validateRules(rows: readonly RulesRow[]): ValidatedRules {
  const rules: Rule[] = [];
  const invalid: RuleRowOutcome[] = [];
  for (const row of rows) {
    const source = readSourceCell(row.source);
    const space = readSpaceCell(row.space);
    const role = parseRoleCell(row.role);
    const problems: CellProblem[] = [];
    if (isProblem(source)) problems.push(source);
    if (isProblem(space)) problems.push(space);
    if (role === null) problems.push({ problem: 'badRole', text: row.role });
    if (isProblem(source) || isProblem(space) || role === null) {
      invalid.push({ sheetRow: row.sheetRow, status: 'INVALID', reason: 'invalidCells', problems });
      continue;
    }
    rules.push({ sheetRow: row.sheetRow, source, space, role });
  }
  return { rules, invalid };
}
