/**
 * Every workload shape of DESIGN.md §5 as data: how to build it, what else happens in Google meanwhile,
 * and its ratio target. `npm run bench` runs each with Chat Roster and with the naive loop.
 */
import type { Conditions } from './conditions';
import { noDirectoryWorkload, ouRuleWorkload, throughputWorkload, type Workload } from './workload';

export interface WorkloadSpec {
  /** short name for tables and logs */
  id: string;
  build: () => Workload;
  conditions: Conditions;
  /** time to converge ÷ lower bound: at most this (hard) */
  maxRatio: number;
  /** what the workload is, for the report */
  about: string;
}

const RATIO = 1.05;
const RATIO_FAULTS = 1.10;

const named = (name: string, build: () => Workload) => (): Workload => ({ ...build(), name });

export const WORKLOADS: WorkloadSpec[] = [
  { id: '10k/40', build: throughputWorkload, conditions: {}, maxRatio: RATIO, about: '10,000 rows over 40 spaces, 30% already members, ~3% of the new ones Manager/Owner' },
  { id: '6k/1500', build: () => throughputWorkload(6_000, 1_500), conditions: {}, maxRatio: RATIO, about: '6,000 rows over 1,500 spaces (4 each), same mix' },
  // The same mix as every other roster. With every row new, no tool could be 2× faster than the naive loop:
  // one call at a time at 300 ms is 200 a minute, two thirds of the 300-write budget (REPORT.md says so).
  { id: '1 space', build: named('3,000 rows into one space', () => throughputWorkload(3_000, 1, 3_000)), conditions: {}, maxRatio: RATIO, about: '3,000 rows into one space, same mix (30% already members)' },
  { id: '50k org', build: named('10,000 rows, 50,000-person directory', () => throughputWorkload(10_000, 40, 50_000)), conditions: {}, maxRatio: RATIO, about: 'the 10k/40 roster in a directory of 50,000 people' },
  { id: 'no Directory', build: named('10,000 rows, caller without Directory access', noDirectoryWorkload), conditions: {}, maxRatio: RATIO, about: 'the 10k/40 roster run by a Chat admin the Directory refuses (no admin privilege there, directory sharing off): identities by members.get per row' },
  { id: 'faults', build: named('10,000 rows, 10% transient faults', throughputWorkload), conditions: { faultRate: 0.1, transportFaultRate: 0.1 }, maxRatio: RATIO_FAULTS, about: 'the 10k/40 roster; 10% of all API calls answer 429, 500 or 503 (a third each) and 10% of UrlFetch batches throw after their requests took effect' },
  { id: 'shared budget', build: named('10,000 rows, half the write budget taken', throughputWorkload), conditions: { otherWritesPerMinute: 150 }, maxRatio: RATIO, about: 'the 10k/40 roster while another user of the Cloud project spends 150 membership writes a minute' },
  { id: 'OU rule', build: ouRuleWorkload, conditions: {}, maxRatio: RATIO, about: 'one Rules row enrolling a 5,000-person organisational unit into one space (30% already in), the Roster empty' },
];
