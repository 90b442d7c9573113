/**
 * Rows → outcomes (DESIGN.md §1), one stage after another. A stage either asks Google (through Answers,
 * between two stages, never in the middle of one) or decides from what it has been told:
 *
 *   stage / folder   kind    what                                                   where
 *   rows/            decide  1. cells → intents; INVALID rows                       rows/validateRows.ts
 *   resolve/         ask     2. each distinct Space cell → a space                  resolve/resolveSpaces.ts
 *                    decide  3. the distinct Member cells; which emails to look up  resolve/resolveTargets.ts memberCells
 *                    ask     4. those emails → users/groups, ONE directory lookup   resolve/identities.ts lookUp
 *                    decide  5. rows → targets; INVALID, HELD, ERROR, repeats       resolve/resolveTargets.ts, findRepeats.ts
 *   rules/           ask     5b. whom each rule names, ONE question per source      rules/expandRules.ts
 *                    decide  5c. the rules' grants → targets; a roster row wins     rules/ruleTargets.ts
 *                    ask     6. the members of each target space (members.list)     resolve/takeSnapshots.ts takeSnapshots
 *                    decide  7. targets of listed spaces go on; PENDING, ERROR       resolve/takeSnapshots.ts listedTargets
 *                    ask     8. members.get by alias, where only it can tell        resolve/probeByAlias.ts probeQuestions
 *                    decide  9. presence and names from the replies                 resolve/probeByAlias.ts probeAnswered
 *   plan/            decide 10. operations; UNCHANGED, HELD; earlier adds finished  plan/planTargets.ts
 *                    decide 10b. Spaces rows: mirror removals, or HELD (the guards)  plan/planMirror.ts, mirrorInputs.ts
 *                    ask    10c. the emails of the members they name (Details)       Answers.emails
 *   apply/           ask    11. WOULD_* (no call), or the operations sent, paced    plan/planTargets.ts previewOutcome,
 *                                                                                    apply/applyPlan.ts, pacedSender.ts
 *   run/             one execution end to end around these stages: the sheet read (sheet/readRoster.ts), this
 *                    pipeline, the statuses written back (sheet/writeBack.ts), the run record and notes, the log
 *                    (run/runRoster.ts); one run at a time (run/exclusiveRun.ts); the nightly sync (run/nightly.ts)
 *
 * planRoster is stages 1–10: the one list that the pipeline (collectOutcomes, with Answers backed by the
 * ports), the tests and scripts/bench/planSpeed.ts (with answers held in memory) all call. Every row leaves
 * with exactly one outcome; a row that ends at one stage doesn't reach the next, and the other rows go on.
 */
import { lookUp, type DirectoryView } from '../resolve/identities';
import type { Operation, RosterRow, RowOutcome, Rule, SpaceInfo, SpaceRef, SpaceSetting, Target } from '../model';
import { previewOutcome } from '../plan/planTargets';
import type { ChatGateway, Directory, ImportSources, MemberReply, MemberSender, PeopleDirectory } from '../ports';
import { rememberProbeAnswers, type GetCall } from '../resolve/probeByAlias';
import { runOperations } from '../apply/applyPlan';
import type { MembershipChange } from '../apply/changes';
import { snapshotSpaces, takeSnapshots, type SnapshotResult } from '../resolve/takeSnapshots';
import { afterListing, afterProbes, append, everyRow, type Own, type PlanContextInput } from './planStages';
import { ReadAhead } from './readAhead';
import { memberCells, resolveTargets } from '../resolve/resolveTargets';
import { resolveSpaces, spaceRefsOf, type SpaceResolution } from '../resolve/resolveSpaces';
import { validateRows } from '../rows/validateRows';
import { mirrorNames, planMirror, type MirrorConfirmation } from '../plan/planMirror';
import { addOnlyOutcomes, joiningCounts, resolvedSettings, touchedMemberships, unlistedMirrors, unmatchedRows, withMirrorSpaces } from '../plan/mirrorInputs';
import type { MirrorResult } from './mirrorOutcomes';
import { expandRules, type RuleExpansions } from '../rules/expandRules';
import { ruleTargets, type RuleStage } from '../rules/ruleTargets';
import type { RunMode } from '../../shared/report';

