/**
 * Who each rule names (DESIGN.md §3), through the PeopleDirectory port: one Directory question per distinct
 * question of the run's rules (`ou:/Sales` and `ou=/Sales` share one user search; two rules with one group
 * share its members.list), then each source keeps its own people. Suspended and archived people are never
 * enrolled: they are leavers. A failed question is data: the rules asking it end INVALID (the rule names
 * nothing Google knows, or the caller may not ask) or ERROR (Google's side).
 */
import type { ApiError, Rule, RuleRowOutcome, RuleSource } from '../model';
import type { DirectoryPerson, PeopleDirectory, Result } from '../ports';
import { sourceLabel } from './ruleSource';

/** What the Directory is asked for a source. */
export type DirectoryQuestion = { kind: 'search'; query: string } | { kind: 'group'; email: string };

/** `orgUnitPath='/Sales'`: Google's user search for a unit (it matches the unit and the units below it). */
export function unitQuery(path: string): string {
  return `orgUnitPath='${path.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function questionOf(source: RuleSource): DirectoryQuestion {
  switch (source.kind) {
    case 'ou': return { kind: 'search', query: unitQuery(source.path) };
    case 'group': return { kind: 'group', email: source.email };
    case 'query': return { kind: 'search', query: source.query };
    case 'domain': return { kind: 'search', query: '' };
  }
}

/** One key per distinct question (the expansion cache keys answers by it too). */
export function questionKey(question: DirectoryQuestion): string {
  return question.kind === 'search' ? `search:${question.query}` : `group:${question.email}`;
}

export function ask(directory: PeopleDirectory, question: DirectoryQuestion): Result<DirectoryPerson[]> {
  return question.kind === 'search' ? directory.searchUsers(question.query) : directory.groupPeople(question.email);
}

/** Whether a person's unit is the source's (or below it, for `ou:`); case-insensitive, as the Admin console. */
function inUnit(person: DirectoryPerson, source: Extract<RuleSource, { kind: 'ou' }>): boolean {
  // users.list always names the unit; if an answer doesn't, `ou:` trusts Google's own match of the unit and below.
  if (person.orgUnitPath === undefined) return source.below;
  const unit = person.orgUnitPath.toLowerCase();
  const path = source.path.toLowerCase();
  if (unit === path) return true;
  return source.below && (path === '/' || unit.startsWith(`${path}/`));
}

/** The people a source enrols from the Directory's answer: active ones, each once, within the unit for `ou`. */
export function enrolled(source: RuleSource, people: readonly DirectoryPerson[]): DirectoryPerson[] {
  const seen = new Set<string>();
  const kept: DirectoryPerson[] = [];
  for (const person of people) {
    if (person.suspended || person.archived === true || seen.has(person.name)) continue;
    if (source.kind === 'ou' && !inUnit(person, source)) continue;
    seen.add(person.name);
    kept.push(person);
  }
  return kept;
}

/** Why a rule's question failed, as its row's outcome. */
export function expansionFailure(sheetRow: number, source: RuleSource, error: ApiError): RuleRowOutcome {
  const code = error.code;
  if (code === 401 || code === 403) return { sheetRow, status: 'INVALID', reason: 'ruleDirectoryDenied', error };
  if (code === 400 && source.kind === 'query') return { sheetRow, status: 'INVALID', reason: 'ruleQueryRejected', query: source.query, error };
  if ((code === 400 || code === 404) && source.kind === 'ou') return { sheetRow, status: 'INVALID', reason: 'ruleUnknownUnit', path: source.path, error };
  if ((code === 400 || code === 404) && source.kind === 'group') return { sheetRow, status: 'INVALID', reason: 'ruleNoSuchGroup', email: source.email, error };
  // 429, 5xx, a transport failure (code 0), or anything else: Google's side, asked again next run.
  return { sheetRow, status: 'ERROR', reason: 'ruleDirectoryFailed', error };
}

export interface RuleExpansions {
  /** Each expanded rule's people, by its sheetRow: active, each once (an empty list: the source names no one now). */
  people: Map<number, readonly DirectoryPerson[]>;
  /** The rules whose question failed, INVALID or ERROR with the reason. */
  failed: RuleRowOutcome[];
}

/**
 * Expands the valid rules (validateRules.ts), asking `directory` once per distinct question (wrap it in
 * CachedPeopleDirectory so the run's later executions don't ask again). Every rule ends either in
 * `people` or in `failed`.
 */
export function expandRules(rules: readonly Rule[], directory: PeopleDirectory): RuleExpansions {
  const answers = new Map<string, Result<DirectoryPerson[]>>();
  const bySource = new Map<string, readonly DirectoryPerson[]>();
  const people = new Map<number, readonly DirectoryPerson[]>();
  const failed: RuleRowOutcome[] = [];
  for (const rule of rules) {
    const question = questionOf(rule.source);
    const key = questionKey(question);
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = ask(directory, question);
      answers.set(key, answer);
    }
    if (!answer.ok) {
      failed.push(expansionFailure(rule.sheetRow, rule.source, answer.error));
      continue;
    }
    const label = sourceLabel(rule.source);
    let kept = bySource.get(label);
    if (kept === undefined) {
      kept = enrolled(rule.source, answer.value);
      bySource.set(label, kept);
    }
    people.set(rule.sheetRow, kept);
  }
  return { people, failed };
}
