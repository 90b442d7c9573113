/**
 * Rules and their people → what the rules grant, per space and person (DESIGN.md §3): each person gets the
 * highest role any rule gives them in that space (Owner > Manager > Member), and remembers which rules
 * grant it (the log's "rule N", each Rules row's counts). One pass over each rule's people with Map
 * lookups: rules over 50,000 people and many spaces stay linear.
 */
import type { ApiRole, Rule, SpaceRef } from '../model';
import type { DirectoryPerson } from '../ports';
import { spaceKey } from '../rows/refs';
import { higherRole } from '../rows/roles';

/** One person in one space, as the rules want them. */
export interface RuleGrant {
  person: DirectoryPerson;
  /** The highest role the rules give them in the space. */
  role: ApiRole;
  /** The sheetRows of every rule that names them in the space, ascending (each counts them; the log names the first). */
  rules: number[];
}

/** The grants of one space: by person name (users/{id}). */
export interface SpaceGrants {
  space: SpaceRef;
  grants: Map<string, RuleGrant>;
}


/**
 * The grants of the expanded rules, by space key (refs.ts spaceKey: the forms of one space id share a key).
 * `people`: expandRules' map by sheetRow; rules absent from it (their expansion failed) grant nothing.
 */
export function ruleGrants(rules: readonly Rule[], people: ReadonlyMap<number, readonly DirectoryPerson[]>): Map<string, SpaceGrants> {
  const bySpace = new Map<string, SpaceGrants>();
  // Sheet order, so each grant's rules come out ascending without sorting.
  const ordered = [...rules].sort((a, b) => a.sheetRow - b.sheetRow);
  for (const rule of ordered) {
    const named = people.get(rule.sheetRow);
    if (!named) continue;
    const key = spaceKey(rule.space);
    let space = bySpace.get(key);
    if (!space) {
      space = { space: rule.space, grants: new Map() };
      bySpace.set(key, space);
    }
    const grants = space.grants;
    for (const person of named) {
      const grant = grants.get(person.name);
      if (!grant) {
        grants.set(person.name, { person, role: rule.role, rules: [rule.sheetRow] });
        continue;
      }
      grant.role = higherRole(grant.role, rule.role);
      // A person listed twice by one rule counts once for it.
      if (grant.rules[grant.rules.length - 1] !== rule.sheetRow) grant.rules.push(rule.sheetRow);
    }
  }
  return bySpace;
}