export interface RunOptions {
  /** Send useAdminAccess=true (the administrator turned admin access on). */
  useAdminAccess: boolean;
  /** The account running Chat Roster (lower-case): never removed. */
  callerEmail: string;
  /** Its users/{id} when the adapter knows it; otherwise learned from the directory when possible. */
  callerName?: string;
  /**
   * The mirror removals the administrator confirmed by name (a run from the sidebar): no one else is removed.
   * Absent for the nightly sync and scripts, which remove within each space's Max removal %.
   */
  confirmation?: MirrorConfirmation;
}

/** What Google answers to each question of planRoster: the asks, in stage order. */
export interface Answers {
  /** Stage 2: each Space cell's space, keyed by refs.spaceKey. */
  spaces(refs: readonly SpaceRef[]): ReadonlyMap<string, SpaceResolution>;
  /** Stage 4: the directory's entries for these emails. */
  directory(emails: string[]): DirectoryView;
  /** Stage 6: each space's listing, keyed by space name. */
  snapshots(spaces: readonly SpaceInfo[]): ReadonlyMap<string, SnapshotResult>;
  /** Stage 8: the members.get replies, in call order; a missing reply = not asked (planned from the snapshot). */
  members(calls: GetCall[]): readonly (MemberReply | undefined)[];
  /** Stage 10c: users/{id} and groups/{id} → emails, where the directory can tell (absent: named by id). */
  emails?(names: string[]): ReadonlyMap<string, string>;
  /** After stage 9: the probed targets, whose answers the run's later executions may reuse. */
  learned?(targets: readonly Target[]): void;
  /** Stage 5b: who each rule names (PeopleDirectory); absent: no rule can be expanded. */
  rulePeople?(rules: readonly Rule[]): RuleExpansions;
}

/** What planRoster is given besides the rows and the answers. */
export interface PlanInput extends RunOptions {
  /** Rows an earlier execution of this run added, their role patch still to come (rowNotes.ts). */
  addedEarlier?: ReadonlySet<number>;
  /** Tells which space a row's Space cell turned out to be (its display name, else its resource name). */
  spaceResolved?: (sheetRow: number, label: string) => void;
  /** The Spaces sheet's valid rows (only when the run covers every roster row: a continuation plans none). */
  spaceSettings?: readonly SpaceSetting[];
  /** Hears what the mirror stage found, before any operation is sent. */
  mirrored?: (result: MirrorResult) => void;
  /** The Rules sheet's valid rows (a continuation: those left PENDING). */
  rules?: readonly Rule[];
  /** Hears what the rules stage found, before any operation is sent. */
  ruled?: (stage: RuleStage) => void;
  /**
   * Rows planned only to know whom a mirror space keeps (a continuation finishing a mirror space's removals):
   * they get no outcome and no operation, and only their targets in mirror spaces are looked at.
   */
  keepers?: ReadonlySet<number>;
}

const NONE: ReadonlySet<number> = new Set();
/** No Directory to ask (PipelineDeps.people absent): every rule ends ERROR, asked again next run. */
function unexpanded(rules: readonly Rule[]): RuleExpansions {
  const error = { code: 0, status: '', message: 'The Admin SDK Directory is not available to this run.' };
  return { people: new Map(), failed: rules.map(({ sheetRow }) => ({ sheetRow, status: 'ERROR', reason: 'ruleDirectoryFailed', error })) };
}

/** Stages 1–5c: the targets, with what the mirror stage needs to know of the rows. */
interface Targeted {
  targets: readonly Target[];
  own: Own;
  intents: ReturnType<typeof validateRows>['intents'];
  spaces: ReadonlyMap<string, SpaceResolution>;
  settled: ReturnType<typeof resolvedSettings>;
  mirrorSpaces: ReturnType<typeof resolvedSettings>['resolved'];
  identified: ReturnType<typeof resolveTargets>;
  ruleTargetCount: number;
}

