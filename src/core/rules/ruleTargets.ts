/**
 * The rules' people as targets beside the roster's rows (DESIGN.md §3), and each Rules row's outcome once
 * they are planned or applied. A grant is a person in a space with the highest role the rules give them
 * there; it adds them or raises a lower role (Intent.raiseOnly), never lowers one. A roster row for the same
 * person and space wins: the grant is dropped and counted as "set by the roster". Grants have no sheet row:
 * each gets a negative stand-in row, like a mirror removal, counted per rule when its outcome comes back.
 */
import type { GrantResult, Rule, RowOutcome, RowStatus, RuleRowOutcome, SpaceInfo, Target } from '../model';
import { spaceProblemStatus, type SpaceResolution } from '../resolve/resolveSpaces';
import { spaceKey } from '../rows/refs';
import { higherRole } from '../rows/roles';
import type { RuleExpansions } from './expandRules';
import { ruleGrants, type RuleGrant } from './ruleGrants';
import { ruleOutcomes, type GrantReport } from './ruleReport';
import type { DirectoryPerson } from '../ports';

/** A grant the plan takes up, and the space it resolved to. */
export interface PlannedGrant { grant: RuleGrant; space: SpaceInfo }

/** What the rules stage found: enough to settle every Rules row once the grants' outcomes are known. */
export interface RuleStage {
  rules: readonly Rule[];
  /** The grants planned, by stand-in row. */
  planned: Map<number, PlannedGrant>;
  /** Grants a roster row of the same person and space overrides. */
  overridden: GrantReport[];
  /** Each expanded rule's people (active, in its unit), by Rules row. */
  people: Map<number, number>;
  /** Rules rows that end before the plan: the Directory failed or refused, or the Space cell names no space. */
  ended: RuleRowOutcome[];
}

const key = (space: string, member: string) => `${space}\n${member}`;

/**
 * The grants' targets, with stand-in rows from `firstStandIn` down. `roster`: the roster's targets (any
 * action), whose person and space a grant yields to.
 */
export function ruleTargets(
  rules: readonly Rule[], expansions: RuleExpansions, spaces: ReadonlyMap<string, SpaceResolution>, roster: readonly Target[], firstStandIn: number,
): { targets: Target[]; stage: RuleStage } {
  const ended: RuleRowOutcome[] = [...expansions.failed];
  const people = new Map<number, readonly DirectoryPerson[]>();
  for (const rule of rules) {
    const named = expansions.people.get(rule.sheetRow);
    if (!named) continue;
    const resolution = spaces.get(spaceKey(rule.space));
    if (resolution && !resolution.ok) ended.push({ sheetRow: rule.sheetRow, status: spaceProblemStatus(resolution.problem), ...resolution.problem });
    else if (resolution) people.set(rule.sheetRow, named);
  }
  // Two Space cells may name one space (its id and its name): grants meet by the space they resolved to.
  const bySpace = new Map<string, { space: SpaceInfo; grants: Map<string, RuleGrant> }>();
  for (const [cell, { grants }] of ruleGrants(rules, people)) {
    const resolution = spaces.get(cell);
    if (!resolution?.ok) continue;
    let merged = bySpace.get(resolution.space.name);
    if (!merged) bySpace.set(resolution.space.name, (merged = { space: resolution.space, grants: new Map() }));
    for (const [name, grant] of grants) {
      const earlier = merged.grants.get(name);
      merged.grants.set(name, earlier
        ? { person: grant.person, role: higherRole(earlier.role, grant.role), rules: [...new Set([...earlier.rules, ...grant.rules])].sort((a, b) => a - b) }
        : grant);
    }
  }
  const rostered = new Set<string>();
  for (const { space, member } of roster) {
    if (member.name) rostered.add(key(space.name, member.name));
    if (member.email) rostered.add(key(space.name, member.email));
  }
  const targets: Target[] = [];
  const planned = new Map<number, PlannedGrant>();
  const overridden: GrantReport[] = [];
  let next = firstStandIn;
  for (const { space, grants } of bySpace.values()) {
    for (const grant of grants.values()) {
      const { person } = grant;
      if (rostered.has(key(space.name, person.name)) || rostered.has(key(space.name, person.email))) {
        overridden.push({ rules: grant.rules, result: 'byRoster' });
        continue;
      }
      const sheetRow = next--;
      planned.set(sheetRow, { grant, space });
      targets.push({
        intent: { sheetRow, member: { kind: 'userId', name: person.name }, space: { kind: 'name', name: space.name }, role: grant.role, action: 'add', raiseOnly: true },
        space,
        member: { kind: 'user', name: person.name, email: person.email, label: person.email },
      });
    }
  }
  const counts = new Map([...people].map(([row, named]) => [row, named.length]));
  return { targets, stage: { rules, planned, overridden, people: counts, ended } };
}

const RESULT: Partial<Record<RowStatus, GrantResult>> = {
  ADDED: 'added', INVITED: 'invited', UNCHANGED: 'alreadyIn', ROLE_UPDATED: 'roleRaised', HELD: 'held', INVALID: 'invalid',
  ERROR: 'error', PENDING: 'pending', WOULD_ADD: 'wouldAdd', WOULD_UPDATE_ROLE: 'wouldRaise',
};

/** What became of each grant, by the outcome of its stand-in row (none yet: pending). */
export function grantResults(stage: RuleStage, found: readonly RowOutcome[]): Map<number, GrantResult> {
  const results = new Map<number, GrantResult>();
  for (const id of stage.planned.keys()) results.set(id, 'pending');
  for (const outcome of found) if (outcome.sheetRow < 0 && results.has(outcome.sheetRow)) results.set(outcome.sheetRow, RESULT[outcome.status] ?? 'error');
  return results;
}

/** Every Rules row that got this far: its status and counts, or why it ended before the plan. */
export function ruleRowOutcomes(stage: RuleStage, found: readonly RowOutcome[]): RuleRowOutcome[] {
  const results = grantResults(stage, found);
  const reports: GrantReport[] = [...stage.overridden];
  for (const [id, { grant }] of stage.planned) reports.push({ rules: grant.rules, result: results.get(id) ?? 'pending' });
  return [...stage.ended, ...ruleOutcomes(stage.people, reports)];
}
