/**
 * Rows → outcomes, one arrow after another (DESIGN.md §1): validate, resolve spaces, resolve identities,
 * snapshot, probe, plan, then preview or run. Every row leaves with exactly one outcome; a row that fails
 * at one arrow doesn't reach the next, and the other rows go on.
 */
import type { RosterRow, RowOutcome, SpaceInfo, Target } from './model';
import { finishEarlierAdds, planTargets, previewOutcome } from './plan';
import type { ChatGateway, Directory, MemberSender } from './ports';
import { pendingOutcome } from './outcomes';
import { probeByAlias, rememberProbeAnswers } from './probe';
import { runOperations } from './run';
import { takeSnapshots, type SpaceSnapshot } from './snapshot';
import { resolveTargets } from './targets';
import { resolveSpaces } from './spaces';
import { validateRows } from './validate';
import type { RunMode } from '../shared/report';

export interface RunOptions {
  /** Send useAdminAccess=true (the administrator turned admin access on). */
  useAdminAccess: boolean;
  /** The account running Chat Roster (lower-case): never removed. */
  callerEmail: string;
  /** Its users/{id} when the adapter knows it; otherwise learned from the directory when possible. */
  callerName?: string;
}

export interface PipelineDeps {
  chat: ChatGateway;
  directory: Directory;
  options: RunOptions;
}

export interface PipelineHooks {
  /** Membership calls go through it (the pacer); the gateway itself when absent. */
  sender?: MemberSender;
  /** Tells which space a row's Space cell turned out to be (its display name, else its resource name). */
  spaceResolved?: (sheetRow: number, label: string) => void;
  /** Called after each round of membership changes: outcomes known before the run, and the run's so far. */
  afterRound?: (beforeRun: readonly RowOutcome[], fromRun: readonly RowOutcome[]) => void;
  /** Rows an earlier execution of this run added, their role patch still to come (rowNotes.ts). */
  addedEarlier?: ReadonlySet<number>;
}

function targetSpaces(targets: readonly Target[]): SpaceInfo[] {
  const spaces = new Map<string, SpaceInfo>();
  for (const { space } of targets) if (!spaces.has(space.name)) spaces.set(space.name, space);
  return [...spaces.values()];
}

/**
 * Appends `more` to `outcomes` one by one: push(...more) passes every item as an argument, and past about
 * 100,000 of them V8 throws "Maximum call stack size exceeded" (a 200,000-row preview would crash).
 */
function append(outcomes: RowOutcome[], more: readonly RowOutcome[]): void {
  for (const outcome of more) outcomes.push(outcome);
}

/** Appends each row's outcome to `outcomes` as soon as it is known (so a crash later keeps them). */
export function collectOutcomes(
  rows: readonly RosterRow[], deps: PipelineDeps, mode: RunMode, outcomes: RowOutcome[], hooks: PipelineHooks = {},
): void {
  const { chat, directory, options } = deps;
  const sender = hooks.sender ?? chat;
  const admin = options.useAdminAccess;

  const { intents, invalid } = validateRows(rows);
  append(outcomes, invalid);

  const spaces = resolveSpaces(chat, intents.map((intent) => intent.space), admin);
  const identified = resolveTargets(directory, intents, spaces, options.callerEmail,
    (sheetRow, space) => hooks.spaceResolved?.(sheetRow, space.displayName || space.name));
  append(outcomes, identified.outcomes);

  const listings = takeSnapshots(sender, targetSpaces(identified.targets), admin);
  const snapshots = new Map<string, SpaceSnapshot>();
  const listed: Target[] = [];
  for (const target of identified.targets) {
    const listing = listings.get(target.space.name);
    if (listing && !listing.ok && listing.pending) {
      outcomes.push(pendingOutcome(target.intent.sheetRow));
      continue;
    }
    if (!listing || !listing.ok) {
      outcomes.push({ sheetRow: target.intent.sheetRow, status: 'ERROR', ...(listing?.problem ?? { reason: 'spaceNotListed' }) });
      continue;
    }
    snapshots.set(target.space.name, listing.snapshot);
    listed.push(target);
  }

  const probed = probeByAlias(sender, listed, snapshots, admin);
  append(outcomes, probed.outcomes);
  rememberProbeAnswers(directory, probed.targets);

  const plan = planTargets(probed.targets, {
    snapshots,
    callerEmail: options.callerEmail,
    callerName: options.callerName ?? identified.callerName,
    useAdminAccess: admin,
  });
  finishEarlierAdds(plan, hooks.addedEarlier ?? new Set());
  append(outcomes, plan.outcomes);
  append(outcomes, mode === 'preview' ? plan.operations.map(previewOutcome) : runOperations(sender, plan.operations, (done) => hooks.afterRound?.(outcomes, done)));
}