function targetStages(rows: readonly RosterRow[], answers: Answers, input: PlanInput, outcomes: RowOutcome[]): Targeted {
  const keepers = input.keepers ?? NONE;
  const own: Own = keepers.size === 0 ? everyRow : (list) => list.filter((item) => !keepers.has(item.sheetRow));
  const { intents, invalid } = validateRows(rows);
  append(outcomes, own(invalid));

  const settings = input.spaceSettings ?? [];
  const rules = input.rules ?? [];
  const spaces = answers.spaces([...spaceRefsOf(intents), ...settings.map((setting) => setting.space), ...rules.map((rule) => rule.space)]);
  const settled = resolvedSettings(settings, spaces);
  const mirrorSpaces = settled.resolved.filter(({ setting }) => setting.mode === 'mirror');
  // A mirror space must know your id to keep you, even when no roster row asks the Directory anything.
  const cells = memberCells(intents, spaces, input.callerEmail, mirrorSpaces.length > 0);
  const view = answers.directory(cells.emails);
  const { spaceResolved } = input;
  const identified = resolveTargets(cells, view, spaceResolved && ((sheetRow, space) => spaceResolved(sheetRow, space.displayName || space.name)));
  append(outcomes, own(identified.outcomes));
  const ruled = rules.length > 0
    ? ruleTargets(rules, answers.rulePeople?.(rules) ?? unexpanded(rules), spaces, identified.targets, -1)
    : null;
  if (ruled) input.ruled?.(ruled.stage);
  // Keepers matter only in the spaces being settled: mirror spaces and the rules' spaces.
  const settling = new Set([...mirrorSpaces.map(({ space }) => space.name), ...(ruled?.targets ?? []).map((target) => target.space.name)]);
  const rosterTargets = keepers.size === 0 ? identified.targets
    : identified.targets.filter((target) => !keepers.has(target.intent.sheetRow) || settling.has(target.space.name));
  const targets = ruled ? [...ruled.targets, ...rosterTargets] : rosterTargets;
  return { targets, own, intents, spaces, settled, mirrorSpaces, identified, ruleTargetCount: ruled?.targets.length ?? 0 };
}

const planContext = (input: PlanInput, targeted: Targeted, answers: Answers): PlanContextInput => ({
  callerEmail: input.callerEmail, callerName: input.callerName ?? targeted.identified.callerName,
  useAdminAccess: input.useAdminAccess, addedEarlier: input.addedEarlier, learned: answers.learned,
});

/**
 * Stages 1–10: the rows' operations. Appends each other row's outcome to `outcomes` as soon as it is known
 * (so a crash later keeps them). Pure but for what `answers` does.
 */
export function planRoster(rows: readonly RosterRow[], answers: Answers, input: PlanInput, outcomes: RowOutcome[]): Operation[] {
  const targeted = targetStages(rows, answers, input, outcomes);
  const { targets, own, mirrorSpaces } = targeted;
  const admin = input.useAdminAccess;
  const listing = withMirrorSpaces(snapshotSpaces(targets), mirrorSpaces);
  const listings = answers.snapshots(listing);
  const listed = afterListing(targets, listing, listings, admin, outcomes, own);
  const probed = afterProbes(listed, answers.members(listed.questions.calls), planContext(input, targeted, answers), outcomes, own);
  const settings = input.spaceSettings ?? [];
  if (settings.length === 0) return [...own(probed.plan.operations)];

  const { intents, spaces, identified, settled } = targeted;
  const mirror = planMirror(mirrorSpaces, {
    snapshots: listed.snapshots, targets: probed.targets, useAdminAccess: admin,
    unmatched: unmatchedRows(intents, spaces, probed.targets, [...identified.outcomes, ...listed.outcomes, ...probed.outcomes]),
    callerName: input.callerName ?? identified.callerName,
    touched: touchedMemberships(probed.plan.operations),
    joining: joiningCounts(probed.plan.operations),
    confirmation: input.confirmation,
    firstStandIn: -1 - targeted.ruleTargetCount,
  });
  const names = mirrorNames(mirror);
  const labels = names.length > 0 && answers.emails ? answers.emails(names) : new Map<string, string>();
  input.mirrored?.({ plan: mirror, labels, ended: [...settled.ended, ...addOnlyOutcomes(settled.resolved), ...unlistedMirrors(mirrorSpaces, listings)] });
  return [...own(probed.plan.operations), ...mirror.operations];
}

