/**
 * What the mirror plan (planMirror.ts) is given, gathered from the earlier stages: the mirror spaces that
 * resolved (the others end here, INVALID or ERROR), the spaces to list, the roster rows it can't match.
 */
import type { Intent, Operation, RowOutcome, SpaceInfo, SpaceRowOutcome, SpaceSetting, Target } from '../model';
import { pendingOutcome } from '../run/outcomes';
import { spaceKey } from '../rows/refs';
import { spaceProblemStatus, type SpaceResolution } from '../resolve/resolveSpaces';
import type { SnapshotResult } from '../resolve/takeSnapshots';
import type { MirrorSpace } from './planMirror';

/** Each valid Spaces row whose space resolved (any mode); the others end here, INVALID or ERROR, as do repeats. */
export function resolvedSettings(
  mirrors: readonly SpaceSetting[], spaces: ReadonlyMap<string, SpaceResolution>,
): { resolved: MirrorSpace[]; ended: SpaceRowOutcome[] } {
  const resolved: MirrorSpace[] = [];
  const ended: SpaceRowOutcome[] = [];
  const rowOf = new Map<string, number>();
  for (const setting of mirrors) {
    const resolution = spaces.get(spaceKey(setting.space));
    if (!resolution) continue;
    if (!resolution.ok) {
      ended.push({ sheetRow: setting.sheetRow, status: spaceProblemStatus(resolution.problem), ...resolution.problem });
      continue;
    }
    const first = rowOf.get(resolution.space.name);
    if (first !== undefined) {
      // The same space written two ways (an id and a URL): only one row may say how it is kept.
      ended.push({ sheetRow: setting.sheetRow, status: 'INVALID', reason: 'spaceListedTwice', row: first });
      continue;
    }
    rowOf.set(resolution.space.name, setting.sheetRow);
    resolved.push({ setting, space: resolution.space });
  }
  return { resolved, ended };
}

/** An add-only space that resolved: nothing to plan, and its row says so. */
export function addOnlyOutcomes(settled: readonly MirrorSpace[]): SpaceRowOutcome[] {
  return settled.filter(({ setting }) => setting.mode === 'add-only')
    .map(({ setting }) => ({ sheetRow: setting.sheetRow, status: 'UNCHANGED', reason: 'addOnlySpace' }));
}

/** The spaces to list: the targets' spaces, and every mirror space once more (a mirror space may have no row). */
export function withMirrorSpaces(spaces: readonly SpaceInfo[], mirrors: readonly MirrorSpace[]): SpaceInfo[] {
  const names = new Set(spaces.map((space) => space.name));
  const all = [...spaces];
  for (const { space } of mirrors) {
    if (names.has(space.name)) continue;
    names.add(space.name);
    all.push(space);
  }
  return all;
}

/** Mirror rows whose space couldn't be listed: PENDING (out of time) or ERROR (Google refused). */
export function unlistedMirrors(mirrors: readonly MirrorSpace[], listings: ReadonlyMap<string, SnapshotResult>): SpaceRowOutcome[] {
  const ended: SpaceRowOutcome[] = [];
  for (const { setting, space } of mirrors) {
    const listing = listings.get(space.name);
    if (!listing || listing.ok) continue;
    if (listing.pending) ended.push({ ...pendingOutcome(setting.sheetRow), status: 'PENDING' });
    else ended.push({ sheetRow: setting.sheetRow, status: 'ERROR', ...listing.problem });
  }
  return ended;
}

/**
 * Per space name, the roster rows that name a member of it but never reached the plan (INVALID, HELD or
 * ERROR before it), other than repeats of another row: Chat Roster can't be sure whom they keep.
 */
export function unmatchedRows(
  intents: readonly Intent[], spaces: ReadonlyMap<string, SpaceResolution>, targets: readonly Target[], ended: readonly RowOutcome[],
): Map<string, number[]> {
  const reached = new Set(targets.map((target) => target.intent.sheetRow));
  for (const outcome of ended) if (outcome.reason === 'repeat' || outcome.reason === 'conflict') reached.add(outcome.sheetRow);
  const rows = new Map<string, number[]>();
  for (const intent of intents) {
    if (reached.has(intent.sheetRow)) continue;
    const resolution = spaces.get(spaceKey(intent.space));
    if (!resolution?.ok) continue;
    const list = rows.get(resolution.space.name);
    if (list) list.push(intent.sheetRow);
    else rows.set(resolution.space.name, [intent.sheetRow]);
  }
  return rows;
}

/** Memberships the roster's own operations delete or re-role. */
/**
 * How many members the roster's and rules' own creates add to each space (by space name): Max removal % is a
 * share of the membership the run leaves, so the next run (which lists them) takes the same decision.
 */
export function joiningCounts(operations: readonly Operation[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const operation of operations) if (operation.kind === 'create') counts.set(operation.parent, (counts.get(operation.parent) ?? 0) + 1);
  return counts;
}

export function touchedMemberships(operations: readonly Operation[]): Set<string> {
  const names = new Set<string>();
  for (const operation of operations) if (operation.kind !== 'create') names.add(operation.name);
  return names;
}
