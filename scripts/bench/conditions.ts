/**
 * What else happens in Google while a workload runs: transient faults and another user of the same Cloud
 * project spending the write budget. Applied the same way to Chat Roster's run and to the naive loop's.
 */
import type { AppsScriptWorld } from '../../emulator/gas/world';
import type { BackgroundConsumer, Google } from '../../emulator/google';

export interface Conditions {
  /** chance that any API call fails with 429, 500 or 503 (a third each), from a seeded PRNG */
  faultRate?: number;
  /** chance that a UrlFetchApp batch (fetch or fetchAll) throws a transport exception after its requests took effect */
  transportFaultRate?: number;
  /** membership writes a minute that another user of the project spends (emulator/quota.ts BackgroundConsumer) */
  otherWritesPerMinute?: number;
}

const FAULT_SEED = 15;
export const WRITE_BUDGET_PER_MINUTE = 300;
export const READ_BUDGET_PER_MINUTE = 3_000;

/** Starts the conditions now; returns the background consumer, if any, to report what it spent. */
export function applyConditions(google: Google, world: AppsScriptWorld, conditions: Conditions): BackgroundConsumer | undefined {
  const { faultRate = 0, transportFaultRate = 0, otherWritesPerMinute = 0 } = conditions;
  if (faultRate > 0) {
    google.setRandomSeed(FAULT_SEED);
    // Faults are drawn in order, each only when the ones before didn't fire: a, a/(1-a), a/(1-2a) give a each.
    const each = faultRate / 3;
    ([429, 500, 503] as const).forEach((code, i) => google.injectFault({ methodId: '*', code, probability: each / (1 - i * each) }));
  }
  if (transportFaultRate > 0) {
    world.transportFaults.setSeed(FAULT_SEED);
    world.transportFaults.add({ probability: transportFaultRate });
  }
  return otherWritesPerMinute > 0 ? google.shareWriteBudget(otherWritesPerMinute) : undefined;
}

/**
 * The membership writes a minute left for successful writes: the project's 300 less the other user's share,
 * less the share of write attempts that fail (an injected fault passed the quota check: it is charged,
 * emulator/FIDELITY.md).
 */
export function successfulWriteBudget(conditions: Conditions): number {
  return (WRITE_BUDGET_PER_MINUTE - (conditions.otherWritesPerMinute ?? 0)) * (1 - (conditions.faultRate ?? 0));
}

export function describeConditions(conditions: Conditions): string {
  const parts: string[] = [];
  if (conditions.faultRate) parts.push(`${conditions.faultRate * 100}% of calls answer 429/500/503`);
  if (conditions.transportFaultRate) parts.push(`${conditions.transportFaultRate * 100}% of UrlFetch batches throw`);
  if (conditions.otherWritesPerMinute) parts.push(`another user spends ${conditions.otherWritesPerMinute} writes/min`);
  return parts.join('; ');
}
