/** Sums over the emulator's call log (google.calls): what was called, with which status, and when. */
import type { ApiCallRecord } from '../../emulator/google';

export interface CallSummary {
  calls: number;
  /** membership create/patch/delete answered 2xx */
  writes: number;
  /** membership create/patch/delete with any status */
  writeAttempts: number;
  /** spaces.members.get / list */
  memberReads: number;
  /** spaces.get / list / search and Directory calls */
  otherCalls: number;
  otherByMethod: Record<string, number>;
  status429: number;
  /** non-2xx answers other than 429, by "method status" */
  failures: Record<string, number>;
  firstWriteAt?: number;
  lastWriteAt?: number;
}

const MEMBER_READS = new Set(['chat.spaces.members.get', 'chat.spaces.members.list']);
const short = (methodId: string) => methodId.replace(/^chat\.|^admin\.directory\./, '');

export function summarize(calls: readonly ApiCallRecord[]): CallSummary {
  const summary: CallSummary = { calls: calls.length, writes: 0, writeAttempts: 0, memberReads: 0, otherCalls: 0, otherByMethod: {}, status429: 0, failures: {} };
  for (const call of calls) {
    const ok = call.status >= 200 && call.status < 300;
    if (call.status === 429) summary.status429++;
    else if (!ok) {
      const key = `${short(call.methodId)} ${call.status}`;
      summary.failures[key] = (summary.failures[key] ?? 0) + 1;
    }
    if (call.write) {
      summary.writeAttempts++;
      if (ok) {
        summary.writes++;
        summary.firstWriteAt ??= call.at;
        summary.lastWriteAt = call.at;
      }
    } else if (MEMBER_READS.has(call.methodId)) {
      summary.memberReads++;
    } else {
      summary.otherCalls++;
      const key = short(call.methodId);
      summary.otherByMethod[key] = (summary.otherByMethod[key] ?? 0) + 1;
    }
  }
  return summary;
}

export const formatCounts = (counts: Record<string, number>): string =>
  Object.entries(counts).map(([key, n]) => `${key} ×${n}`).join(', ') || 'none';
