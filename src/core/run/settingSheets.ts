/**
 * The Spaces and Rules sheets around one execution (DESIGN.md §3): which of their rows the run settles,
 * what the mirror and rules stages found for them, their rows' outcomes written back, and the stand-in
 * rows (mirror removals, rule grants) that count like roster rows in the report and the log.
 *
 * A run's first execution settles every row over the whole roster. A continuation reads these sheets only
 * when the run record says one of their rows was left PENDING, and settles just those rows, seeing every
 * other roster row too, only to know whom their spaces keep (PlanInput.keepers); otherwise it spends no
 * Sheets round trip on them (DESIGN.md §5).
 */
import type { Rule, RowOutcome, SpaceRowOutcome, SpaceSetting } from '../model';
import type { RosterStore, Clock } from '../ports';
import type { CountedRow } from './summary';
import type { ChangeSource } from './logLayout';
import type { MirrorSpacePlan, RulePlanView, RunMode } from '../../shared/report';
import { mirrorOutcomes, mirrorPlanView, type MirrorResult } from './mirrorOutcomes';
import { readRulesSheet, readSpacesSheet, type SettingsSheet } from './settingsSheet';
import { grantResults, ruleRowOutcomes, type RuleStage } from '../rules/ruleTargets';
import { sourceLabel } from '../rules/ruleSource';

/** A stand-in row's member and space as the log and the report name them, and where it came from. */
export interface StandIn { member: string; space: string; source: ChangeSource }

export class SettingSheets {
  /** Stand-in rows (negative) of this execution: mirror removals and rule grants. */
  readonly standIns = new Map<number, StandIn>();
  private mirror: MirrorResult | null = null;
  private rules: RuleStage | null = null;

  private constructor(
    private readonly spaces: SettingsSheet<SpaceSetting> | null, private readonly rulesSheet: SettingsSheet<Rule> | null,
    /** The Spaces rows this execution settles. */
    readonly spaceSettings: readonly SpaceSetting[],
    /** The Rules rows this execution settles. */
    readonly ruleSettings: readonly Rule[],
  ) {}

  /** `continuing`: a later execution of a run; `left`: its record says a Spaces or Rules row is PENDING. */
  static read(stores: { spaces?: RosterStore; rules?: RosterStore }, continuing: boolean, left: boolean): SettingSheets {
    if (continuing && !left) return new SettingSheets(null, null, [], []);
    const spaces = readSpacesSheet(stores.spaces);
    const rules = readRulesSheet(stores.rules);
    return new SettingSheets(
      spaces, rules,
      !spaces ? [] : continuing ? spaces.pendingSettings() : spaces.settings,
      !rules ? [] : continuing ? rules.pendingSettings() : rules.settings,
    );
  }

  /** Whether a continuation must see the other roster rows (it settles a mirror space or rules). */
  get needsKeepers(): boolean {
    return this.ruleSettings.length > 0 || this.spaceSettings.some((setting) => setting.mode === 'mirror');
  }

  /** PipelineHooks.mirrored. */
  readonly mirrored = (result: MirrorResult): void => {
    this.mirror = result;
    for (const [id, removal] of result.plan.removals) {
      this.standIns.set(id, {
        member: result.labels.get(removal.member) ?? removal.member, space: removal.space.displayName || removal.space.name, source: { kind: 'mirror' },
      });
    }
  };

  /** PipelineHooks.ruled. */
  readonly ruled = (stage: RuleStage): void => {
    this.rules = stage;
    for (const [id, { grant, space }] of stage.planned) {
      this.standIns.set(id, { member: grant.person.email, space: space.displayName || space.name, source: { kind: 'rule', row: grant.rules[0] ?? 0 } });
    }
  };

  /** Each Spaces and Rules row's outcome, once the run's operations are done (or previewed). */
  outcomes(mode: RunMode, found: readonly RowOutcome[]): { spaces: SpaceRowOutcome[]; rules: SpaceRowOutcome[] } {
    return {
      spaces: this.spaces ? [...this.spaces.invalid, ...(this.mirror ? mirrorOutcomes(this.mirror, mode, found) : [])] : [],
      rules: this.rulesSheet ? [...this.rulesSheet.invalid, ...(this.rules ? ruleRowOutcomes(this.rules, found) : [])] : [],
    };
  }

  /** Writes both sheets' outcomes; whether anything was written (to be made visible by the roster's flush). */
  write(outcomes: { spaces: readonly SpaceRowOutcome[]; rules: readonly SpaceRowOutcome[] }, clock: Clock): boolean {
    const spaces = this.spaces?.write(outcomes.spaces, clock) ?? false;
    const rules = this.rulesSheet?.write(outcomes.rules, clock) ?? false;
    return spaces || rules;
  }

  /** The stand-in rows counted like roster rows: every mirror removal, and each rule grant that isn't already as asked. */
  counted(found: readonly RowOutcome[]): CountedRow[] {
    const counted: CountedRow[] = [];
    for (const { sheetRow, status } of found) {
      const standIn = sheetRow < 0 ? this.standIns.get(sheetRow) : undefined;
      if (standIn && !(standIn.source.kind === 'rule' && status === 'UNCHANGED')) counted.push({ sheetRow, status });
    }
    return counted;
  }

  /** The sidebar's plan, by person: mirror removals (and those held), and a preview's rule grants. */
  views(mode: RunMode, found: readonly RowOutcome[]): { mirror?: MirrorSpacePlan[]; rules?: RulePlanView[] } {
    const mirror = this.mirror ? mirrorPlanView(this.mirror, mode) : [];
    const rules = this.rules && mode === 'preview' ? rulePlanViews(this.rules, found) : [];
    return { ...(mirror.length > 0 ? { mirror } : {}), ...(rules.length > 0 ? { rules } : {}) };
  }
}

/** Each rule with people a preview would add or raise, by email (a person two rules grant shows under both). */
function rulePlanViews(stage: RuleStage, found: readonly RowOutcome[]): RulePlanView[] {
  const results = grantResults(stage, found);
  const views = new Map<number, RulePlanView>();
  const ruleOf = new Map(stage.rules.map((rule) => [rule.sheetRow, rule]));
  for (const [id, { grant, space }] of stage.planned) {
    const result = results.get(id);
    if (result !== 'wouldAdd' && result !== 'wouldRaise') continue;
    for (const row of grant.rules) {
      const rule = ruleOf.get(row);
      if (!rule) continue;
      let view = views.get(row);
      if (!view) views.set(row, (view = { row, source: sourceLabel(rule.source), space: space.displayName || space.name, add: [], raise: [] }));
      (result === 'wouldAdd' ? view.add : view.raise).push(grant.person.email);
    }
  }
  for (const view of views.values()) {
    view.add.sort();
    view.raise.sort();
  }
  return [...views.values()].sort((a, b) => a.row - b.row);
}