export interface PipelineDeps {
  chat: ChatGateway;
  directory: Directory;
  options: RunOptions;
  /** users/{id} and groups/{id} → primary email (Admin SDK Directory), for naming a mirror space's removals. */
  emailsOf?: ImportSources['emailsOf'];
  /** Whom rules name (Admin SDK Directory); absent: rules can't be expanded. */
  people?: PeopleDirectory;
}

export interface PipelineHooks {
  /** Membership calls go through it (the pacer); the gateway itself when absent. */
  sender?: MemberSender;
  /** Tells which space a row's Space cell turned out to be (its display name, else its resource name). */
  spaceResolved?: (sheetRow: number, label: string) => void;
  /** Called after each round of membership changes: outcomes known before the run, and the run's so far. */
  afterRound?: (beforeRun: readonly RowOutcome[], fromRun: readonly RowOutcome[], ended: boolean) => void;
  /** Rows an earlier execution of this run added, their role patch still to come (rowNotes.ts). */
  addedEarlier?: ReadonlySet<number>;
  /** Hears of each membership write Google answered with success, as its reply comes (the log). */
  changed?: (change: MembershipChange) => void;
  /** The Spaces rows to settle (PlanInput.spaceSettings) and what their stage found. */
  spaceSettings?: readonly SpaceSetting[];
  mirrored?: (result: MirrorResult) => void;
  /** PlanInput.keepers. */
  keepers?: ReadonlySet<number>;
  /** PlanInput.rules and what their stage found. */
  rules?: readonly Rule[];
  ruled?: (stage: RuleStage) => void;
}

/** planRoster's questions, asked through the ports. */
export function portAnswers({ chat, directory, options, emailsOf, people }: PipelineDeps, sender: MemberSender): Answers {
  const admin = options.useAdminAccess;
  return {
    emails: (names) => emailLabels(names, emailsOf),
    spaces: (refs) => resolveSpaces(chat, refs, admin),
    directory: (emails) => lookUp(directory, emails),
    snapshots: (spaces) => takeSnapshots(sender, spaces, admin),
    members: (calls) => sender.send(calls),
    learned: (targets) => rememberProbeAnswers(directory, targets),
    rulePeople: people && ((rules) => expandRules(rules, people)),
  };
}

/** How Details name members: people by email, groups as group:email; unknown to the directory: absent (named by id). */
function emailLabels(names: string[], emailsOf: PipelineDeps['emailsOf']): Map<string, string> {
  const labels = new Map<string, string>();
  let found;
  try {
    found = emailsOf?.(names);
  } catch {
    return labels;
  }
  if (!found?.ok) return labels;
  for (const [name, email] of found.value) labels.set(name, name.startsWith('groups/') ? `group:${email}` : email);
  return labels;
}

/** All stages: appends each row's outcome to `outcomes` as soon as it is known (so a crash later keeps them). */
export function collectOutcomes(
  rows: readonly RosterRow[], deps: PipelineDeps, mode: RunMode, outcomes: RowOutcome[], hooks: PipelineHooks = {},
): void {
  const sender = hooks.sender ?? deps.chat;
  const input: PlanInput = {
    ...deps.options, addedEarlier: hooks.addedEarlier, spaceResolved: hooks.spaceResolved, spaceSettings: hooks.spaceSettings, mirrored: hooks.mirrored,
    keepers: hooks.keepers, rules: hooks.rules, ruled: hooks.ruled,
  };
  const answers = portAnswers(deps, sender);
  if (mode === 'apply' && (input.spaceSettings ?? []).length === 0 && (input.keepers ?? NONE).size === 0) {
    // No Spaces row to settle: spaces are read group by group beside the writes (readAhead.ts).
    const targeted = targetStages(rows, answers, input, outcomes);
    const source = new ReadAhead(targeted.targets, planContext(input, targeted, answers), outcomes);
    append(outcomes, runOperations(sender, [], (done, ended) => hooks.afterRound?.(outcomes, done, ended), hooks.changed, source));
    append(outcomes, source.unplanned());
    return;
  }
  const operations = planRoster(rows, answers, input, outcomes);
  append(outcomes, mode === 'preview'
    ? operations.map(previewOutcome)
    : runOperations(sender, operations, (done, ended) => hooks.afterRound?.(outcomes, done, ended), hooks.changed));
}
